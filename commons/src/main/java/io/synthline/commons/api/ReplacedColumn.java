package io.synthline.commons.api;

/**
 * A column of a synthetic output whose values replace personal data instead of imitating it: what
 * the generator records in an output's manifest, and what the evaluator reports separately from
 * the synthetic columns.
 *
 * @param column    the column's name
 * @param kind      the replacement kind (e.g. {@code email}, {@code full_name}, {@code date_of_birth};
 *                  see {@link PiiSpec})
 * @param learnedAs null when the values are made without looking at the rows (fake names, e-mails,
 *                  ...): no synthetic version of the real column, so the evaluator leaves it out of
 *                  fidelity and privacy measures. Otherwise the non-identifying quantity the model
 *                  learned like any other column and the values were made within (e.g. {@code year
 *                  of birth} for a date of birth): such a column is evaluated as a synthetic column too.
 */
public record ReplacedColumn(String column, String kind, String learnedAs) {
    /** Whether the values were made without the model: independent of the real rows, and not a synthetic version of them. */
    public boolean generatedOnly() {
        return learnedAs == null;
    }
}
