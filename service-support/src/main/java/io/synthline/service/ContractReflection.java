package io.synthline.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.synthline.commons.api.AuditEntryView;
import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.api.DatasetView;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.GenerationView;
import io.synthline.commons.api.Problem;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.TableSchema;

/**
 * Native images keep only what is reachable; contract types that Jackson reads or writes by
 * reflection outside REST signatures (event payloads, stored JSON) must be registered here.
 */
@RegisterForReflection(targets = {
        EventEnvelope.class, Payloads.DatasetRegistered.class, Payloads.DatasetProfiled.class,
        Payloads.DatasetDeleted.class, Payloads.GenerationRequested.class, Payloads.GenerationProgress.class,
        Payloads.GenerationCompleted.class, Payloads.GenerationFailed.class, Payloads.EvaluationCompleted.class,
        Payloads.EvaluationFailed.class, AuditEntryView.class, ColumnSummary.class, DatasetView.class,
        GenerationRequest.class, GenerationView.class, Problem.class, TableSchema.class, ColumnSchema.class})
public final class ContractReflection {
    private ContractReflection() {
    }
}
