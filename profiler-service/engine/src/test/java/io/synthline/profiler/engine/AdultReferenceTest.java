package io.synthline.profiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.profile.ColumnProfile;
import io.synthline.commons.profile.CorrelationMeasure;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.table.ColumnType;
import io.synthline.fixtures.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The profile of the real Adult file against values computed here independently: exact counts by
 * plain splitting, moments and correlations by Apache Commons Math, quantiles checked against the
 * sorted data within the KLL rank-error bound.
 */
class AdultReferenceTest {
    static final Path ADULT = Datasets.adult();
    static final List<String> NUMERIC = List.of("age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week");
    static final List<String> CATEGORICAL = List.of("workclass", "education", "marital-status", "occupation", "relationship",
            "race", "sex", "native-country", "income");

    static DatasetProfile profile;
    static List<String> header;
    static Map<String, List<String>> cells = new LinkedHashMap<>();
    static List<String> lines;

    @BeforeAll
    static void load() throws IOException {
        lines = Files.readAllLines(ADULT);
        header = List.of(lines.getFirst().split(","));
        for (String h : header) {
            cells.put(h, new ArrayList<>());
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            for (int i = 0; i < f.length; i++) {
                cells.get(header.get(i)).add(f[i]);
            }
        }
        profile = new DatasetProfiler(ProfileOptions.defaults()).profile(ADULT, CsvOptions.defaults());
    }

    static double[] numbers(String column) {
        return cells.get(column).stream().mapToDouble(Double::parseDouble).toArray();
    }

    static ColumnProfile column(String name) {
        return profile.column(name).orElseThrow();
    }

    @Test
    void countsAreExact() {
        assertThat(profile.rowCount()).isEqualTo(32_561);
        assertThat(profile.columnCount()).isEqualTo(15);
        Set<String> distinctRows = new HashSet<>(lines.subList(1, lines.size()));
        assertThat(profile.table().duplicates().count()).isEqualTo(lines.size() - 1 - distinctRows.size()).isEqualTo(24);
        assertThat(profile.table().duplicates().exact()).isTrue();
        for (String name : header) {
            ColumnProfile c = column(name);
            List<String> values = cells.get(name);
            assertThat(c.count()).as(name).isEqualTo(values.size());
            assertThat(c.nullCount()).as(name).isZero();
            long distinct = new HashSet<>(values).size();
            if (c.distinct().exact()) {
                assertThat(c.distinct().estimate()).as(name).isEqualTo(distinct);
            } else {
                assertThat(distinct).as(name).isBetween(c.distinct().lowerBound(), c.distinct().upperBound());
            }
        }
        for (String name : CATEGORICAL) {
            ColumnProfile c = column(name);
            assertThat(c.type()).as(name).isEqualTo(ColumnType.CATEGORICAL);
            Map<String, Long> counts = new HashMap<>();
            cells.get(name).forEach(v -> counts.merge(v, 1L, Long::sum));
            assertThat(c.frequent().exact()).isTrue();
            c.frequent().items().forEach(i -> assertThat(i.count()).as(name + "=" + i.value()).isEqualTo(counts.get(i.value())));
            long top = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(c.frequent().items().getFirst().count()).isEqualTo(top);
        }
        assertThat(column("income").frequent().items()).extracting(i -> i.value() + "=" + i.count())
                .containsExactly("<=50K=24720", ">50K=7841");
        assertThat(column("workclass").frequent().items()).anySatisfy(i -> {
            assertThat(i.value()).isEqualTo("?");
            assertThat(i.count()).isEqualTo(1836);
        });
    }

    @Test
    void momentsMatchCommonsMath() {
        for (String name : NUMERIC) {
            ColumnProfile c = column(name);
            assertThat(c.type()).as(name).isEqualTo(ColumnType.INTEGER);
            DescriptiveStatistics ref = new DescriptiveStatistics(numbers(name));
            var n = c.numeric();
            assertThat(n.min()).isEqualTo(ref.getMin());
            assertThat(n.max()).isEqualTo(ref.getMax());
            assertThat(n.sum()).isEqualTo(ref.getSum());
            assertThat(n.mean()).as(name).isCloseTo(ref.getMean(), within(1e-9 * Math.abs(ref.getMean())));
            assertThat(n.stdDev()).as(name).isCloseTo(ref.getStandardDeviation(), within(1e-9 * ref.getStandardDeviation()));
            assertThat(n.skewness()).as(name).isCloseTo(ref.getSkewness(), within(1e-9 * Math.abs(ref.getSkewness())));
            assertThat(n.kurtosis()).as(name).isCloseTo(ref.getKurtosis(), within(1e-9 * Math.abs(ref.getKurtosis())));
            long zeros = Arrays.stream(numbers(name)).filter(v -> v == 0).count();
            assertThat(n.zeros()).isEqualTo(zeros);
        }
    }

