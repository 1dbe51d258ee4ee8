package io.synthline.profiler.engine;

import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.table.TableSchema;
import java.util.List;

/** The result of profiling: the inferred schema plus per-column facts. */
public record DatasetProfile(String version, long rowCount, TableSchema schema, List<ColumnSummary> columns) {
    public static final String VERSION = "1";
}
