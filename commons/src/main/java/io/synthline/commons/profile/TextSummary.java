package io.synthline.commons.profile;

/**
 * Lengths in UTF-16 code units, as Java and pandas' {@code str.len()} count them.
 *
 * @param blank values that are only whitespace
 */
public record TextSummary(int minLength, int maxLength, double meanLength, long blank) {
}
