package io.synthline.commons.profile;

import io.synthline.commons.table.ColumnType;
import java.util.List;

/**
 * One column's facts. Which summaries are present depends on {@link #type}: {@code numeric} for
 * INTEGER and DECIMAL, {@code datetime} for DATETIME, {@code text} (value lengths) for every column
 * read as text (BOOLEAN, CATEGORICAL, TEXT, IDENTIFIER).
 *
 * @param format          datetime pattern ({@link java.time.format.DateTimeFormatter} syntax) for DATETIME
 * @param inferredType    what inference decided from the values; differs from {@code type} when overridden
 * @param typeOverridden  an explicit schema chose {@code type}
 * @param count           non-missing values
 * @param invalidCount    non-missing values that do not conform to {@code type} (only with an override)
 * @param firstInvalidLine 1-based line of the first such value, null when none
 * @param typeCounts      how many non-missing values look like each basic kind (integer, decimal,
 *                        boolean, datetime, text); a column with several kinds is "mixed"
 * @param frequent        most frequent values with counts; null when values are withheld
 * @param examples        a few distinct values; empty when values are withheld
 * @param valuesWithheld  true for PII columns: raw values (examples, frequent items, text extremes) are not
 *                        copied into the profile
 * @param formulaLikeCount values a spreadsheet would execute as a formula ({@code =cmd|...}, {@code @SUM(...)})
 */
public record ColumnProfile(
        String name,
        int index,
        ColumnType type,
        String format,
        ColumnType inferredType,
        String inferredFormat,
        boolean typeOverridden,
        long count,
        long nullCount,
        double nullShare,
        DistinctCount distinct,
        long invalidCount,
        Long firstInvalidLine,
        TypeCounts typeCounts,
        NumericSummary numeric,
        DatetimeSummary datetime,
        TextSummary text,
        FrequentItems frequent,
        List<String> examples,
        boolean valuesWithheld,
        long formulaLikeCount) {

    public ColumnProfile {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /**
     * Counts of non-missing values by the most specific kind they parse as: {@code integer} values
     * are not also counted as decimal, datetimes are values matching the column's datetime pattern
     * (or any known pattern when the column is not DATETIME), {@code text} is everything else.
     */
    public record TypeCounts(long integer, long decimal, long bool, long datetime, long text) {
        public long kinds() {
            return (integer + decimal > 0 ? 1 : 0) + (bool > 0 ? 1 : 0) + (datetime > 0 ? 1 : 0) + (text > 0 ? 1 : 0);
        }
    }
}
