package io.synthline.commons.events;

/**
 * Keys of {@link Payloads.EvaluationCompleted#scores()} that governance's release gate reads.
 * The evaluator may publish any other scores besides these.
 */
public final class ScoreNames {
    /** Overall fidelity in [0, 1], higher is better (e.g. SDMetrics' quality score). */
    public static final String FIDELITY = "fidelity";
    /** Interim fidelity measure published by the foundation evaluator; the gate falls back to it. */
    public static final String COLUMN_SHAPES = "Column Shapes";
    /** Worst privacy-attack success over the suite in [0, 1] (e.g. membership-inference advantage), lower is better. */
    public static final String PRIVACY_RISK = "privacyRisk";
    /** Largest gap of a fairness metric between protected groups in [0, 1], lower is better. */
    public static final String FAIRNESS_GAP = "fairnessGap";

    private ScoreNames() {
    }
}
