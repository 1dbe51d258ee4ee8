package io.synthline.commons.api;

import io.synthline.commons.evaluation.EvaluationDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An evaluation as the evaluator API shows it. {@code status}: PENDING, COMPLETED or FAILED;
 * {@code waiting}: why a PENDING evaluation has no result yet (queued, running, retrying after a
 * failed attempt). {@code properties} are SDMetrics' property scores, {@code summary} the headline
 * numbers published in evaluation.completed, {@code evaluation} the full document (only on a single
 * evaluation, not in lists). {@code requestId}: the re-evaluation request this answers (null for
 * the evaluation on generation.completed).
 */
public record EvaluationView(String id, String generationId, String datasetId, String requestId, String status, Double score,
        Map<String, Double> properties, Map<String, Double> summary, Settings settings, String error,
        Instant createdAt, EvaluationDocument evaluation, String waiting) {

    /** The same evaluation with why it is still pending. */
    public EvaluationView waiting(String reason) {
        return new EvaluationView(id, generationId, datasetId, requestId, status, score, properties, summary, settings, error,
                createdAt, evaluation, reason);
    }

    /**
     * What an evaluation was run with, recorded with it.
     *
     * @param defaultsFrom where the label and sensitive columns came from (the dataset profile, or why none)
     * @param holdout      the held-out rows' key, or why there were none
     * @param sections     the report sections run: QUALITY, ACCURACY, DETECTION, UTILITY, PRIVACY, FAIRNESS
     */
    public record Settings(String label, List<String> sensitive, List<String> quasiIdentifiers, String defaultsFrom,
            String holdout, List<String> sections, List<ReplacedColumn> replacedColumns) {
    }
}
