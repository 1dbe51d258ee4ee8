package io.synthline.commons.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * SDMetrics' single-table QualityReport: {@code score} is {@code get_score()}, {@code properties}
 * is {@code get_properties()} and {@code details} is {@code get_details(property)} for both
 * properties, with SDMetrics' column names. A NaN of SDMetrics is a JSON null here.
 */
@JsonPropertyOrder({"score", "properties", "details", "settings"})
public record Quality(Double score, Map<String, Double> properties, Details details, Settings settings) {

    public static final String COLUMN_SHAPES = "Column Shapes";
    public static final String COLUMN_PAIR_TRENDS = "Column Pair Trends";

    public record Details(@JsonProperty(COLUMN_SHAPES) List<ColumnShape> columnShapes,
            @JsonProperty(COLUMN_PAIR_TRENDS) List<ColumnPairTrend> columnPairTrends) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"Column", "Metric", "Score", "Error"})
    public record ColumnShape(@JsonProperty("Column") String column, @JsonProperty("Metric") String metric,
            @JsonProperty("Score") Double score,
            @JsonProperty("Error") @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    /** One row of the Column Pair Trends details; pairs below the thresholds have a null score. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"Column 1", "Column 2", "Metric", "Score", "Real Correlation", "Synthetic Correlation",
            "Real Association", "Meets Threshold?", "Error"})
    public record ColumnPairTrend(@JsonProperty("Column 1") String column1, @JsonProperty("Column 2") String column2,
            @JsonProperty("Metric") String metric, @JsonProperty("Score") Double score,
            @JsonProperty("Real Correlation") Double realCorrelation,
            @JsonProperty("Synthetic Correlation") Double syntheticCorrelation,
            @JsonProperty("Real Association") Double realAssociation,
            @JsonProperty("Meets Threshold?") Boolean meetsThreshold,
            @JsonProperty("Error") @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    /**
     * @param compatibleWith the SDMetrics version whose definitions and numbers these reproduce
     */
    public record Settings(double realCorrelationThreshold, double realAssociationThreshold, String compatibleWith) {
    }
}
