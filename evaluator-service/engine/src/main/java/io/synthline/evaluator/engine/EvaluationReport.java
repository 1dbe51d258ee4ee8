package io.synthline.evaluator.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The evaluation document (JSON). Property and metric names are SDMetrics' so users can diff
 * ours against theirs. Sections that are not computed are listed in {@code notComputed} rather
 * than filled with placeholders.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationReport(Quality quality, List<String> notComputed, long realRows, long syntheticRows) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quality(Double score, Map<String, Double> properties, Details details) {
    }

    public record Details(@JsonProperty("Column Shapes") List<ShapeRow> columnShapes) {
    }

    public record ShapeRow(@JsonProperty("Column") String column, @JsonProperty("Metric") String metric,
            @JsonProperty("Score") double score) {
    }
}
