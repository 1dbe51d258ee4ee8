package io.synthline.governance.engine.budget;

import io.synthline.commons.api.BadInputException;
import java.math.BigDecimal;

/**
 * An (epsilon, delta) pair in exact decimals. Budgets compose sequentially (amounts add up), and
 * doing that in binary floating point would let 50 reservations of 0.02 exceed a cap of 1.0 by
 * 7e-16 and be refused; decimals keep the ledger exact.
 */
public record PrivacyAmount(BigDecimal epsilon, BigDecimal delta) {
    public static final PrivacyAmount ZERO = new PrivacyAmount(BigDecimal.ZERO, BigDecimal.ZERO);

    public PrivacyAmount {
        epsilon = epsilon == null ? BigDecimal.ZERO : epsilon.stripTrailingZeros();
        delta = delta == null ? BigDecimal.ZERO : delta.stripTrailingZeros();
    }

    /** From the doubles of an API document or event, through their shortest decimal form (0.1 stays 0.1). */
    public static PrivacyAmount of(double epsilon, double delta) {
        return new PrivacyAmount(BigDecimal.valueOf(epsilon), BigDecimal.valueOf(delta));
    }

    /** A requested amount: epsilon > 0 and finite, 0 <= delta < 1. */
    public static PrivacyAmount requested(Double epsilon, Double delta) {
        if (epsilon == null || epsilon.isNaN() || epsilon.isInfinite() || epsilon <= 0) {
            throw new BadInputException("invalid-epsilon", "epsilon must be a positive finite number, got " + epsilon);
        }
        double d = delta == null ? 0 : delta;
        if (Double.isNaN(d) || d < 0 || d >= 1) {
            throw new BadInputException("invalid-delta", "delta must be in [0, 1), got " + delta);
        }
        return of(epsilon, d);
    }

    public PrivacyAmount plus(PrivacyAmount other) {
        return new PrivacyAmount(epsilon.add(other.epsilon), delta.add(other.delta));
    }

    public PrivacyAmount minus(PrivacyAmount other) {
        return new PrivacyAmount(epsilon.subtract(other.epsilon), delta.subtract(other.delta));
    }

    public boolean exceeds(PrivacyAmount other) {
        return epsilon.compareTo(other.epsilon) > 0 || delta.compareTo(other.delta) > 0;
    }

    public boolean isZero() {
        return epsilon.signum() == 0 && delta.signum() == 0;
    }
}
