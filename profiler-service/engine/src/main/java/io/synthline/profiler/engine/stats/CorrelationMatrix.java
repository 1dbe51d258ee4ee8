package io.synthline.profiler.engine.stats;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.profile.CorrelationMeasure;
import io.synthline.commons.profile.Correlations;
import io.synthline.commons.table.ColumnType;
import io.synthline.profiler.engine.ProfileOptions;
import io.synthline.profiler.engine.scan.ColumnResult;
import io.synthline.profiler.engine.scan.CorrelationSample;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * All pairwise associations over the correlation sample: Pearson and Spearman for numeric pairs,
 * Cramér's V for categorical pairs, the correlation ratio for mixed pairs. Pairs are independent,
 * so they are spread over threads and collected in a fixed order.
 */
public final class CorrelationMatrix {
    private final ProfileOptions options;

    public CorrelationMatrix(ProfileOptions options) {
        this.options = options;
    }

    /**
     * @param order  row indices with a value, in value order (numeric columns)
     * @param ranks  average ranks over all rows when the column has no missing value in the sample, else null
     */
    private record Variable(String name, double[] numbers, int[] order, double[] ranks, int[] codes, int categories) {
        boolean numeric() {
            return numbers != null;
        }
    }

    /** @param parallel the threads to use (work is spread over them; the result does not depend on how many) */
    public Correlations compute(List<ColumnResult> columns, int eligibleColumns, int sampleSize, boolean sampled,
            Parallel parallel) {
        // decide first, then read every taking part column's share of the sample in one pass
        List<ColumnResult> taking = new ArrayList<>();
        List<ColumnResult> numeric = new ArrayList<>();
        List<ColumnResult> categorical = new ArrayList<>();
        List<Correlations.SkippedColumn> skipped = new ArrayList<>();
        for (ColumnResult c : columns) {
            String reason = null;
            ColumnType type = c.schema().type();
            if (c.index() >= eligibleColumns) {
                reason = "only the first " + eligibleColumns + " columns take part in correlations";
            } else if (c.count() == 0) {
                reason = "no values";
            } else if (c.distinct().estimate() < 2) {
                reason = "constant";
            } else if (type == ColumnType.INTEGER || type == ColumnType.DECIMAL) {
                if (c.hasSampleNumbers()) {
                    numeric.add(c);
                } else {
                    reason = "no numeric values";
                }
            } else if (type == ColumnType.CATEGORICAL || type == ColumnType.BOOLEAN) {
                if (c.hasSampleCodes() && c.distinct().estimate() <= options.maxCorrelationCategories()) {
                    categorical.add(c);
                } else {
                    reason = "more than " + options.maxCorrelationCategories() + " categories";
                }
            } else {
                reason = switch (type) {
                    case DATETIME -> "datetime columns are not correlated";
                    case IDENTIFIER -> "identifier";
                    default -> "free text";
                };
            }
            if (reason == null) {
                taking.add(c);
            } else {
                skipped.add(new Correlations.SkippedColumn(c.name(), reason));
            }
        }
        CorrelationSample.Columns sample = ColumnResult.sampleColumns(numeric, categorical, sampleSize);
        double[][] numbers = sample.numbers();
        int[][] codes = sample.codes();
        List<Variable> ranked = parallel.map(IntStream.range(0, numbers.length).boxed().toList(), options.threads() * 2,
                k -> {
                    double[] x = numbers[k];
                    int[] order = SortedOrder.of(x, sampleSize);
                    boolean complete = order.length == sampleSize;
                    return new Variable(numeric.get(k).name(), x, order,
                            complete ? SortedOrder.ranks(x, order, null, sampleSize) : null, null, 0);
                });
        List<Variable> vars = new ArrayList<>();
        int nextNumeric = 0;
        int nextCategorical = 0;
        for (ColumnResult c : taking) {
            if (nextNumeric < numeric.size() && numeric.get(nextNumeric) == c) {
                vars.add(ranked.get(nextNumeric++));
            } else {
                vars.add(new Variable(c.name(), null, null, null, codes[nextCategorical++], c.dictionary().size()));
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            for (int j = i + 1; j < vars.size(); j++) {
                pairs.add(new int[] {i, j});
            }
        }
        List<List<Correlations.PairCorrelation>> results = parallel.map(pairs, options.threads() * 4,
                p -> pair(vars.get(p[0]), vars.get(p[1]), sampleSize));
        List<Correlations.PairCorrelation> all = new ArrayList<>();
        results.forEach(all::addAll);
        return new Correlations(sampled, sampleSize, options.seed(), vars.stream().map(Variable::name).toList(), skipped, all);
    }

    private static List<Correlations.PairCorrelation> pair(Variable a, Variable b, int n) {
        List<Correlations.PairCorrelation> out = new ArrayList<>(2);
        if (a.numeric() && b.numeric()) {
            add(out, a.name(), b.name(), CorrelationMeasure.PEARSON, Associations.pearson(a.numbers(), b.numbers(), n));
            Associations.Value rho = a.ranks() != null && b.ranks() != null
                    ? Associations.pearson(a.ranks(), b.ranks(), n)
                    : Associations.spearman(a.numbers(), a.order(), b.numbers(), b.order(), n);
            add(out, a.name(), b.name(), CorrelationMeasure.SPEARMAN, rho);
        } else if (!a.numeric() && !b.numeric()) {
            add(out, a.name(), b.name(), CorrelationMeasure.CRAMERS_V,
                    Associations.cramersV(a.codes(), a.categories(), b.codes(), b.categories(), n));
        } else {
            Variable cat = a.numeric() ? b : a;
            Variable num = a.numeric() ? a : b;
            add(out, cat.name(), num.name(), CorrelationMeasure.CORRELATION_RATIO,
                    Associations.correlationRatio(cat.codes(), cat.categories(), num.numbers(), n));
        }
        return out;
    }

    private static void add(List<Correlations.PairCorrelation> out, String first, String second, CorrelationMeasure m,
            Associations.Value v) {
        if (!Double.isNaN(v.value())) {
            out.add(new Correlations.PairCorrelation(first, second, m, v.value(), v.n()));
        }
    }
}
