package io.synthline.profiler.engine.scan;

import io.synthline.commons.profile.ColumnProfile;
import io.synthline.commons.profile.DatetimeSummary;
import io.synthline.commons.profile.DistinctCount;
import io.synthline.commons.profile.FrequentItems;
import io.synthline.commons.profile.Histogram;
import io.synthline.commons.profile.NumericSummary;
import io.synthline.commons.profile.Quantiles;
import io.synthline.commons.profile.TextSummary;
import io.synthline.commons.csv.TypeInference;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.DateTimeFormats;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Turns a column's accumulated state into its part of the profile: the inferred and final type,
 * and the summaries that type calls for. Read-only over the accumulator.
 */
public final class ColumnResult {
    static final double[] PROBABILITIES = {0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1};

    private final ColumnAccumulator acc;
    private final ColumnSchema inferred;
    private final ColumnSchema finalSchema;
    private final DistinctCount distinct;

    public ColumnResult(ColumnAccumulator acc) {
        this.acc = acc;
        this.distinct = acc.values().distinct();
        long count = acc.count();
        boolean unique = distinct.exact() ? distinct.estimate() == count
                : distinct.estimate() >= TypeInference.ESTIMATED_UNIQUE_SHARE * count;
        TypeEvidence evidence = acc.evidence();
        this.inferred = TypeInference.decide(acc.name, new TypeInference.Facts(count, evidence.allInteger(),
                evidence.allDecimal(), evidence.allBoolean(), acc.datePattern(), distinct.estimate(), unique,
                evidence.anyWhitespace(), acc.lengths().max()));
        this.finalSchema = acc.declared != null ? acc.declared : inferred;
    }

    public String name() {
        return acc.name;
    }

    public int index() {
        return acc.index;
    }

    public ColumnSchema schema() {
        return finalSchema;
    }

    public ColumnSchema inferred() {
        return inferred;
    }

    public DistinctCount distinct() {
        return distinct;
    }

    public long count() {
        return acc.count();
    }

    public long nulls() {
        return acc.nulls();
    }

    public List<String> sample() {
        return acc.piiSample().values();
    }

    /** Exact value counts while the column had few distinct values, else null. */
    public Map<String, Long> exactCounts() {
        return acc.values().exactCounts();
    }

    public List<String> dictionary() {
        return acc.values().dictionary();
    }

    /** The datetime pattern the values were read with, for DATETIME columns. */
    public String datePattern() {
        return finalSchema.type() == ColumnType.DATETIME ? finalSchema.format() : inferred.format();
    }

    /** Numeric statistics when the final type is INTEGER or DECIMAL and values were seen. */
    NumericStats numericStats() {
        ColumnType t = finalSchema.type();
        NumericStats s = acc.numeric();
        return (t == ColumnType.INTEGER || t == ColumnType.DECIMAL) && s != null && s.moments.count() > 0 ? s : null;
    }

    /** Whether the correlation sample holds this column's numbers (see {@link #sampleColumns}). */
    public boolean hasSampleNumbers() {
        return numericStats() != null && acc.sample != null;
    }

    /** Whether the correlation sample holds this column's dictionary codes (see {@link #sampleColumns}). */
    public boolean hasSampleCodes() {
        return acc.values().isExact() && acc.sample != null;
    }

    /**
     * The first {@code rows} sampled numbers of each of {@code numeric} (all of which
     * {@link #hasSampleNumbers}) and codes of each of {@code categorical} (all of which
     * {@link #hasSampleCodes}), read together.
     */
    public static CorrelationSample.Columns sampleColumns(List<ColumnResult> numeric, List<ColumnResult> categorical,
            int rows) {
        List<ColumnResult> any = numeric.isEmpty() ? categorical : numeric;
        if (any.isEmpty()) {
            return new CorrelationSample.Columns(new double[0][], new int[0][]);
        }
        return any.getFirst().acc.sample.columns(indexes(numeric), indexes(categorical), rows);
    }

    private static int[] indexes(List<ColumnResult> columns) {
        return columns.stream().mapToInt(c -> c.acc.index).toArray();
    }

    public Double min() {
        NumericStats s = numericStats();
        return s == null ? null : s.moments.min();
    }

    public Double max() {
        NumericStats s = numericStats();
        return s == null ? null : s.moments.max();
    }

