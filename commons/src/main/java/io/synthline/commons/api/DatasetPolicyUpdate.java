package io.synthline.commons.api;

/**
 * A change of a dataset's governance metadata; null fields keep their value.
 *
 * @param retention     ISO-8601 duration such as {@code P90D} or {@code PT12H}; {@code "none"} removes the limit
 * @param justification why (recorded in the audit trail); required when the classification is lowered
 */
public record DatasetPolicyUpdate(String owner, String classification, String purpose, String legalBasis, String retention,
        String justification) {
}
