package io.synthline.evaluator.service;

import io.synthline.commons.evaluation.EvaluationDocument;
import java.time.Instant;
import java.util.Map;

/**
 * What the API returns for an evaluation. {@code status}: PENDING, COMPLETED or FAILED;
 * {@code waiting}: why a PENDING evaluation has no result yet (queued, running, retrying after a
 * failed attempt). {@code properties} are SDMetrics' property scores, {@code summary} the headline
 * numbers published in evaluation.completed, {@code evaluation} the full document (only on a single
 * evaluation, not in lists). {@code requestId}: the re-evaluation request this answers (null for
 * the evaluation on generation.completed).
 */
public record EvaluationResult(String id, String generationId, String datasetId, String requestId, String status, Double score,
        Map<String, Double> properties, Map<String, Double> summary, EvaluationRun.Settings settings, String error,
        Instant createdAt, EvaluationDocument evaluation, String waiting) {

    EvaluationResult waiting(String reason) {
        return new EvaluationResult(id, generationId, datasetId, requestId, status, score, properties, summary, settings, error,
                createdAt, evaluation, reason);
    }
}
