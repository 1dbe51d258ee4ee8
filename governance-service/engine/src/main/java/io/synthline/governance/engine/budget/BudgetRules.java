package io.synthline.governance.engine.budget;

import java.util.List;

/**
 * The ledger's decisions, independent of storage. The caller holds both accounts locked (tenant,
 * then dataset, always in that order) while it asks and applies the answer, which makes the
 * check-then-add atomic.
 */
public final class BudgetRules {
    private BudgetRules() {
    }

    /** Why a reservation is refused: stable ids that also appear in generation.refused. */
    public static final String DATASET_EXHAUSTED = "budget-exhausted";
    public static final String TENANT_EXHAUSTED = "tenant-budget-exhausted";

    public sealed interface Decision permits Granted, Refused {
    }

    public record Granted(BudgetAccount dataset, BudgetAccount tenant) implements Decision {
    }

    public record Refused(List<String> violations, String reason) implements Decision {
    }

    public static Decision reserve(BudgetAccount dataset, BudgetAccount tenant, PrivacyAmount request) {
        if (!dataset.admits(request)) {
            return new Refused(List.of(DATASET_EXHAUSTED), "the dataset's privacy budget cannot cover epsilon "
                    + request.epsilon().toPlainString() + ", delta " + request.delta().toPlainString() + ": remaining epsilon "
                    + plain(dataset.epsilonRemaining()) + ", delta " + plain(dataset.deltaRemaining()));
        }
        if (!tenant.admits(request)) {
            return new Refused(List.of(TENANT_EXHAUSTED), "the tenant's privacy budget cannot cover epsilon "
                    + request.epsilon().toPlainString() + ": remaining epsilon " + plain(tenant.epsilonRemaining()));
        }
        return new Granted(dataset.withReserved(dataset.reserved().plus(request)),
                tenant.withReserved(tenant.reserved().plus(request)));
    }

    /**
     * Turns a reservation into spending. What the run reports is charged (a run that reports more
     * than it reserved is charged the truth, see {@link #overspent}); no report charges the reservation.
     */
    public static PrivacyAmount charge(PrivacyAmount reserved, PrivacyAmount reported) {
        return reported == null ? reserved : reported;
    }

    public static boolean overspent(PrivacyAmount reserved, PrivacyAmount charged) {
        return charged.exceeds(reserved);
    }

    private static String plain(java.math.BigDecimal v) {
        return v == null ? "unlimited" : v.toPlainString();
    }
}
