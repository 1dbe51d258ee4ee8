package io.synthline.evaluator.engine.relational;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.MultiTableQuality;
import io.synthline.commons.evaluation.Quality;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.relational.Relationship;
import io.synthline.commons.relational.TableMetadata;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.SdType;
import io.synthline.evaluator.engine.fidelity.KsComplement;
import io.synthline.evaluator.engine.fidelity.QualityReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SDMetrics' multi-table QualityReport ({@value QualityReport#COMPATIBLE_WITH}), reimplemented from
 * its definitions:
 *
 * <ul>
 * <li>Column Shapes and Column Pair Trends: the single-table properties ({@link QualityReport}) of
 * every table, their details concatenated; each property's score is the mean over all tables' rows
 * that have a score (pooled, not a mean of table means).</li>
 * <li>Cardinality: per relationship, CardinalityShapeSimilarity = KSComplement of the number of
 * children of every parent row (0 for parents without children), real against synthetic; the
 * property is their mean.</li>
 * <li>Intertable Trends: per relationship, the child rows joined with their parent row (inner join
 * on the foreign key); Column Pair Trends of every (parent column, child column) pair of that join,
 * parent columns in the outer loop, with the same thresholds; the property is the mean over all
 * relationships' counting pairs.</li>
 * </ul>
 * The score is the mean of the four properties that have a value.
 */
public final class MultiTableQualityReport {
    public static final String CARDINALITY_METRIC = "CardinalityShapeSimilarity";

    private MultiTableQualityReport() {
    }

    public static MultiTableQuality generate(RelationalDataset real, RelationalDataset synthetic, Parallel parallel) {
        return generate(real, synthetic, QualityReport.Thresholds.DEFAULT, parallel);
    }

    public static MultiTableQuality generate(RelationalDataset real, RelationalDataset synthetic, QualityReport.Thresholds thresholds,
            Parallel parallel) {
        RelationalMetadata metadata = real.metadata();
        List<MultiTableQuality.ColumnShape> shapes = new ArrayList<>();
        List<MultiTableQuality.ColumnPairTrend> pairs = new ArrayList<>();
        for (TableMetadata t : metadata.tables()) {
            EvalData data = evalData(real.table(t.name()), synthetic.table(t.name()), RelationalFrames.sdtypes(metadata, t.name(),
                    real.table(t.name())));
            if (data == null) {
                continue;
            }
            for (Quality.ColumnShape s : QualityReport.columnShapes(data, parallel)) {
                shapes.add(new MultiTableQuality.ColumnShape(t.name(), s.column(), s.metric(), s.score(), s.error()));
            }
            for (Quality.ColumnPairTrend p : QualityReport.columnPairTrends(data, thresholds, parallel)) {
                pairs.add(new MultiTableQuality.ColumnPairTrend(t.name(), p.column1(), p.column2(), p.metric(), p.score(),
                        p.realCorrelation(), p.syntheticCorrelation(), p.realAssociation(), p.meetsThreshold(), p.error()));
            }
        }
        List<MultiTableQuality.Cardinality> cardinality = new ArrayList<>();
        List<MultiTableQuality.IntertableTrend> intertable = new ArrayList<>();
        for (Relationship r : metadata.relationships()) {
            String foreignKey = String.join(", ", r.childKey());
            double score = KsComplement.compute(RelationalFrames.childCounts(real, r), RelationalFrames.childCounts(synthetic, r));
            cardinality.add(new MultiTableQuality.Cardinality(r.childTable(), r.parentTable(), foreignKey, CARDINALITY_METRIC,
                    nullIfNaN(score)));
            intertable.addAll(intertableTrends(real, synthetic, r, foreignKey, thresholds, parallel));
        }
        Map<String, Double> properties = new LinkedHashMap<>();
        properties.put(Quality.COLUMN_SHAPES, nullIfNaN(QualityReport.mean(shapes.stream().map(MultiTableQuality.ColumnShape::score).toList())));
        properties.put(Quality.COLUMN_PAIR_TRENDS, nullIfNaN(QualityReport.mean(pairs.stream()
                .filter(p -> Boolean.TRUE.equals(p.meetsThreshold())).map(MultiTableQuality.ColumnPairTrend::score).toList())));
        properties.put(MultiTableQuality.CARDINALITY, nullIfNaN(QualityReport.mean(cardinality.stream()
                .map(MultiTableQuality.Cardinality::score).toList())));
        properties.put(MultiTableQuality.INTERTABLE_TRENDS, nullIfNaN(QualityReport.mean(intertable.stream()
                .filter(p -> Boolean.TRUE.equals(p.meetsThreshold())).map(MultiTableQuality.IntertableTrend::score).toList())));
        double score = QualityReport.mean(new ArrayList<>(properties.values()));
        return new MultiTableQuality(nullIfNaN(score), properties, new MultiTableQuality.Details(shapes, pairs, cardinality, intertable),
                new Quality.Settings(thresholds.realCorrelation(), thresholds.realAssociation(), QualityReport.COMPATIBLE_WITH));
    }

