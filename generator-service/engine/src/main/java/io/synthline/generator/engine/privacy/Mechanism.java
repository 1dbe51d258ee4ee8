package io.synthline.generator.engine.privacy;

/** The privacy mechanisms the engine uses, by the name they appear under in reports and audit events. */
public enum Mechanism {
    /** Discrete Gaussian noise on integer counts; costs Delta^2 / (2 sigma^2). */
    DISCRETE_GAUSSIAN("discrete-gaussian"),
    /** Exponential mechanism, sampled exactly; costs epsilon^2 / 8. */
    EXPONENTIAL("exponential"),
    /**
     * Discrete Gaussian on the counts of values that occur, releasing only those above a threshold
     * (a stability-based histogram): its Gaussian part costs rho like {@link #DISCRETE_GAUSSIAN},
     * and a value seen only once could pass the threshold with probability delta, which is added
     * to the run's delta.
     */
    THRESHOLDED_GAUSSIAN("thresholded-discrete-gaussian");

    private final String wireName;

    Mechanism(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
