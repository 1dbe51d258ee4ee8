package io.synthline.generator.engine.privacy;

/**
 * Where one column's domain (value set, bounds, bins) came from, so a reader of the privacy
 * report knows what was public knowledge and what was paid for.
 *
 * @param source {@code declared} (from the schema: public, free), {@code learned} (from the data
 *               under DP; the cost is in the report's mechanisms), or {@code not-modelled}
 * @param detail human-readable, never a data value learned without DP
 */
public record DomainProvenance(String column, String source, String detail) {
    public static final String DECLARED = "declared";
    public static final String LEARNED = "learned";
    public static final String NOT_MODELLED = "not-modelled";
}
