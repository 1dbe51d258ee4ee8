package io.synthline.evaluator.engine.fidelity;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.Quality;
import io.synthline.commons.evaluation.Quality.ColumnPairTrend;
import io.synthline.commons.evaluation.Quality.ColumnShape;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.Frame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SDMetrics' single-table QualityReport (version {@value #COMPATIBLE_WITH}): the Column Shapes and
 * Column Pair Trends properties, their details tables and the overall score (mean of the property
 * scores).
 *
 * <p>Column Shapes: KSComplement for numerical and datetime columns, TVComplement for categorical
 * and boolean ones; the property is the mean of the scores that exist.
 *
 * <p>Column Pair Trends, for every pair of evaluated columns in column order: CorrelationSimilarity
 * when both are continuous; otherwise ContingencySimilarity, where a continuous column is replaced
 * by its 10-bin histogram bin number ({@link Discretizer}), computed, as SDMetrics does, over each
 * table's own range. A pair counts ("Meets Threshold?") when |real correlation| exceeds
 * {@link Thresholds#realCorrelation()} or real Cramér's V exceeds {@link Thresholds#realAssociation()};
 * the property is the mean score over counting pairs. Where SDMetrics subsamples 50,000 rows for
 * contingency tables of larger data, this computes the exact value.
 *
 * <p>Columns and pairs are scored on the given {@link Parallel}; the result does not depend on its thread count.
 */
public final class QualityReport {
    public static final String COMPATIBLE_WITH = "sdmetrics 0.29.1";

    private QualityReport() {
    }

    /** SDMetrics' QualityReport defaults are {@link #DEFAULT}; {@link #NONE} scores every pair. */
    public record Thresholds(double realCorrelation, double realAssociation) {
        public static final Thresholds DEFAULT = new Thresholds(0.5, 0.3);
        public static final Thresholds NONE = new Thresholds(0, 0);
    }

    public static Quality generate(EvalData data, Parallel parallel) {
        return generate(data, Thresholds.DEFAULT, parallel);
    }

    public static Quality generate(EvalData data, Thresholds thresholds, Parallel parallel) {
        List<ColumnShape> shapes = columnShapes(data, parallel);
        List<ColumnPairTrend> pairs = columnPairTrends(data, thresholds, parallel);
        double shapesScore = mean(shapes.stream().map(ColumnShape::score).toList());
        double pairsScore = mean(pairs.stream().filter(p -> Boolean.TRUE.equals(p.meetsThreshold()))
                .map(ColumnPairTrend::score).toList());
        Map<String, Double> properties = new LinkedHashMap<>();
        properties.put(Quality.COLUMN_SHAPES, nullIfNaN(shapesScore));
        properties.put(Quality.COLUMN_PAIR_TRENDS, nullIfNaN(pairsScore));
        double overall = mean(new ArrayList<>(properties.values()));
        return new Quality(nullIfNaN(overall), properties, new Quality.Details(shapes, pairs),
                new Quality.Settings(thresholds.realCorrelation(), thresholds.realAssociation(), COMPATIBLE_WITH));
    }

    public static List<ColumnShape> columnShapes(EvalData data, Parallel parallel) {
        List<EvalColumn> columns = data.columns();
        Frame real = data.real();
        Frame syn = data.synthetic();
        return parallel.map(columns.size(), c -> {
            EvalColumn col = columns.get(c);
            if (col.isContinuous()) {
                double score = KsComplement.compute(real.values(c), syn.values(c));
                return new ColumnShape(col.name(), KsComplement.NAME, nullIfNaN(score), null);
            }
            double score = TvComplement.compute(real.codes(c), syn.codes(c), col.cardinality());
            return new ColumnShape(col.name(), TvComplement.NAME, nullIfNaN(score), Double.isNaN(score)
                    ? "IncomputableMetricError: The TVComplement metric must have 1 or more non-null values." : null);
        });
    }

    public static List<ColumnPairTrend> columnPairTrends(EvalData data, Thresholds thresholds, Parallel parallel) {
        int n = data.columns().size();
        List<int[]> pairs = new ArrayList<>(n * (n - 1) / 2);
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                pairs.add(new int[] {a, b});
            }
        }
        return columnPairTrends(data, thresholds, pairs, parallel);
    }

    /** The given pairs of column indexes only (as SDMetrics' {@code column_pairs}), in that order. */
    public static List<ColumnPairTrend> columnPairTrends(EvalData data, Thresholds thresholds, List<int[]> pairs,
            Parallel parallel) {
        List<EvalColumn> columns = data.columns();
        int n = columns.size();
        int[][] realBins = new int[n][];
        int[][] synBins = new int[n][];
        parallel.forEach(n, c -> {
            if (columns.get(c).isContinuous()) {
                realBins[c] = discretize(data.real().values(c));
                synBins[c] = discretize(data.synthetic().values(c));
            }
        });
        return parallel.map(pairs, pairs.size(), p -> pair(data, p[0], p[1], realBins, synBins, thresholds));
    }

    private static int[] discretize(double[] values) {
        return Discretizer.digitize(values, Discretizer.histogramBinEdges(values, Discretizer.DEFAULT_BINS));
    }

    private static ColumnPairTrend pair(EvalData data, int a, int b, int[][] realBins, int[][] synBins,
            Thresholds thresholds) {
        EvalColumn ca = data.columns().get(a);
        EvalColumn cb = data.columns().get(b);
        Frame real = data.real();
        Frame syn = data.synthetic();
        if (ca.isContinuous() && cb.isContinuous()) {
            CorrelationSimilarity.Breakdown r = CorrelationSimilarity.compute(ca.name(), cb.name(), real.values(a),
                    real.values(b), syn.values(a), syn.values(b), thresholds.realCorrelation());
            Boolean meets = r.error() != null ? null
                    : thresholds.realCorrelation() <= 0 || (!Double.isNaN(r.real()) && Math.abs(r.real()) > thresholds.realCorrelation());
            return new ColumnPairTrend(ca.name(), cb.name(), CorrelationSimilarity.NAME, nullIfNaN(r.score()),
                    nullIfNaN(r.real()), nullIfNaN(r.synthetic()), null, meets, r.error());
        }
        int[] r1 = ca.isContinuous() ? realBins[a] : real.codes(a);
        int[] s1 = ca.isContinuous() ? synBins[a] : syn.codes(a);
        int[] r2 = cb.isContinuous() ? realBins[b] : real.codes(b);
        int[] s2 = cb.isContinuous() ? synBins[b] : syn.codes(b);
        int k1 = ca.isContinuous() ? Discretizer.DEFAULT_BINS + 2 : ca.cardinality();
        int k2 = cb.isContinuous() ? Discretizer.DEFAULT_BINS + 2 : cb.cardinality();
        ContingencySimilarity.Breakdown r = ContingencySimilarity.compute(r1, r2, s1, s2, k1, k2,
                thresholds.realAssociation());
        boolean meets = thresholds.realAssociation() <= 0
                || (!Double.isNaN(r.realAssociation()) && r.realAssociation() > thresholds.realAssociation());
        return new ColumnPairTrend(ca.name(), cb.name(), ContingencySimilarity.NAME, nullIfNaN(r.score()), null, null,
                nullIfNaN(r.realAssociation()), meets, null);
    }

    /** pandas' mean: NaN (null) entries are skipped; NaN when nothing is left. */
    public static double mean(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (Double v : values) {
            if (v != null && !v.isNaN()) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