    private static List<MultiTableQuality.IntertableTrend> intertableTrends(RelationalDataset real, RelationalDataset synthetic,
            Relationship r, String foreignKey, QualityReport.Thresholds thresholds, Parallel parallel) {
        RelationalMetadata metadata = real.metadata();
        Map<String, SdType> sdtypes = new LinkedHashMap<>();
        Map<String, SdType> childTypes = RelationalFrames.sdtypes(metadata, r.childTable(), real.table(r.childTable()));
        childTypes.forEach((c, t) -> sdtypes.put(r.childTable() + "." + c, t));
        RelationalFrames.sdtypes(metadata, r.parentTable(), real.table(r.parentTable()))
                .forEach((c, t) -> sdtypes.put(r.parentTable() + "." + c, t));
        EvalData data = evalData(RelationalFrames.denormalize(real, r), RelationalFrames.denormalize(synthetic, r), sdtypes);
        if (data == null) {
            return List.of();
        }
        String parentPrefix = r.parentTable() + ".";
        String childPrefix = r.childTable() + ".";
        // the join's child columns come first, and evaluated columns keep the join's order
        long childEvaluated = childTypes.values().stream().filter(java.util.Objects::nonNull).count();
        List<Integer> parentColumns = new ArrayList<>();
        List<Integer> childColumns = new ArrayList<>();
        for (EvalColumn c : data.columns()) {
            (c.index() < childEvaluated ? childColumns : parentColumns).add(c.index());
        }
        List<int[]> pairs = new ArrayList<>();
        for (int p : parentColumns) {
            for (int c : childColumns) {
                pairs.add(new int[] {p, c});
            }
        }
        List<MultiTableQuality.IntertableTrend> out = new ArrayList<>();
        for (Quality.ColumnPairTrend t : QualityReport.columnPairTrends(data, thresholds, pairs, parallel)) {
            out.add(new MultiTableQuality.IntertableTrend(r.parentTable(), r.childTable(), foreignKey,
                    t.column1().substring(parentPrefix.length()), t.column2().substring(childPrefix.length()), t.metric(), t.score(),
                    t.realCorrelation(), t.syntheticCorrelation(), t.realAssociation(), t.meetsThreshold(), t.error()));
        }
        return out;
    }

    /** Null when one side has no rows or no column is evaluated: the table's rows then have no score. */
    private static EvalData evalData(Table real, Table synthetic, Map<String, SdType> sdtypes) {
        if (real.rowCount() == 0 || synthetic.rowCount() == 0 || sdtypes.values().stream().allMatch(java.util.Objects::isNull)) {
            return null;
        }
        return EvalData.of(RelationalFrames.numbersAsPandasReadsThem(real), RelationalFrames.numbersAsPandasReadsThem(synthetic), null,
                sdtypes);
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
