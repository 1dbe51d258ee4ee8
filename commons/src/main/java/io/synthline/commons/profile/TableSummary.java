package io.synthline.commons.profile;

/**
 * @param missingCells cells that are missing, over all columns
 * @param duplicates   rows identical to an earlier row
 */
public record TableSummary(long missingCells, double missingShare, DuplicateRows duplicates) {

    /**
     * Exact when the distinct row hashes fit the tracker; otherwise estimated from a hash-based
     * sample (all copies of a row are in or out together) scaled by {@code 1 / sampleFraction}.
     * Rows are compared by a 64-bit hash of their cells, so "exact" holds up to hash collisions.
     */
    public record DuplicateRows(long count, double share, boolean exact, double sampleFraction) {
    }
}
