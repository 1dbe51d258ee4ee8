package io.synthline.commons.evaluation;

import java.util.List;

/**
 * The columns whose values replaced personal data, checked for what a replacement must be instead
 * of how close it is to the original: values of the kind's format, as unique as the real ones, and
 * no real value returned. Columns made without the model ({@link Column#inFidelity()} false) are
 * left out of quality, accuracy, detection, utility, privacy and the release gate's fidelity.
 *
 * @param realValues the sum of {@link Column#realValueMatches()} over identifying columns (the
 *                   release gate's {@code piiRealValues}, which must be 0)
 */
public record PiiReplacement(List<Column> columns, long realValues) {
    /**
     * @param kind              the replacement kind (generator's, e.g. {@code email})
     * @param learnedAs         what the model learned the values within (e.g. {@code year of birth}), or null
     * @param inFidelity        whether the column also counts as a synthetic column (quality, privacy, ...)
     * @param identifying       whether one value points to one person (e-mail, phone, card, ...): then a
     *                          synthetic value equal to a real one is a leak. Common values (first names,
     *                          cities, birth dates) are shared by many people; their matches are shown only
     * @param values            non-missing synthetic values
     * @param missingShare      share of synthetic rows without a value (real: {@code realMissingShare})
     * @param validShare        share of the non-missing synthetic values that satisfy {@code rule}
     * @param rule              the format rule, in words
     * @param distinctShare     distinct synthetic values / non-missing synthetic values
     * @param realDistinctShare the same over the real rows (1.0: the real column was a key)
     * @param realValueMatches  synthetic values equal (trimmed, case-folded) to a value of the real column
     *                          (training and held-out rows)
     */
    public record Column(String name, String kind, String learnedAs, boolean inFidelity, boolean identifying, long values,
            double missingShare, double realMissingShare, double validShare, String rule, double distinctShare,
            double realDistinctShare, long realValueMatches) {
    }
}
