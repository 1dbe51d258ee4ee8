package io.synthline.commons.events;

import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.profile.AttributeTag;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.table.TableSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of each event type. Records so that producers and consumers share one shape.
 * Fields are only ever added (with a constructor keeping the old arity), never renamed: consumers
 * tolerate unknown fields and treat a missing new field as null.
 */
public final class Payloads {
    private Payloads() {
    }

    // ---------------------------------------------------------------------------------------- datasets

    /** A dataset's bytes are stored and recorded; nothing is known yet about its content beyond size and hash. */
    /**
     * One table of a dataset made of several tables (null {@code tables} for a single table): its
     * rows, columns, stored bytes' hash, primary key and the tables its foreign keys point at.
     */
    public record TableSummary(String name, long rows, int columns, String sha256, List<String> primaryKey, List<String> parents) {
    }

    public record DatasetRegistered(String datasetId, String name, String storageKey, String sha256, long sizeBytes,
            String owner, String classification) {
    }

    /**
     * {@code schema} is what downstream services read the stored file with, so every service sees the same types.
     * The full profile document ({@link io.synthline.commons.profile.DatasetProfile}) is stored next to the data
     * under {@code profileKey}; the event carries what consumers act on: the schema, per-column summaries, the
     * PII findings (generator: PII replacement) and the attribute tags (evaluator: fairness; governance:
     * classification). For very wide tables {@code columns} and then {@code schema} are left out (null) to keep
     * the event small; consumers then read the document under {@code profileKey}. See docs/profile.md.
     */
    public record DatasetProfiled(String datasetId, String storageKey, long rowCount, int columnCount,
            TableSchema schema, List<ColumnSummary> columns, String profileVersion, String profileKey,
            String profileSha256, List<PiiFinding> pii, List<AttributeTag> attributes, List<TableSummary> tables) {

        public DatasetProfiled(String datasetId, String storageKey, long rowCount, int columnCount, TableSchema schema,
                List<ColumnSummary> columns, String profileVersion, String profileKey, String profileSha256, List<PiiFinding> pii,
                List<AttributeTag> attributes) {
            this(datasetId, storageKey, rowCount, columnCount, schema, columns, profileVersion, profileKey, profileSha256, pii,
                    attributes, null);
        }

        /** The version-1 shape, without the profile document reference, PII findings and attribute tags. */
        public DatasetProfiled(String datasetId, String storageKey, long rowCount, int columnCount, TableSchema schema,
                List<ColumnSummary> columns, String profileVersion) {
            this(datasetId, storageKey, rowCount, columnCount, schema, columns, profileVersion, null, null, List.of(),
                    List.of());
        }

        public DatasetProfiled {
            pii = pii == null ? List.of() : List.copyOf(pii);
            attributes = attributes == null ? List.of() : List.copyOf(attributes);
        }
    }

    public record DatasetDeleted(String datasetId, String reason) {
    }

    /**
     * Governance metadata of a dataset after a change (governance is the system of record for it).
     *
     * @param classification {@code public}, {@code internal}, {@code confidential} or {@code restricted}
     * @param retention      ISO-8601 period the source data may be kept (e.g. {@code P365D}), null = indefinitely
     * @param retainUntil    the instant the retention ends (registration time + retention), null = indefinitely
     */
    public record DatasetPolicyUpdated(String datasetId, String owner, String classification, String purpose,
            String legalBasis, String retention, Instant retainUntil, String justification) {
    }

    /**
     * Governance asks the service holding the dataset's bytes (the profiler) to delete them, its row and
     * its derived profile, and to announce {@code dataset.deleted}. Idempotent: a second request for a
     * dataset already gone is answered with nothing (or another dataset.deleted).
     *
     * @param reason        {@code retention-expired} or {@code owner-request}
     * @param justification the owner's written reason (owner requests); null for an expired retention
     */
    public record DatasetDeletionRequested(String datasetId, String reason, Instant retainUntil, String requestedBy,
            String justification) {

        public DatasetDeletionRequested(String datasetId, String reason, Instant retainUntil, String requestedBy) {
            this(datasetId, reason, retainUntil, requestedBy, null);
        }
    }

    // ------------------------------------------------------------------------------------- generations

    /** Differential-privacy parameters a DP model asks for: (epsilon, delta) are reserved from the dataset's budget. */
    public record PrivacyParameters(double epsilon, double delta) {
    }

    /**
     * What a DP run actually spent, reported with generation.completed; governance commits the
     * reservation with these numbers (at most the reserved amount is ever charged less).
     *
     * @param rho        zero-concentrated DP parameter of the run, when the accountant works in zCDP
     * @param mechanisms e.g. {@code ["gaussian-marginals", "exponential-selection"]}
     */
    public record PrivacySpent(double epsilon, double delta, Double rho, List<String> mechanisms) {
    }

