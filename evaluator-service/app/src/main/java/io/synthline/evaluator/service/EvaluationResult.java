package io.synthline.evaluator.service;

import io.synthline.evaluator.engine.ColumnShapeScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the API returns for an evaluation. Property names follow SDMetrics so users can diff them. */
public record EvaluationResult(String id, String generationId, String datasetId, String status, Double score,
        Map<String, Double> properties, List<ColumnShapeScore> columnShapes, String error, Instant createdAt) {
}
