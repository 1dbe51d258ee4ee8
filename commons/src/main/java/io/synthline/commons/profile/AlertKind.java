package io.synthline.commons.profile;

/** Data-quality and privacy warnings, in the spirit of ydata-profiling's alerts. */
public enum AlertKind {
    CONSTANT,
    UNIQUE,
    HIGH_CARDINALITY,
    HIGH_MISSING,
    ALL_MISSING,
    SKEWED,
    IMBALANCE,
    HIGH_CORRELATION,
    DUPLICATE_ROWS,
    MIXED_TYPES,
    OUTLIERS,
    ZEROS,
    /** Values that a spreadsheet would execute ({@code =}, {@code +}, {@code -}, {@code @} followed by a formula). */
    FORMULA_INJECTION,
    /** The explicit schema declares a type some values do not have. */
    INVALID_VALUES,
    PII,
    NO_ROWS
}