    /**
     * @param privacy     present for DP models: (epsilon, delta) to reserve from the dataset's budget
     * @param piiReplaced true when every column the profile flags as PII is replaced by synthetic values
     *                    (policy for restricted data requires it); null = not stated = treated as false
     * @param purpose     why the data is generated (kept in the audit trail)
     */
    public record GenerationRequested(String generationId, String datasetId, String model, long rows, long seed,
            PrivacyParameters privacy, Boolean piiReplaced, String purpose) {
        public GenerationRequested(String generationId, String datasetId, String model, long rows, long seed) {
            this(generationId, datasetId, model, rows, seed, null, null, null);
        }
    }

    public record GenerationProgress(String generationId, long rowsDone, long rowsTotal) {
    }

    /**
     * One table a generation on a dataset of several tables wrote: the bytes behind {@code sha256}
     * are the table's CSV as stored, downloaded in {@code data.zip} and listed in the run's manifest.
     *
     * @param columns null when not known
     */
    public record GeneratedTable(String name, long rows, Integer columns, String sha256, long bytes) {
    }

    /**
     * @param privacySpent      what a DP run spent; null for non-DP models
     * @param holdoutStorageKey real rows the generator held out from fitting (optional): the
     *                          evaluator uses them as the control of overfitting and privacy
     *                          attacks and as the ML-utility test set; then
     *                          {@code sourceStorageKey} should hold only the rows the model saw
     * @param tables            every table a run on a dataset of several tables wrote (then
     *                          {@code outputSha256} hashes the index naming them); null for one table
     */
    public record GenerationCompleted(String generationId, String datasetId, String model, long rows, long seed,
            String sourceStorageKey, String outputStorageKey, String outputSha256, long durationMillis,
            PrivacySpent privacySpent, String holdoutStorageKey, List<GeneratedTable> tables) {
        public GenerationCompleted(String generationId, String datasetId, String model, long rows, long seed,
                String sourceStorageKey, String outputStorageKey, String outputSha256, long durationMillis) {
            this(generationId, datasetId, model, rows, seed, sourceStorageKey, outputStorageKey, outputSha256, durationMillis,
                    null, null);
        }

        public GenerationCompleted(String generationId, String datasetId, String model, long rows, long seed,
                String sourceStorageKey, String outputStorageKey, String outputSha256, long durationMillis,
                PrivacySpent privacySpent, String holdoutStorageKey) {
            this(generationId, datasetId, model, rows, seed, sourceStorageKey, outputStorageKey, outputSha256, durationMillis,
                    privacySpent, holdoutStorageKey, null);
        }

        public GenerationCompleted {
            tables = tables == null || tables.isEmpty() ? null : List.copyOf(tables);
        }
    }

    /**
     * @param dataTouched false only when the job failed before reading the source data (then a budget
     *                    reservation is released); null = unknown = treated as touched (the reservation is spent)
     */
    public record GenerationFailed(String generationId, String datasetId, String reason, Boolean dataTouched) {
        public GenerationFailed(String generationId, String datasetId, String reason) {
            this(generationId, datasetId, reason, null);
        }
    }

    /** A reservation of privacy budget held for one generation (reservation id = generation id). */
    public record BudgetReservation(String reservationId, String datasetId, double epsilon, double delta) {
    }

    /**
     * @param approvedBy  {@code policy} when the dataset's policy approved automatically, else the data owner's user name
     * @param reservation present when (epsilon, delta) were reserved for a DP model
     */
    public record GenerationApproved(String generationId, String datasetId, String classification, String approvedBy,
            BudgetReservation reservation, String justification) {
    }

    /**
     * @param reason     one sentence for people
     * @param violations stable rule ids, e.g. {@code dp-required}, {@code epsilon-above-max}, {@code budget-exhausted}
     * @param refusedBy  {@code policy} or the data owner's user name
     */
    public record GenerationRefused(String generationId, String datasetId, String classification, String reason,
            List<String> violations, String refusedBy) {
    }

    /** @param approverRole the role that may decide (data-owner); {@code owner} the dataset owner's user name */
    public record GenerationApprovalPending(String generationId, String datasetId, String classification, String reason,
            String approverRole, String owner) {
    }

    // ------------------------------------------------------------------------------------- evaluations

    /**
     * @param scores           the summary: see {@code EvaluationSummary} in the evaluator engine for the keys
     * @param reportStorageKey the full evaluation document (JSON) in the dataset store; the HTML
     *                         report sits beside it as {@code report.html}
     * @param requestId        set when the evaluation answers an evaluation.requested (e.g. scheduled re-evaluation)
     * @param notMeasured      for each {@link ScoreNames} key absent from {@code scores}: why it could not be measured
     *                         (no holdout, no label column, section not requested, ...); null from older evaluators
     */
    public record EvaluationCompleted(String evaluationId, String generationId, String datasetId,
            Map<String, Double> scores, String reportStorageKey, String requestId, Map<String, String> notMeasured) {
        public EvaluationCompleted(String evaluationId, String generationId, String datasetId, Map<String, Double> scores,
                String reportStorageKey) {
            this(evaluationId, generationId, datasetId, scores, reportStorageKey, null, null);
        }

        public EvaluationCompleted(String evaluationId, String generationId, String datasetId, Map<String, Double> scores,
                String reportStorageKey, String requestId) {
            this(evaluationId, generationId, datasetId, scores, reportStorageKey, requestId, null);
        }
    }

