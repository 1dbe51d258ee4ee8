package io.synthline.commons.api;

/**
 * New privacy-budget caps of a dataset or of a whole tenant.
 *
 * @param epsilonCap    null = no cap
 * @param deltaCap      in [0, 1); null = no cap
 * @param justification required: why (kept in the audit trail)
 */
public record BudgetCapRequest(Double epsilonCap, Double deltaCap, String justification) {
}
