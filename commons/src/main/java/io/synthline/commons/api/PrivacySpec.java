package io.synthline.commons.api;

import java.util.List;

/**
 * The differential-privacy block of a generation request, for the DP models ({@code mst},
 * {@code aim}). (epsilon, delta) is what governance reserves from the dataset's budget; the run
 * fits with exactly the approved amount. The domain declaration is public knowledge supplied by
 * the data owner; what it leaves open is learned privately with a declared share of the budget,
 * or refused.
 *
 * @param domainBudgetShare     share of the budget spent learning undeclared domains (default 0.15)
 * @param requireDeclaredDomain refuse to run when the declaration leaves a domain open
 * @param domain                the public domain declaration (columns by name); null = nothing declared
 */
public record PrivacySpec(Double epsilon, Double delta, Double domainBudgetShare, Boolean requireDeclaredDomain,
        List<DeclaredColumn> domain) {
    public PrivacySpec {
        domain = domain == null ? null : List.copyOf(domain);
    }

    public static PrivacySpec of(double epsilon, double delta) {
        return new PrivacySpec(epsilon, delta, null, null, null);
    }

    /** The same block with (epsilon, delta) replaced, e.g. by the amount governance approved. */
    public PrivacySpec withBudget(double e, double d) {
        return new PrivacySpec(e, d, domainBudgetShare, requireDeclaredDomain, domain);
    }
}