    /** @param requestId the {@link EvaluationRequested#requestId()} it answers; null for the first evaluation */
    public record EvaluationQueued(String evaluationId, String generationId, String datasetId, String requestId) {
    }

    /** @param requestId the {@link EvaluationRequested#requestId()} this answers; null for the first evaluation */
    public record EvaluationFailed(String evaluationId, String generationId, String reason, String requestId) {
        public EvaluationFailed(String evaluationId, String generationId, String reason) {
            this(evaluationId, generationId, reason, null);
        }
    }

    /**
     * Governance asks the evaluator to evaluate a generation's output again with the current metric and
     * attack suite. The evaluator answers with evaluation.completed/failed carrying {@code requestId}.
     *
     * @param reason {@code scheduled-reevaluation} or {@code manual}
     */
    public record EvaluationRequested(String requestId, String generationId, String datasetId, String sourceStorageKey,
            String outputStorageKey, String reason) {
    }

    // ---------------------------------------------------------------------------------------- releases

    /**
     * One threshold of the release gate.
     *
     * @param metric     a key of {@link EvaluationCompleted#scores()} (see {@link ScoreNames})
     * @param value      null when the evaluation did not measure it
     * @param comparator {@code min} (value must be >= threshold) or {@code max} (value must be <= threshold)
     * @param passed     false when the value misses the threshold, or when a required metric was not measured
     * @param status     {@code passed}, {@code failed} or {@code not-measured}
     * @param required   whether the classification's policy requires the metric: a required metric that was not
     *                   measured stops the release, one that is not required is shown as not measured and does not
     * @param note       for {@code not-measured}: why (from the evaluation); null otherwise
     */
    public record GateCheck(String metric, Double value, double threshold, String comparator, boolean passed, String status,
            Boolean required, String note) {
        public static final String PASSED = "passed";
        public static final String FAILED = "failed";
        public static final String NOT_MEASURED = "not-measured";

        public GateCheck(String metric, Double value, double threshold, String comparator, boolean passed) {
            this(metric, value, threshold, comparator, passed, value == null ? NOT_MEASURED : passed ? PASSED : FAILED, true, null);
        }
    }

    public record ReleaseApproved(String generationId, String datasetId, String evaluationId, String classification,
            List<GateCheck> checks) {
    }

    public record ReleaseQuarantined(String generationId, String datasetId, String evaluationId, String classification,
            List<GateCheck> checks, String reason) {
    }

    public record ReleaseOverridden(String generationId, String datasetId, String evaluationId, String overriddenBy,
            String justification) {
    }

    // ---------------------------------------------------------------------------------------- budgets

    /** Remaining after the reservation: cap - spent - reserved of the dataset, null when uncapped (the tenant cap is checked too). */
    public record BudgetReserved(String datasetId, String reservationId, String generationId, double epsilon, double delta,
            Double epsilonRemaining, Double deltaRemaining) {
    }

    /** The reservation became spending of {@code epsilonSpent, deltaSpent} (at most what was reserved). */
    public record BudgetCommitted(String datasetId, String reservationId, String generationId, double epsilonSpent,
            double deltaSpent, Double rho, List<String> mechanisms, Double epsilonRemaining, Double deltaRemaining) {
    }

    /** @param reason e.g. {@code generation-refused}, {@code failed-before-touching-data} */
    public record BudgetReleased(String datasetId, String reservationId, String generationId, double epsilon, double delta,
            String reason) {
    }

    /** @param scope {@code dataset} (datasetId set) or {@code tenant} (datasetId null) */
    public record BudgetCapChanged(String scope, String datasetId, Double epsilonCap, Double deltaCap, String justification) {
    }

    // ---------------------------------------------------------------------------------------- access

    /** A data owner allows {@code grantee} (a user name) to request generations from the dataset for a purpose. */
    public record AccessGranted(String datasetId, String grantee, String purpose, Instant expiresAt) {
    }

    public record AccessRevoked(String datasetId, String grantee, String reason) {
    }

    /** @param application e.g. {@code compliance-dashboard} */
    public record AccessLogin(String username, List<String> roles, String application) {
    }

    // ---------------------------------------------------------------------------------------- monitoring

    /**
     * @param kind     {@code budget-nearly-spent}, {@code budget-exhausted}, {@code release-gate-failed},
     *                 {@code reevaluation-failed}, {@code reevaluation-error}, {@code audit-chain-broken},
     *                 {@code retention-deletion}
     * @param severity {@code info}, {@code warning} or {@code critical}
     * @param resource the subject the alert is about, e.g. {@code datasets/{id}}
     */
    public record AlertRaised(String alertId, String kind, String severity, String resource, String message) {
    }

    public record AlertAcknowledged(String alertId, String note) {
    }

    /** @param entries how many audit entries the bundle holds; from/to the time range exported */
    public record AuditExported(String bundleId, Instant from, Instant to, long entries, String bundleSha256) {
    }

    /**
     * @param operation   what was done, e.g. {@code audit.query} or {@code audit.export}
     * @param actorTenant the platform admin's own tenant, null when the account has none
     */
    public record TenantAccessed(String operation, String reason, String actorTenant) {
    }
}
