package io.synthline.generator.engine;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two properties of SDMetrics' QualityReport, re-derived from their documented formulas
 * for tests of the generator (the evaluator owns the product implementation): Column Shapes
 * (KSComplement / TVComplement) and Column Pair Trends (CorrelationSimilarity on Pearson for
 * numeric pairs with |r| >= 0.5, ContingencySimilarity with numbers in 10 equal-width bins over
 * the real range for the others with Cramér's V >= 0.3).
 */
public final class QualityProbe {
    public record Scores(double shapes, double pairTrends, int pairsScored, Map<String, Double> pairs) {
        public double overall() {
            return (shapes + pairTrends) / 2;
        }

        @Override
        public String toString() {
            return String.format("overall %.4f (shapes %.4f, pair trends %.4f over %d pairs)", overall(), shapes, pairTrends, pairsScored);
        }
    }

    private QualityProbe() {
    }

    public static Scores score(Table real, Table synthetic) {
        int m = real.columnCount();
        double shapes = 0;
        for (int c = 0; c < m; c++) {
            shapes += shape(real.column(c), synthetic.column(c));
        }
        shapes /= m;
        double sum = 0;
        int scored = 0;
        Map<String, Double> pairs = new LinkedHashMap<>();
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                Column ra = real.column(a);
                Column rb = real.column(b);
                double score;
                if (ra instanceof NumericColumn na && rb instanceof NumericColumn nb) {
                    double r = pearson(na.values(), nb.values());
                    if (Math.abs(r) < 0.5) {
                        continue;
                    }
                    double s = pearson(((NumericColumn) synthetic.column(a)).values(), ((NumericColumn) synthetic.column(b)).values());
                    score = 1 - Math.abs(r - s) / 2;
                } else {
                    String[] xa = discretize(ra, ra);
                    String[] xb = discretize(rb, rb);
                    if (cramersV(xa, xb) < 0.3) {
                        continue;
                    }
                    String[] ya = discretize(ra, synthetic.column(a));
                    String[] yb = discretize(rb, synthetic.column(b));
                    score = 1 - totalVariation(joint(xa, xb), joint(ya, yb), xa.length, ya.length);
                }
                pairs.put(ra.name() + "~" + rb.name(), score);
                sum += score;
                scored++;
            }
        }
        return new Scores(shapes, scored == 0 ? Double.NaN : sum / scored, scored, pairs);
    }

    static double shape(Column real, Column syn) {
        if (real instanceof NumericColumn r && syn instanceof NumericColumn s) {
            return 1 - ks(r.values(), s.values());
        }
        String[] a = texts(real);
        String[] b = texts(syn);
        return 1 - totalVariation(count(a), count(b), a.length, b.length);
    }

    static String[] texts(Column c) {
        String[] t = new String[c.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = String.valueOf(c.text(i));
        }
        return t;
    }

    /** Numbers into 10 equal-width bins over the real column's range; categories as they are. */
    static String[] discretize(Column real, Column column) {
        if (!(real instanceof NumericColumn r)) {
            return texts(column);
        }
        double min = Arrays.stream(r.values()).filter(v -> !Double.isNaN(v)).min().orElse(0);
        double max = Arrays.stream(r.values()).filter(v -> !Double.isNaN(v)).max().orElse(0);
        double[] v = ((NumericColumn) column).values();
        String[] out = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                out[i] = "NaN";
                continue;
            }
            int bin = max == min ? 0 : (int) Math.floor((v[i] - min) / (max - min) * 10);
            out[i] = Integer.toString(Math.max(0, Math.min(9, bin)));
        }
        return out;
    }

    static Map<String, Long> count(String[] a) {
        Map<String, Long> m = new HashMap<>();
        for (String s : a) {
            m.merge(s, 1L, Long::sum);
        }
        return m;
    }

    static Map<String, Long> joint(String[] a, String[] b) {
        Map<String, Long> m = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            m.merge(a[i] + "\u0000" + b[i], 1L, Long::sum);
        }
        return m;
    }

    static double totalVariation(Map<String, Long> p, Map<String, Long> q, long np, long nq) {
        Map<String, double[]> all = new HashMap<>();
        p.forEach((k, v) -> all.computeIfAbsent(k, x -> new double[2])[0] = v / (double) np);
        q.forEach((k, v) -> all.computeIfAbsent(k, x -> new double[2])[1] = v / (double) nq);
        double s = 0;
        for (double[] f : all.values()) {
            s += Math.abs(f[0] - f[1]);
        }
        return s / 2;
    }

    static double cramersV(String[] a, String[] b) {
        Map<String, Long> ca = count(a);
        Map<String, Long> cb = count(b);
        Map<String, Long> j = joint(a, b);
        double n = a.length;
        double chi2 = 0;
        for (var ea : ca.entrySet()) {
            for (var eb : cb.entrySet()) {
                double expected = ea.getValue() * (double) eb.getValue() / n;
                double observed = j.getOrDefault(ea.getKey() + "\u0000" + eb.getKey(), 0L);
                chi2 += (observed - expected) * (observed - expected) / expected;
            }
        }
        int k = Math.min(ca.size(), cb.size());
        return k <= 1 ? 0 : Math.sqrt(chi2 / (n * (k - 1)));
    }

    static double pearson(double[] x, double[] y) {
        double mx = 0, my = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                mx += x[i];
                my += y[i];
                n++;
            }
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
            }
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    static double ks(double[] a, double[] b) {
        double[] x = Arrays.stream(a).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] y = Arrays.stream(b).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int i = 0, j = 0;
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

    /** Reads a synthetic sample back as a table with the real table's types. */
    public static Table sampleTable(FittedModel model, int rows, long seed) {
        Domain domain = model.domain();
        int m = domain.size();
        double[][] cells = new double[m][rows];
        var drawer = model.newDrawer();
        var random = new io.synthline.generator.engine.random.RowRandom();
        double[] row = new double[m];
        for (int r = 0; r < rows; r++) {
            drawer.draw(random.reseed(seed, r, 0), row);
            for (int c = 0; c < m; c++) {
                cells[c][r] = row[c];
            }
        }
        java.util.List<Column> columns = new java.util.ArrayList<>();
        for (int c = 0; c < m; c++) {
            ColumnDomain d = domain.column(c);
            if (d.isCategorical()) {
                int[] codes = Arrays.stream(cells[c]).mapToInt(v -> Double.isNaN(v) ? -1 : (int) v).toArray();
                columns.add(new CategoricalColumn(d.schema(), codes, d.categories()));
            } else {
                columns.add(new NumericColumn(d.schema(), cells[c]));
            }
        }
        return new Table(columns);
    }
}
