package io.synthline.commons.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * SDMetrics' multi-table QualityReport: {@code score} is {@code get_score()}, {@code properties}
 * {@code get_properties()} (Column Shapes, Column Pair Trends, Cardinality, Intertable Trends) and
 * {@code details} {@code get_details(property)} with SDMetrics' column names. A NaN of SDMetrics is
 * a JSON null here.
 */
@JsonPropertyOrder({"score", "properties", "details", "settings"})
public record MultiTableQuality(Double score, Map<String, Double> properties, Details details, Quality.Settings settings) {
    public static final String CARDINALITY = "Cardinality";
    public static final String INTERTABLE_TRENDS = "Intertable Trends";

    public record Details(@JsonProperty(Quality.COLUMN_SHAPES) List<ColumnShape> columnShapes,
            @JsonProperty(Quality.COLUMN_PAIR_TRENDS) List<ColumnPairTrend> columnPairTrends,
            @JsonProperty(CARDINALITY) List<Cardinality> cardinality,
            @JsonProperty(INTERTABLE_TRENDS) List<IntertableTrend> intertableTrends) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"Table", "Column", "Metric", "Score", "Error"})
    public record ColumnShape(@JsonProperty("Table") String table, @JsonProperty("Column") String column,
            @JsonProperty("Metric") String metric, @JsonProperty("Score") Double score,
            @JsonProperty("Error") @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"Table", "Column 1", "Column 2", "Metric", "Score", "Real Correlation", "Synthetic Correlation",
            "Real Association", "Meets Threshold?", "Error"})
    public record ColumnPairTrend(@JsonProperty("Table") String table, @JsonProperty("Column 1") String column1,
            @JsonProperty("Column 2") String column2, @JsonProperty("Metric") String metric, @JsonProperty("Score") Double score,
            @JsonProperty("Real Correlation") Double realCorrelation,
            @JsonProperty("Synthetic Correlation") Double syntheticCorrelation,
            @JsonProperty("Real Association") Double realAssociation,
            @JsonProperty("Meets Threshold?") Boolean meetsThreshold,
            @JsonProperty("Error") @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    /** CardinalityShapeSimilarity: KSComplement of the number of children per parent row (parents without children count 0). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"Child Table", "Parent Table", "Foreign Key", "Metric", "Score"})
    public record Cardinality(@JsonProperty("Child Table") String childTable, @JsonProperty("Parent Table") String parentTable,
            @JsonProperty("Foreign Key") String foreignKey, @JsonProperty("Metric") String metric, @JsonProperty("Score") Double score) {
    }

    /** A Column Pair Trends row of the parent-child join: Column 1 of the parent, Column 2 of the child. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"Parent Table", "Child Table", "Foreign Key", "Column 1", "Column 2", "Metric", "Score", "Real Correlation",
            "Synthetic Correlation", "Real Association", "Meets Threshold?", "Error"})
    public record IntertableTrend(@JsonProperty("Parent Table") String parentTable, @JsonProperty("Child Table") String childTable,
            @JsonProperty("Foreign Key") String foreignKey, @JsonProperty("Column 1") String column1,
            @JsonProperty("Column 2") String column2, @JsonProperty("Metric") String metric, @JsonProperty("Score") Double score,
            @JsonProperty("Real Correlation") Double realCorrelation,
            @JsonProperty("Synthetic Correlation") Double syntheticCorrelation,
            @JsonProperty("Real Association") Double realAssociation,
            @JsonProperty("Meets Threshold?") Boolean meetsThreshold,
            @JsonProperty("Error") @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }
}
