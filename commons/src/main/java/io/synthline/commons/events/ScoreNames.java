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
    /**
     * ML utility lost by training on synthetic instead of real rows: the largest TRTR - TSTR gap in
     * ROC AUC over the evaluator's model families, tested on real rows; lower is better (needs a label).
     */
    public static final String UTILITY_GAP = "utilityGap";
    /**
     * How well a classifier tells synthetic from real rows: the largest cross-validated ROC AUC over
     * the evaluator's model families; 0.5 is indistinguishable, lower is better.
     */
    public static final String DETECTION_AUC = "detectionAuc";
    /**
     * Values of replaced PII columns (generated, not learned) that equal a real value of the same
     * column, over the kinds where a value identifies someone (e-mail, phone, card, ...); must be 0.
     * Absent when no column was replaced.
     */
    public static final String PII_REAL_VALUES = "piiRealValues";

    private ScoreNames() {
    }
}
