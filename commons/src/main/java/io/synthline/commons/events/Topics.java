package io.synthline.commons.events;

import java.util.List;

/** Kafka topic names. The local stack and the Kubernetes manifests create exactly these. */
public final class Topics {
    public static final String DATASETS = "synthline.dataset.events";
    public static final String GENERATIONS = "synthline.generation.events";
    public static final String EVALUATIONS = "synthline.evaluation.events";
    public static final String GOVERNANCE = "synthline.governance.events";

    public static final List<String> ALL = List.of(DATASETS, GENERATIONS, EVALUATIONS, GOVERNANCE);

    private Topics() {
    }
}
