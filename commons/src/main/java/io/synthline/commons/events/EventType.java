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
    EVALUATION_FAILED("evaluation.failed", Topics.EVALUATIONS),
    /** The evaluator took a generation's evaluation up (it runs when a worker is free): the release waits for it. */
    EVALUATION_QUEUED("evaluation.queued", Topics.EVALUATIONS),

    // --- governance (issue 8). Decisions about one generation travel on the generation topic so that
    // they stay ordered with generation.requested/completed of the same subject (generations/{id}).
    /** Governance applied the dataset's policy and lets the generator run the job (with a budget reservation for DP). */
    GENERATION_APPROVED("generation.approved", Topics.GENERATIONS),
    /** Governance refuses the request; the generator marks it REFUSED and never touches the data. */
    GENERATION_REFUSED("generation.refused", Topics.GENERATIONS),
    /** A data owner must decide; generation.approved or generation.refused follows. */
    GENERATION_APPROVAL_PENDING("generation.approval-pending", Topics.GENERATIONS),
    /** The synthetic output passed the release gate: the generator may serve it for download. */
    RELEASE_APPROVED("release.approved", Topics.GENERATIONS),
    /** The output failed the gate (or a re-evaluation failed): the generator must not serve it. */
    RELEASE_QUARANTINED("release.quarantined", Topics.GENERATIONS),
    /** A data owner released a quarantined output with a written justification. */
    RELEASE_OVERRIDDEN("release.overridden", Topics.GENERATIONS),
    /** Governance asks the evaluator to (re-)evaluate a generation's output, e.g. scheduled monitoring. */
    EVALUATION_REQUESTED("evaluation.requested", Topics.EVALUATIONS),
    /** Owner, classification, purpose, legal basis or retention of a dataset changed. */
    DATASET_POLICY_UPDATED("dataset.policy-updated", Topics.DATASETS),
    /** Governance asks the profiler to delete a dataset (retention expired or owner request); dataset.deleted follows. */
    DATASET_DELETION_REQUESTED("dataset.deletion-requested", Topics.DATASETS),
    BUDGET_RESERVED("budget.reserved", Topics.GOVERNANCE),
    BUDGET_COMMITTED("budget.committed", Topics.GOVERNANCE),
    BUDGET_RELEASED("budget.released", Topics.GOVERNANCE),
    /** The privacy-budget cap of a dataset or a tenant was set or changed. */
    BUDGET_CAP_CHANGED("budget.cap-changed", Topics.GOVERNANCE),
    ACCESS_GRANTED("access.granted", Topics.GOVERNANCE),
    ACCESS_REVOKED("access.revoked", Topics.GOVERNANCE),
    /** A user holding a privileged role signed in (e.g. to the compliance dashboard). */
    ACCESS_LOGIN("access.login", Topics.GOVERNANCE),
    ALERT_RAISED("alert.raised", Topics.GOVERNANCE),
    ALERT_ACKNOWLEDGED("alert.acknowledged", Topics.GOVERNANCE),
    /** An evidence bundle of the audit trail was exported (who exported what range). */
    AUDIT_EXPORTED("audit.exported", Topics.GOVERNANCE),
    /** A platform admin read or acted in a tenant other than their own (with the reason they gave). */
    PLATFORM_TENANT_ACCESSED("platform.tenant-accessed", Topics.GOVERNANCE);

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
