package io.synthline.commons.api;

/**
 * A data owner's answer to a pending generation or a quarantined release.
 *
 * @param justification required: why (kept in the audit trail)
 */
public record GovernanceDecision(String justification) {
}
