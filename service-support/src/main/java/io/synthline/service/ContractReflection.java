package io.synthline.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.synthline.commons.api.AuditEntryView;
import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.api.DatasetView;
import io.synthline.commons.api.EvaluationView;
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
        Payloads.EvaluationFailed.class, Payloads.DatasetPolicyUpdated.class, Payloads.DatasetDeletionRequested.class,
        Payloads.PrivacyParameters.class, Payloads.PrivacySpent.class, Payloads.BudgetReservation.class,
        Payloads.GenerationApproved.class, Payloads.GenerationRefused.class, Payloads.GenerationApprovalPending.class,
        Payloads.EvaluationRequested.class, Payloads.GateCheck.class, Payloads.ReleaseApproved.class,
        Payloads.ReleaseQuarantined.class, Payloads.ReleaseOverridden.class, Payloads.BudgetReserved.class,
        Payloads.BudgetCommitted.class, Payloads.BudgetReleased.class, Payloads.BudgetCapChanged.class,
        Payloads.AccessGranted.class, Payloads.AccessRevoked.class, Payloads.AccessLogin.class, Payloads.AlertRaised.class,
        Payloads.AlertAcknowledged.class, Payloads.AuditExported.class, Payloads.TenantAccessed.class, Payloads.TableSummary.class,
        Payloads.GeneratedTable.class, AuditEntryView.class, ColumnSummary.class, DatasetView.class,
        GenerationRequest.class, GenerationView.class, EvaluationView.Settings.class, Problem.class, TableSchema.class, ColumnSchema.class,
        // the profile document (stored as JSON, carried in part by dataset.profiled)
        io.synthline.commons.profile.DatasetProfile.class, io.synthline.commons.profile.SourceInfo.class,
        io.synthline.commons.profile.SourceInfo.CsvDialect.class, io.synthline.commons.profile.ColumnProfile.class,
        io.synthline.commons.profile.ColumnProfile.TypeCounts.class, io.synthline.commons.profile.DistinctCount.class,
        io.synthline.commons.profile.NumericSummary.class, io.synthline.commons.profile.Quantiles.class,
        io.synthline.commons.profile.Quantiles.Point.class, io.synthline.commons.profile.Histogram.class,
        io.synthline.commons.profile.DatetimeSummary.class, io.synthline.commons.profile.TextSummary.class,
        io.synthline.commons.profile.FrequentItems.class, io.synthline.commons.profile.FrequentItems.Item.class,
        io.synthline.commons.profile.TableSummary.class, io.synthline.commons.profile.TableSummary.DuplicateRows.class,
        io.synthline.commons.profile.Correlations.class, io.synthline.commons.profile.Correlations.PairCorrelation.class,
        io.synthline.commons.profile.Correlations.SkippedColumn.class, io.synthline.commons.profile.PiiFinding.class,
        io.synthline.commons.profile.AttributeTag.class, io.synthline.commons.profile.Alert.class,
        io.synthline.commons.profile.ProfileSettings.class})
public final class ContractReflection {
    private ContractReflection() {
    }
}
