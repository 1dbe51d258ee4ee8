package io.synthline.evaluator.engine;

/** One row of SDMetrics' "Column Shapes" details. */
public record ColumnShapeScore(String column, String metric, double score) {
}
