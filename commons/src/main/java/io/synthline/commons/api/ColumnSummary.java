package io.synthline.commons.api;

import io.synthline.commons.table.ColumnType;

/** The per-column facts the skeleton profile publishes; the full profile document extends this. */
public record ColumnSummary(String name, ColumnType type, long nullCount, long distinctEstimate) {
}
