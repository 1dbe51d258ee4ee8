package io.synthline.commons.evaluation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of a synthetic relational dataset against the real one. Sections that could not
 * be computed are null and named in {@code skipped} with the reason.
 *
 * @param quality   SDMetrics' multi-table QualityReport
 * @param integrity primary keys and foreign keys of the synthetic tables
 * @param sequences per sequential table, how its sequences compare
 * @param privacy   attacks at entity level: a root row with all its descendant rows is one record
 */
@JsonPropertyOrder({"schemaVersion", "tables", "quality", "integrity", "sequences", "privacy", "skipped", "timingsMillis"})
public record RelationalEvaluation(String schemaVersion, List<TableInput> tables, MultiTableQuality quality, Integrity integrity,
        List<SequenceQuality> sequences, EntityPrivacy privacy, Map<String, String> skipped, Map<String, Long> timingsMillis) {
    public static final String SCHEMA_VERSION = "1.0";

    public record TableInput(String name, long realRows, long syntheticRows, Long holdoutRows) {
    }

    /**
     * @param score SDMetrics' ReferentialIntegrity over all foreign keys: the share of synthetic rows
     *              with a present foreign key whose parent row exists (1 = every key resolves)
     */
    public record Integrity(double score, List<KeyCheck> primaryKeys, List<ForeignKeyCheck> foreignKeys) {
    }

    /** A synthetic table's primary key: rows where it is missing, and rows repeating an earlier row's key. */
    public record KeyCheck(String table, List<String> columns, long rows, long missing, long duplicates) {
    }

    /**
     * @param missing              synthetic rows where the foreign key is missing (an optional key)
     * @param dangling             synthetic rows whose present key has no parent row
     * @param score                1 - dangling / (rows - missing)
     */
    public record ForeignKeyCheck(String childTable, String parentTable, List<String> foreignKey, long rows, long missing, long dangling,
            double realMissingShare, double syntheticMissingShare, double score) {
    }

    /**
     * How one sequential table's sequences compare (real against synthetic).
     *
     * @param lengthKsComplement       KSComplement of the sequence lengths (entities with at least one event)
     * @param interArrivalKsComplement KSComplement of the steps of the order value between consecutive events
     * @param autocorrelation          per numeric column, Pearson correlation of consecutive values within
     *                                 sequences at lags 1, 2, 3: real and synthetic
     * @param transitions              per categorical column, 1 - total variation distance between the
     *                                 distributions of (value, next value) pairs
     */
    public record SequenceQuality(String table, List<String> entityKey, String orderColumn, long realSequences, long syntheticSequences,
            double realMeanLength, double syntheticMeanLength, double lengthKsComplement, Double interArrivalKsComplement,
            List<Autocorrelation> autocorrelation, Map<String, Double> transitions) {
    }

    public record Autocorrelation(String column, int lag, Double real, Double synthetic) {
    }

    /**
     * Privacy attacks where one record is a whole entity: a root row with every row that descends
     * from it (children, grandchildren, sequences), as one person is one record in user-level
     * privacy. Entities are compared by a row of features: the root's columns, and per descendant
     * table its row count, the mean of each numeric column and the most common value of each
     * categorical one; distances as in the single-table report (Gower, SDMetrics' DCR).
     *
     * @param membershipInference AUC of telling training entities from holdout entities by their
     *                            distance to the nearest synthetic entity (0.5 = no signal)
     * @param dcrShare            share of synthetic entities strictly closer to a training entity than
     *                            to a holdout one, against the baseline n_train / (n_train + n_holdout)
     */
    public record EntityPrivacy(String rootTable, long trainingEntities, long holdoutEntities, long syntheticEntities,
            List<String> features, Privacy.MembershipInference membershipInference, Privacy.Share dcrShare,
            double medianDcrSyntheticToTraining, double medianDcrHoldoutToTraining) {
    }
}
