package io.synthline.evaluator.engine;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SDMetrics' Column Shapes: KSComplement (1 - two-sample Kolmogorov-Smirnov statistic) for
 * numeric and datetime columns, TVComplement (1 - total variation distance of category
 * frequencies) for the rest. Missing values are dropped first, as SDMetrics does.
 */
public final class ColumnShapes {
    public static final String KS_COMPLEMENT = "KSComplement";
    public static final String TV_COMPLEMENT = "TVComplement";

    private ColumnShapes() {
    }

    public static List<ColumnShapeScore> evaluate(Table real, Table synthetic) {
        if (!real.schema().names().equals(synthetic.schema().names())) {
            throw new BadInputException("column-mismatch", "the synthetic data has columns " + synthetic.schema().names()
                    + " but the real data has " + real.schema().names());
        }
        List<ColumnShapeScore> scores = new ArrayList<>();
        for (int c = 0; c < real.columnCount(); c++) {
            Column r = real.column(c);
            Column s = synthetic.column(c);
            if (r instanceof NumericColumn rn && s instanceof NumericColumn sn) {
                scores.add(new ColumnShapeScore(r.name(), KS_COMPLEMENT, 1.0 - ksStatistic(rn.values(), sn.values())));
            } else {
                scores.add(new ColumnShapeScore(r.name(), TV_COMPLEMENT, 1.0 - totalVariation(r, s)));
            }
        }
        return scores;
    }

    public static double average(List<ColumnShapeScore> scores) {
        return scores.stream().mapToDouble(ColumnShapeScore::score).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }

    /** Largest vertical distance between the two empirical CDFs (NaNs ignored). */
    public static double ksStatistic(double[] a, double[] b) {
        double[] x = Arrays.stream(a).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] y = Arrays.stream(b).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (x.length == 0 || y.length == 0) {
            return Double.NaN;
        }
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /** Half the L1 distance between the category frequency vectors, keyed by the values' text. */
    public static double totalVariation(Column real, Column synthetic) {
        Map<String, double[]> freq = new HashMap<>();
        long realN = count(real, freq, 0);
        long synN = count(synthetic, freq, 1);
        if (realN == 0 || synN == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double[] f : freq.values()) {
            sum += Math.abs(f[0] / realN - f[1] / synN);
        }
        return sum / 2;
    }

    private static long count(Column column, Map<String, double[]> freq, int slot) {
        long n = 0;
        if (column instanceof CategoricalColumn cat) {
            long[] counts = new long[cat.cardinality()];
            for (int code : cat.codes()) {
                if (code >= 0) {
                    counts[code]++;
                }
            }
            for (int k = 0; k < counts.length; k++) {
                freq.computeIfAbsent(cat.categories().get(k), x -> new double[2])[slot] += counts[k];
                n += counts[k];
            }
            return n;
        }
        for (int r = 0; r < column.size(); r++) {
            String t = column.text(r);
            if (t != null) {
                freq.computeIfAbsent(t, x -> new double[2])[slot]++;
                n++;
            }
        }
        return n;
    }
}
