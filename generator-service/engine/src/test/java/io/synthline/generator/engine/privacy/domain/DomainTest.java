package io.synthline.generator.engine.privacy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.fixtures.Datasets;
import io.synthline.generator.engine.privacy.DomainProvenance;
import io.synthline.generator.engine.privacy.Mechanism;
import io.synthline.generator.engine.privacy.Mechanisms;
import io.synthline.generator.engine.privacy.PrivacyAccountant;
import io.synthline.generator.engine.privacy.PrivacyGuarantee;
import io.synthline.generator.engine.privacy.noise.RandomBits;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DomainTest {
    private static final Path ADULT_DOMAIN = Path.of("../../samples/adult-domain.json");
    private static final Table ADULT = CsvTableReader.read(Datasets.adult());

    private static Mechanisms mechanisms(double thresholdDelta) {
        return new Mechanisms(new PrivacyAccountant(new PrivacyGuarantee(10, 1e-6), thresholdDelta), RandomBits.seededNotPrivate(8));
    }

    @Test
    void parsesTheAdultDomainAndAPlainSchema() {
        DeclaredSchema adult = DeclaredSchema.read(ADULT_DOMAIN);
        assertThat(adult.columns()).hasSize(15);
        assertThat(adult.column("native-country").orElseThrow().categories()).hasSize(42);
        assertThat(adult.column("age").orElseThrow().min()).isEqualTo(16);
        assertThat(adult.tableSchema().column(0)).isEqualTo(ColumnSchema.of("age", ColumnType.INTEGER));
        DeclaredSchema plain = DeclaredSchema.parse("{\"columns\":[{\"name\":\"x\",\"type\":\"DECIMAL\"}]}", "inline");
        assertThat(plain.column("x").orElseThrow().hasBounds()).isFalse();
        assertThat(plain.column("x").orElseThrow().isNullable()).isTrue();
    }

    @Test
    void rejectsContradictorySchemas() {
        assertThatThrownBy(() -> DeclaredSchema.parse("{\"columns\":[{\"name\":\"x\",\"min\":1}]}", "s"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("both min and max");
        assertThatThrownBy(() -> DeclaredSchema.parse("{\"columns\":[{\"name\":\"x\",\"min\":3,\"max\":1}]}", "s"))
                .hasMessageContaining("min < max");
        assertThatThrownBy(() -> DeclaredSchema.parse("{\"columns\":[{\"name\":\"x\",\"categories\":[\"a\",\"a\"]}]}", "s"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> DeclaredSchema.parse("{\"columns\":[{\"name\":\"x\",\"type\":\"INTEGER\",\"categories\":[\"a\"]}]}", "s"))
                .hasMessageContaining("declares categories");
        assertThatThrownBy(() -> DeclaredSchema.parse("not json", "s")).hasMessageContaining("not valid");
        assertThatThrownBy(() -> DeclaredSchema.parse("{\"columns\":[]}", "s")).hasMessageContaining("no columns");
    }

    @Test
    void refusesUndeclaredDomainsWhenAskedToAndSaysWhich() {
        TableSchema schema = new TableSchema(List.of(ColumnSchema.of("age", ColumnType.INTEGER),
                ColumnSchema.of("city", ColumnType.CATEGORICAL), ColumnSchema.of("id", ColumnType.IDENTIFIER)));
        DeclaredSchema partial = DeclaredSchema.parse("{\"columns\":[{\"name\":\"age\",\"min\":0,\"max\":120}]}", "s");
        assertThatThrownBy(() -> DomainPlan.of(schema, partial, DomainPolicy.REFUSE))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("city (categories)")
                .hasMessageNotContaining("age (")
                .hasMessageNotContaining("id (");
        DomainPlan plan = DomainPlan.of(schema, partial, DomainPolicy.LEARN_PRIVATELY);
        assertThat(plan.count(DomainPlan.Need.CATEGORIES)).isEqualTo(1);
        assertThat(plan.count(DomainPlan.Need.EXCLUDED)).isEqualTo(1);
        assertThat(plan.needsThresholdDelta()).isTrue();
        assertThatThrownBy(() -> DomainPlan.of(schema, DeclaredSchema.parse("{\"columns\":[{\"name\":\"zip\"}]}", "s"),
                DomainPolicy.LEARN_PRIVATELY)).hasMessageContaining("zip");
    }

    @Test
    void learnsAdultsDomainPrivatelyAndSaysSo() {
        Mechanisms m = mechanisms(1e-7);
        DomainPlan plan = DomainPlan.of(ADULT.schema(), null, DomainPolicy.LEARN_PRIVATELY);
        DomainPlan.Resolution resolution = plan.resolve(ADULT, m, 0.5, 1e-7, "domain");
        Map<String, PublicDomain> byName = new HashMap<>();
        resolution.domains().forEach(d -> byName.put(d.name(), d));
        PublicDomain.Numeric age = (PublicDomain.Numeric) byName.get("age");
        // bucket edges are powers of two, with one bucket more on each side: 17 is in [16, 32), 90 in [64, 128)
        assertThat(age.min()).isEqualTo(8);
        assertThat(age.max()).isEqualTo(255);
        PublicDomain.Numeric gain = (PublicDomain.Numeric) byName.get("capital-gain");
        // the bucket around zero and the one below it: the fine histogram later finds that the values start at 0
        assertThat(gain.min()).isBetween(-8.0, 0.0);
        PublicDomain.Categorical sex = (PublicDomain.Categorical) byName.get("sex");
        // a learned set always ends with the other bucket: whether some value was left out is not public
        assertThat(sex.categories()).containsExactly("Female", "Male", PublicDomain.Categorical.OTHER);
        assertThat(sex.other()).isEqualTo(PublicDomain.Categorical.OTHER);
        PublicDomain.Categorical country = (PublicDomain.Categorical) byName.get("native-country");
        // frequent countries are found, the ones with a handful of rows are not
        assertThat(country.categories()).contains("United-States", "Mexico").doesNotContain("Holand-Netherlands");
        assertThat(resolution.provenance().get(ADULT.schema().indexOf("native-country").getAsInt()).detail())
                .contains("rarer values go to \"(other)\"");
        assertThat(resolution.provenance()).allSatisfy(p -> assertThat(p.source()).isEqualTo(DomainProvenance.LEARNED));
        assertThat(resolution.provenance()).allSatisfy(p -> assertThat(p.detail()).contains("inferred from the data"));
        assertThat(m.accountant().rhoSpent()).isCloseTo(0.5, within(1e-12));
        assertThat(m.accountant().spends()).filteredOn(s -> s.mechanism() == Mechanism.THRESHOLDED_GAUSSIAN).hasSize(9);
        assertThat(m.accountant().thresholdDeltaRemaining()).isLessThan(1e-7 * 1e-6);
    }

    @Test
    void logBucketsAreContiguousAndOrdered() {
        double previousUpper = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < PrivateBounds.BUCKETS; b++) {
            double lo = PrivateBounds.lowerEdge(b);
            double hi = PrivateBounds.upperEdge(b);
            assertThat(lo).isLessThanOrEqualTo(hi);
            if (b > 0) {
                assertThat(lo).isCloseTo(previousUpper, within(Math.abs(lo) * 1e-12 + 1e-3));
            }
            previousUpper = hi;
        }
        for (double v : new double[] {-1e6, -3.3, -0.01, 0, 0.0001, 1, 17, 90, 99999, 1.5e12}) {
            int b = PrivateBounds.bucket(v);
            assertThat(v).isBetween(PrivateBounds.lowerEdge(b) - 1e-3, PrivateBounds.upperEdge(b) + 1e-3);
        }
    }

    @Test
    void binningIsolatesPointMassesAndSamplesInsideBins() {
        // 90 % at zero, the rest spread: zero must be a bin of its own
        double[] starts = new double[100];
        double[] weights = new double[100];
        for (int i = 0; i < 100; i++) {
            starts[i] = i == 0 ? 0 : 1 + (i - 1) * 100;
            weights[i] = i == 0 ? 900 : 1;
        }
        Binning b = Binning.fromLeaves(true, 0, 9999, starts, 10_000, weights, 8);
        assertThat(b.bin(0)).isEqualTo(0);
        assertThat(b.binEnd(0)).isEqualTo(1);
        assertThat(b.bins()).isBetween(3, 10);
        SplittableRandom random = new SplittableRandom(1);
        for (int bin = 0; bin < b.bins(); bin++) {
            for (int k = 0; k < 200; k++) {
                double v = b.sample(bin, random);
                assertThat(v).isEqualTo(Math.rint(v));
                assertThat(b.bin(v)).isEqualTo(bin);
            }
        }
        assertThat(b.bin(-50)).isEqualTo(0);
        assertThat(b.bin(1e9)).isEqualTo(b.bins() - 1);
        Binning exact = Binning.exactIntegers(1, 16);
        assertThat(exact.bins()).isEqualTo(16);
        assertThat(exact.sample(4, random)).isEqualTo(5);
    }

    @Test
    void fineHistogramRecoversAPointMassAndTheShape() {
        // capital-gain-like: 92 % zeros, the rest between 1000 and 20000 - with a generous budget
        SplittableRandom random = new SplittableRandom(4);
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < 0.92 ? 0 : 1000 + random.nextInt(19_000);
        }
        PublicDomain.Numeric domain = new PublicDomain.Numeric(ColumnSchema.of("gain", ColumnType.INTEGER), 0, 99_999, false);
        Mechanisms m = mechanisms(0);
        Binning b = PrivateHistogram.binning(values, domain, 16, false, 1.0, m, "discretisation");
        assertThat(b.bin(0)).isNotEqualTo(b.bin(1));
        assertThat(b.binEnd(b.bin(0))).isEqualTo(1);
        assertThat(m.accountant().rhoSpent()).isLessThanOrEqualTo(1.0 + 1e-12);
        // sampling from the bins of the data reproduces the share of zeros and the range
        int zeros = 0;
        for (double v : values) {
            double s = b.sample(b.bin(v), random);
            zeros += s == 0 ? 1 : 0;
            assertThat(s).isBetween(0.0, 99_999.0);
        }
        assertThat(zeros / (double) values.length).isCloseTo(0.92, within(0.01));
        // small integer ranges need no budget
        Mechanisms untouched = mechanisms(0);
        PublicDomain.Numeric small = new PublicDomain.Numeric(ColumnSchema.of("n", ColumnType.INTEGER), 1, 16, false);
        assertThat(PrivateHistogram.binning(new double[] {3, 4}, small, 16, false, 0.1, untouched, "d").bins()).isEqualTo(16);
        assertThat(untouched.accountant().rhoSpent()).isZero();
    }

    @Test
    void histogramAndBucketQueriesHaveSensitivityOne() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + random.nextInt(50);
            long[] cells = new long[n + 1];
            for (int i = 0; i <= n; i++) {
                cells[i] = random.nextLong(4096);
            }
            Map<Long, Integer> slot = new HashMap<>();
            for (long node = 0; node < 16; node++) {
                slot.put(node, (int) node);
            }
            long[] with = PrivateHistogram.levelCounts(cells, n + 1, 256, slot, 16);
            long[] without = PrivateHistogram.levelCounts(cells, n, 256, slot, 16);
            long l1 = 0;
            for (int i = 0; i < 16; i++) {
                l1 += Math.abs(with[i] - without[i]);
            }
            assertThat(l1).isEqualTo(1);
        }
    }
}