    @Test
    void quantilesAndHistogramsAreWithinTheKllBound() {
        for (String name : NUMERIC) {
            QuantileBounds.assertWithinKllBound(column(name), numbers(name));
        }
    }

    @Test
    void correlationsMatchReferencesExactly() {
        var corr = profile.correlations();
        assertThat(corr.sampled()).isFalse();
        assertThat(corr.sampleSize()).isEqualTo(32_561);
        for (int i = 0; i < NUMERIC.size(); i++) {
            for (int j = i + 1; j < NUMERIC.size(); j++) {
                String a = NUMERIC.get(i);
                String b = NUMERIC.get(j);
                double pearson = new PearsonsCorrelation().correlation(numbers(a), numbers(b));
                double spearman = new SpearmansCorrelation().correlation(numbers(a), numbers(b));
                assertThat(corr.value(a, b, CorrelationMeasure.PEARSON)).as(a + "~" + b).isCloseTo(pearson, within(1e-9));
                assertThat(corr.value(a, b, CorrelationMeasure.SPEARMAN)).as(a + "~" + b).isCloseTo(spearman, within(1e-9));
            }
        }
        for (int i = 0; i < CATEGORICAL.size(); i++) {
            for (int j = i + 1; j < CATEGORICAL.size(); j++) {
                String a = CATEGORICAL.get(i);
                String b = CATEGORICAL.get(j);
                assertThat(corr.value(a, b, CorrelationMeasure.CRAMERS_V)).as(a + "~" + b).isCloseTo(cramersV(a, b), within(1e-9));
            }
        }
        for (String cat : CATEGORICAL) {
            for (String num : NUMERIC) {
                assertThat(corr.value(cat, num, CorrelationMeasure.CORRELATION_RATIO)).as(cat + "~" + num)
                        .isCloseTo(correlationRatio(cat, num), within(1e-9));
            }
        }
        assertThat(corr.value("education", "education-num", CorrelationMeasure.CORRELATION_RATIO)).isCloseTo(1.0, within(1e-12));
    }

    /** Cramér's V from Commons Math's chi-squared statistic of the contingency table. */
    private static double cramersV(String a, String b) {
        List<String> x = cells.get(a);
        List<String> y = cells.get(b);
        List<String> xs = x.stream().distinct().toList();
        List<String> ys = y.stream().distinct().toList();
        long[][] table = new long[xs.size()][ys.size()];
        for (int i = 0; i < x.size(); i++) {
            table[xs.indexOf(x.get(i))][ys.indexOf(y.get(i))]++;
        }
        double chi2 = new ChiSquareTest().chiSquare(table);
        return Math.sqrt(chi2 / (x.size() * (double) (Math.min(xs.size(), ys.size()) - 1)));
    }

    /** eta = sqrt(SS_between / SS_total), two passes. */
    private static double correlationRatio(String cat, String num) {
        List<String> g = cells.get(cat);
        double[] y = numbers(num);
        double mean = Arrays.stream(y).average().orElseThrow();
        Map<String, double[]> groups = new HashMap<>();
        for (int i = 0; i < y.length; i++) {
            double[] s = groups.computeIfAbsent(g.get(i), k -> new double[2]);
            s[0] += y[i];
            s[1]++;
        }
        double between = 0;
        for (double[] s : groups.values()) {
            double d = s[0] / s[1] - mean;
            between += s[1] * d * d;
        }
        double total = Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(between / total);
    }

    @Test
    void sensitiveAttributesAreTaggedAndNothingIsPii() {
        assertThat(profile.pii()).isEmpty();
        assertThat(profile.columnsWithRole(io.synthline.commons.profile.AttributeRole.PROTECTED))
                .contains("age", "sex", "race", "native-country", "marital-status");
        assertThat(profile.attributesOf("sex")).singleElement()
                .extracting(a -> a.category()).isEqualTo(io.synthline.commons.profile.AttributeCategory.SEX_GENDER);
        assertThat(column("sex").examples()).isEmpty();
        assertThat(column("workclass").examples()).isNotEmpty();
    }
}
