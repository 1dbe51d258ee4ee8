package io.synthline.commons.profile;

import java.util.List;

/**
 * A column that holds personal data of one kind.
 *
 * @param confidence    0..1: how sure the detector is that the column holds this kind
 * @param locale        BCP 47 hint for realistic replacements (e.g. {@code en-US} for NANP phones and SSNs,
 *                      {@code de-DE} for German IBANs); null when the values do not tell
 * @param format        kind-specific format hint (see {@link PiiKind}); null when not applicable
 * @param matchShare    share of the sampled non-missing values that passed the kind's validator
 *                      (e.g. Luhn for cards, the mod-97 checksum for IBANs)
 * @param sampledValues how many non-missing values were checked
 * @param evidence      why: column-name and value-pattern observations, in words, without raw values
 * @param embedded      for {@link PiiKind#FREE_TEXT_WITH_PII}: the kinds found inside the text
 */
public record PiiFinding(
        String column,
        PiiKind kind,
        double confidence,
        String locale,
        String format,
        double matchShare,
        long sampledValues,
        List<String> evidence,
        List<PiiKind> embedded) {

    public PiiFinding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        embedded = embedded == null ? List.of() : List.copyOf(embedded);
    }
}
