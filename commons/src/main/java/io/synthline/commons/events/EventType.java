package io.synthline.commons.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every domain event type on the bus, with the topic it travels on. The wire name is the
 * CloudEvents {@code type} attribute; topics group events by the aggregate they describe so that
 * ordering per resource (Kafka key = subject) holds within one topic.
 */
public enum EventType {
    DATASET_REGISTERED("dataset.registered", Topics.DATASETS),
    DATASET_PROFILED("dataset.profiled", Topics.DATASETS),
    DATASET_DELETED("dataset.deleted", Topics.DATASETS),
    GENERATION_REQUESTED("generation.requested", Topics.GENERATIONS),
    GENERATION_PROGRESS("generation.progress", Topics.GENERATIONS),
    GENERATION_COMPLETED("generation.completed", Topics.GENERATIONS),
    GENERATION_FAILED("generation.failed", Topics.GENERATIONS),
    EVALUATION_COMPLETED("evaluation.completed", Topics.EVALUATIONS),
    EVALUATION_FAILED("evaluation.failed", Topics.EVALUATIONS);

    private final String wireName;
    private final String topic;

    EventType(String wireName, String topic) {
        this.wireName = wireName;
        this.topic = topic;
    }

    public String wireName() {
        return wireName;
    }

    public String topic() {
        return topic;
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
