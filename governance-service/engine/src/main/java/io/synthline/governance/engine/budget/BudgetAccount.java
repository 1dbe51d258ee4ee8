package io.synthline.governance.engine.budget;

import java.math.BigDecimal;

/**
 * The state of one ledger account (a dataset's, or a tenant's across its datasets).
 *
 * @param epsilonCap null = no epsilon cap
 * @param deltaCap   null = no delta cap
 */
public record BudgetAccount(BigDecimal epsilonCap, BigDecimal deltaCap, PrivacyAmount spent, PrivacyAmount reserved) {
    public static final BudgetAccount UNCAPPED = new BudgetAccount(null, null, PrivacyAmount.ZERO, PrivacyAmount.ZERO);

    public BudgetAccount {
        spent = spent == null ? PrivacyAmount.ZERO : spent;
        reserved = reserved == null ? PrivacyAmount.ZERO : reserved;
    }

    public PrivacyAmount committedAndHeld() {
        return spent.plus(reserved);
    }

    /** cap - spent - reserved for epsilon; null when uncapped. */
    public BigDecimal epsilonRemaining() {
        return epsilonCap == null ? null : epsilonCap.subtract(committedAndHeld().epsilon());
    }

    public BigDecimal deltaRemaining() {
        return deltaCap == null ? null : deltaCap.subtract(committedAndHeld().delta());
    }

    /** Whether {@code request} fits under both caps on top of what is spent and held. */
    public boolean admits(PrivacyAmount request) {
        PrivacyAmount after = committedAndHeld().plus(request);
        return (epsilonCap == null || after.epsilon().compareTo(epsilonCap) <= 0)
                && (deltaCap == null || after.delta().compareTo(deltaCap) <= 0);
    }

    /** Fraction of the epsilon cap spent or held, in [0, 1+]; null when uncapped or the cap is zero. */
    public Double epsilonUsedFraction() {
        if (epsilonCap == null || epsilonCap.signum() == 0) {
            return null;
        }
        return committedAndHeld().epsilon().doubleValue() / epsilonCap.doubleValue();
    }

    public BudgetAccount withReserved(PrivacyAmount newReserved) {
        return new BudgetAccount(epsilonCap, deltaCap, spent, newReserved);
    }

    public BudgetAccount withSpent(PrivacyAmount newSpent) {
        return new BudgetAccount(epsilonCap, deltaCap, newSpent, reserved);
    }
}
