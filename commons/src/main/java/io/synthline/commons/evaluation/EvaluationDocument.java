package io.synthline.commons.evaluation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of synthetic data against the real data it imitates. Sections that could not be
 * computed are null and named in {@code skipped} with the reason (e.g. no label column, no
 * holdout), never filled with placeholders.
 *
 * @param pii           the columns whose values replaced personal data, checked on their own; null when none was
 *                      replaced
 * @param skipped       section or metric name to the reason it was not computed
 * @param timingsMillis wall time per section, for the benchmark table and for users sizing jobs
 * @param relational    for a dataset of several tables, its evaluation (multi-table quality, keys, sequences,
 *                      entity-level privacy); the single-table sections are then absent
 */
@JsonPropertyOrder({"schemaVersion", "inputs", "quality", "accuracy", "detection", "utility", "privacy", "fairness", "pii",
        "relational", "skipped", "timingsMillis"})
public record EvaluationDocument(String schemaVersion, Inputs inputs, Quality quality, Accuracy accuracy,
        Detection detection, Utility utility, Privacy privacy, Fairness fairness, PiiReplacement pii, Map<String, String> skipped,
        Map<String, Long> timingsMillis, RelationalEvaluation relational) {

    public EvaluationDocument(String schemaVersion, Inputs inputs, Quality quality, Accuracy accuracy, Detection detection,
            Utility utility, Privacy privacy, Fairness fairness, PiiReplacement pii, Map<String, String> skipped,
            Map<String, Long> timingsMillis) {
        this(schemaVersion, inputs, quality, accuracy, detection, utility, privacy, fairness, pii, skipped, timingsMillis, null);
    }

    public static final String SCHEMA_VERSION = "1.0";
    /** Classpath location of the JSON Schema (draft 2020-12) this record serialises to. */
    public static final String SCHEMA_RESOURCE = "/io/synthline/commons/evaluation/evaluation.schema.json";

    /**
     * What was evaluated and with which settings.
     *
     * @param holdoutSource where the holdout came from: {@code provided}, {@code none}, or a
     *                      description of the split
     * @param seed          the seed of every randomised step (sampling, folds, baselines)
     * @param sampling      how the rows were sampled from larger files; null when every row was read
     */
    public record Inputs(long realRows, long syntheticRows, Long holdoutRows, List<ColumnInput> columns, String label,
            List<String> sensitive, List<String> quasiIdentifiers, String holdoutSource, long seed, Sampling sampling) {
        public Inputs(long realRows, long syntheticRows, Long holdoutRows, List<ColumnInput> columns, String label,
                List<String> sensitive, List<String> quasiIdentifiers, String holdoutSource, long seed) {
            this(realRows, syntheticRows, holdoutRows, columns, label, sensitive, quasiIdentifiers, holdoutSource, seed, null);
        }
    }

    /**
     * Files larger than {@code maxRowsPerTable} rows are evaluated on a uniform random sample of that
     * many rows (reservoir sampling while reading, seeded by {@code seed}), so the evaluation's
     * memory is bounded whatever the files' sizes; the row counts of {@link Inputs} are the sample's.
     *
     * @param realFileRows      data rows of the real file (held-out rows included when it is the whole dataset)
     * @param holdoutFileRows   data rows of the holdout file, null without one
     */
    public record Sampling(int maxRowsPerTable, long seed, long realFileRows, long syntheticFileRows, Long holdoutFileRows) {
    }

    /** @param sdtype SDMetrics' name for how the column is treated: numerical, datetime, categorical, boolean */
    public record ColumnInput(String name, String sdtype) {
    }

    /** A two-sided interval at the stated confidence level. */
    public record Interval(double low, double high, double level) {
    }

    /** A rate with its confidence interval (Wilson score interval unless said otherwise). */
    public record Rate(double value, double low, double high) {
    }
}
