package io.synthline.generator.engine.privacy;

/**
 * Conversions and costs in zero-concentrated differential privacy (rho-zCDP, Bun and Steinke 2016).
 *
 * <p>The (epsilon, delta) conversion is the tight one of Canonne, Kamath and Steinke (2020,
 * "The Discrete Gaussian for Differential Privacy", Proposition 12 / Corollary 13): a rho-zCDP
 * mechanism is (epsilon, delta)-DP for
 * <pre>delta = inf_{alpha > 1} exp((alpha - 1)(alpha rho - epsilon)) / (alpha - 1) * (1 - 1/alpha)^alpha</pre>
 * The log of the objective has derivative {@code (2 alpha - 1) rho - epsilon + log(1 - 1/alpha)},
 * increasing in alpha, so its unique root is found by bisection. The inverse directions
 * (epsilon from rho and delta; rho from epsilon and delta) are monotone and found by bisection too,
 * always rounding in the conservative direction.
 */
public final class ZeroConcentratedDp {
    private static final int BISECTION_STEPS = 200;

    private ZeroConcentratedDp() {
    }

    /** The smallest delta such that rho-zCDP implies (epsilon, delta)-DP. */
    public static double delta(double rho, double epsilon) {
        requireNonNegative(rho, "rho");
        requireNonNegative(epsilon, "epsilon");
        if (rho == 0) {
            return 0;
        }
        double lo = 1;
        double hi = Math.max(2, (epsilon + 1) / (2 * rho) + 2);
        while (derivative(hi, rho, epsilon) < 0) {
            hi *= 2;
        }
        for (int i = 0; i < BISECTION_STEPS && hi - lo > 1e-15 * hi; i++) {
            double alpha = 0.5 * (lo + hi);
            if (derivative(alpha, rho, epsilon) < 0) {
                lo = alpha;
            } else {
                hi = alpha;
            }
        }
        double alpha = hi;
        double logDelta = (alpha - 1) * (alpha * rho - epsilon) + alpha * Math.log1p(-1 / alpha) - Math.log(alpha - 1);
        return Math.min(1, Math.exp(logDelta));
    }

    private static double derivative(double alpha, double rho, double epsilon) {
        return (2 * alpha - 1) * rho - epsilon + Math.log1p(-1 / alpha);
    }

    /**
     * The smallest epsilon such that rho-zCDP implies (epsilon, delta)-DP: the number to report
     * for a spent rho. Rounded up.
     */
    public static double epsilon(double rho, double delta) {
        requireNonNegative(rho, "rho");
        requireProbability(delta);
        if (rho == 0) {
            return 0;
        }
        double lo = 0;
        // The classical bound rho + 2 sqrt(rho log(1/delta)) always suffices.
        double hi = rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
        for (int i = 0; i < BISECTION_STEPS; i++) {
            double eps = 0.5 * (lo + hi);
            if (delta(rho, eps) <= delta) {
                hi = eps;
            } else {
                lo = eps;
            }
        }
        return hi;
    }

    /**
     * The largest rho such that rho-zCDP implies (epsilon, delta)-DP: the budget a request for
     * (epsilon, delta) grants. Rounded down.
     */
    public static double rho(double epsilon, double delta) {
        requirePositive(epsilon, "epsilon");
        requireProbability(delta);
        double lo = 0;
        double hi = epsilon + 1;
        for (int i = 0; i < BISECTION_STEPS; i++) {
            double r = 0.5 * (lo + hi);
            if (delta(r, epsilon) <= delta) {
                lo = r;
            } else {
                hi = r;
            }
        }
        return lo;
    }

    /** The zCDP cost of adding N(0, sigma^2) (continuous or discrete) to a query of L2 sensitivity {@code l2Sensitivity}. */
    public static double gaussianRho(double l2Sensitivity, double sigma) {
        requirePositive(sigma, "sigma");
        return l2Sensitivity * l2Sensitivity / (2 * sigma * sigma);
    }

    /** The noise scale that makes a Gaussian mechanism of the given sensitivity cost exactly {@code rho}. */
    public static double gaussianSigma(double l2Sensitivity, double rho) {
        requirePositive(rho, "rho");
        return l2Sensitivity / Math.sqrt(2 * rho);
    }

    /**
     * The zCDP cost of the epsilon-exponential mechanism (bounded range, Cesar and Rogers 2021,
     * as used by AIM): epsilon^2 / 8.
     */
    public static double exponentialRho(double epsilon) {
        requireNonNegative(epsilon, "epsilon");
        return epsilon * epsilon / 8;
    }

    /** The epsilon of an exponential mechanism that costs {@code rho}. */
    public static double exponentialEpsilon(double rho) {
        requireNonNegative(rho, "rho");
        return Math.sqrt(8 * rho);
    }

    /** Sequential (adaptive) composition: zCDP costs add up. */
    public static double compose(double... rhos) {
        double total = 0;
        for (double r : rhos) {
            requireNonNegative(r, "rho");
            total += r;
        }
        return total;
    }

    private static void requireNonNegative(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite non-negative number, got " + v);
        }
    }

    private static void requirePositive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite positive number, got " + v);
        }
    }

    private static void requireProbability(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
    }
}