    public ColumnProfile profile(int topValues, int bins, boolean withheld, boolean examplesWithheld) {
        ColumnType type = finalSchema.type();
        NumericSummary numeric = null;
        DatetimeSummary datetime = null;
        TextSummary text = null;
        NumericStats s = numericStats();
        if (s != null) {
            numeric = numeric(s, type == ColumnType.INTEGER, bins);
        } else if (type == ColumnType.DATETIME) {
            NumericStats d = acc.dateStats(finalSchema.format());
            if (d != null && d.moments.count() > 0) {
                datetime = datetime(d, finalSchema.format(), bins);
            }
        } else if (!type.isNumeric() && acc.count() > 0) {
            text = acc.lengths().summary(acc.count(), acc.evidence().blank());
        }
        FrequentItems frequent = withheld || acc.count() == 0 ? null : acc.values().frequent(topValues);
        List<String> examples = withheld || examplesWithheld ? List.of() : examples(5);
        long count = acc.count();
        long nulls = acc.nulls();
        long rows = count + nulls;
        return new ColumnProfile(acc.name, acc.index, type, type == ColumnType.DATETIME ? finalSchema.format() : null,
                inferred.type(), inferred.format(), acc.declared != null && !acc.declared.equals(inferred),
                count, nulls, rows == 0 ? 0 : (double) nulls / rows, distinct, acc.invalid().count(),
                acc.invalid().firstLine(), acc.evidence().counts(),
                numeric, datetime, text, frequent, examples, withheld, acc.evidence().formulaLike());
    }

    private List<String> examples(int n) {
        Set<String> distinctValues = new LinkedHashSet<>();
        for (String v : acc.piiSample().values()) {
            if (distinctValues.size() >= n) {
                break;
            }
            distinctValues.add(v.length() > 80 ? v.substring(0, 77) + "..." : v);
        }
        return new ArrayList<>(distinctValues);
    }

    private static NumericSummary numeric(NumericStats s, boolean integer, int bins) {
        var m = s.moments;
        Quantiles q = quantiles(s.kll, m.min(), m.max());
        double q1 = q.at(0.25);
        double q3 = q.at(0.75);
        double iqr = q3 - q1;
        long outliers = 0;
        if (iqr > 0) {
            double low = q1 - 3 * iqr;
            double high = q3 + 3 * iqr;
            double below = s.kll.getRank(low, QuantileSearchCriteria.EXCLUSIVE);
            double above = 1 - s.kll.getRank(high, QuantileSearchCriteria.INCLUSIVE);
            outliers = Math.round((below + above) * m.count());
        }
        return new NumericSummary(m.min(), m.max(), m.mean(), m.sum(), m.stdDev(), m.variance(), m.skewness(),
                m.kurtosis(), s.zeros, s.negatives, outliers, q, histogram(s.kll, m.min(), m.max(), m.count(), integer, bins));
    }

    private static DatetimeSummary datetime(NumericStats s, String pattern, int bins) {
        var m = s.moments;
        Quantiles q = quantiles(s.kll, m.min(), m.max());
        return new DatetimeSummary(DateTimeFormats.format(m.min(), pattern), DateTimeFormats.format(m.max(), pattern),
                (long) m.min(), (long) m.max(), (m.max() - m.min()) / 86_400_000.0, q,
                histogram(s.kll, m.min(), m.max(), m.count(), false, bins));
    }

    static Quantiles quantiles(KllDoublesSketch kll, double min, double max) {
        boolean exact = !kll.isEstimationMode();
        double[] values = kll.getQuantiles(PROBABILITIES, QuantileSearchCriteria.INCLUSIVE);
        List<Quantiles.Point> points = new ArrayList<>();
        for (int i = 0; i < PROBABILITIES.length; i++) {
            double v = PROBABILITIES[i] == 0 ? min : PROBABILITIES[i] == 1 ? max : values[i];
            points.add(new Quantiles.Point(PROBABILITIES[i], v));
        }
        return new Quantiles(points, exact ? 0 : kll.getNormalizedRankError(false), exact);
    }

    /** Equal-width bins from min to max; integer columns with a small range get one bin per value. */
    static Histogram histogram(KllDoublesSketch kll, double min, double max, long n, boolean integer, int bins) {
        List<Double> edges = new ArrayList<>();
        if (min == max) {
            edges.add(min);
            edges.add(max);
            return new Histogram(edges, List.of(n), false);
        }
        int k = bins;
        double width;
        double start;
        if (integer && max - min + 1 <= bins) {
            k = (int) (max - min + 1);
            start = min - 0.5;
            width = 1;
        } else {
            start = min;
            width = (max - min) / k;
        }
        for (int i = 0; i <= k; i++) {
            edges.add(i == k && !(integer && width == 1) ? max : start + i * width);
        }
        double[] splits = new double[k - 1];
        for (int i = 1; i < k; i++) {
            splits[i - 1] = edges.get(i);
        }
        double[] pmf = k == 1 ? new double[] {1.0} : kll.getPMF(splits, QuantileSearchCriteria.EXCLUSIVE);
        long[] counts = new long[k];
        double[] remainders = new double[k];
        long assigned = 0;
        for (int i = 0; i < k; i++) {
            double exact = pmf[i] * n;
            counts[i] = (long) Math.floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        // largest remainders get the rounding leftovers, so the bins add up to n exactly
        while (assigned < n) {
            int best = 0;
            for (int i = 1; i < k; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            assigned++;
        }
        List<Long> countList = new ArrayList<>();
        for (long c : counts) {
            countList.add(c);
        }
        return new Histogram(edges, countList, kll.isEstimationMode());
    }
}
