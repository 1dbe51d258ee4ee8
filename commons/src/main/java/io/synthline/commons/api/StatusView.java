package io.synthline.commons.api;

/**
 * The answer of an action that only reports where it left its resource, e.g. {@code updated}, or
 * {@code DELETION_REQUESTED} after a deletion request.
 */
public record StatusView(String status) {
}
