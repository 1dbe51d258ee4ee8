package io.synthline.generator.engine.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps one run inside its (epsilon, delta) guarantee. The requested delta is split once, up
 * front: {@code thresholdDelta} for thresholded histograms (if the run needs them), the rest for
 * the zCDP-to-(epsilon, delta) conversion, which fixes the zCDP budget rho. Every mechanism then
 * charges its cost before it touches the data; a charge that would exceed the budget is a bug and
 * fails loudly instead of silently weakening the guarantee.
 */
public final class PrivacyAccountant {
    /** Relative slack for floating-point rounding when the last charge spends "exactly" the rest. */
    private static final double ROUNDING_SLACK = 1e-9;

    private final PrivacyGuarantee target;
    private final double thresholdDelta;
    private final double conversionDelta;
    private final double rhoBudget;
    private final List<PrivacySpend> spends = new ArrayList<>();
    private double rhoSpent;
    private double thresholdDeltaSpent;

    public PrivacyAccountant(PrivacyGuarantee target, double thresholdDelta) {
        if (!(thresholdDelta >= 0) || thresholdDelta >= target.delta()) {
            throw new IllegalArgumentException("threshold delta must be in [0, delta), got " + thresholdDelta);
        }
        this.target = target;
        this.thresholdDelta = thresholdDelta;
        this.conversionDelta = target.delta() - thresholdDelta;
        this.rhoBudget = ZeroConcentratedDp.rho(target.epsilon(), conversionDelta);
    }

    public PrivacyAccountant(PrivacyGuarantee target) {
        this(target, 0);
    }

    public PrivacyGuarantee target() {
        return target;
    }

    public double rhoBudget() {
        return rhoBudget;
    }

    public synchronized double rhoSpent() {
        return rhoSpent;
    }

    public synchronized double rhoRemaining() {
        return Math.max(0, rhoBudget - rhoSpent);
    }

    public double thresholdDeltaBudget() {
        return thresholdDelta;
    }

    public synchronized double thresholdDeltaRemaining() {
        return Math.max(0, thresholdDelta - thresholdDeltaSpent);
    }

    /** Records a spend; throws if it would break the guarantee. Call before releasing the mechanism's output. */
    public synchronized void charge(PrivacySpend spend) {
        if (!(spend.rho() >= 0) || !(spend.delta() >= 0)) {
            throw new IllegalArgumentException("costs must be non-negative: " + spend);
        }
        double rhoAfter = rhoSpent + spend.rho();
        if (rhoAfter > rhoBudget * (1 + ROUNDING_SLACK)) {
            throw new IllegalStateException("privacy budget exceeded: " + spend.purpose() + " needs rho " + spend.rho()
                    + " but only " + rhoRemaining() + " of " + rhoBudget + " remains");
        }
        double deltaAfter = thresholdDeltaSpent + spend.delta();
        if (deltaAfter > thresholdDelta * (1 + ROUNDING_SLACK)) {
            throw new IllegalStateException("threshold delta exceeded: " + spend.purpose() + " needs " + spend.delta()
                    + " but only " + thresholdDeltaRemaining() + " remains");
        }
        rhoSpent = Math.min(rhoAfter, rhoBudget);
        thresholdDeltaSpent = Math.min(deltaAfter, thresholdDelta);
        spends.add(spend);
    }

    public synchronized List<PrivacySpend> spends() {
        return List.copyOf(spends);
    }

    /**
     * The guarantee actually achieved: rho spent converted at the conversion delta, plus the
     * threshold delta actually used.
     */
    public synchronized PrivacyReport report(String noiseSource, boolean privateNoise, List<DomainProvenance> domain) {
        double epsilonSpent = rhoSpent == 0 ? 0 : Math.min(target.epsilon(), ZeroConcentratedDp.epsilon(rhoSpent, conversionDelta));
        double deltaSpent = rhoSpent == 0 ? thresholdDeltaSpent : conversionDelta + thresholdDeltaSpent;
        Map<String, PrivacyReport.MechanismUse> uses = new LinkedHashMap<>();
        for (PrivacySpend s : spends) {
            uses.merge(s.stage() + "\u0000" + s.mechanism(), PrivacyReport.MechanismUse.of(s), PrivacyReport.MechanismUse::plus);
        }
        return new PrivacyReport(target.epsilon(), target.delta(), rhoBudget, rhoSpent, epsilonSpent, deltaSpent,
                privateNoise, noiseSource, List.copyOf(uses.values()), List.copyOf(domain));
    }
}
