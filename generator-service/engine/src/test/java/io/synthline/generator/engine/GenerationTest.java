package io.synthline.generator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.api.RebalanceSpec;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.disclosure.CopyGuard;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.sampling.ImpossibleConditionException;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generation pipeline on UCI Adult, for every model: reproducibility, copies, conditions, rebalancing, artifacts. */
class GenerationTest {
    private static final Table ADULT = Fixtures.ADULT;

    static SynthesisModel fit(String model, int threads) {
        return SynthesisModel.fit(ADULT, ModelSpec.of(model), 5, threads, null);
    }

    static double share(Table t, String column, String value) {
        CategoricalColumn c = (CategoricalColumn) t.column(column);
        int code = c.categories().indexOf(value);
        long n = 0;
        for (int k : c.codes()) {
            if (k == code) {
                n++;
            }
        }
        return (double) n / c.size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tree", "copula", "independent"})
    void outputIsByteIdenticalWhateverTheThreadCountAndRowsRegenerateAlone(String name) {
        SynthesisModel one = fit(name, 1);
        SynthesisModel two = fit(name, 2);
        assertThat(two.id()).isEqualTo(one.id());
        GenerationSettings s = GenerationSettings.of(20_000, 42).withProvenance(true);
        byte[] single = Fixtures.csv(one, s.withThreads(1));
        byte[] parallel = Fixtures.csv(two, s.withThreads(2));
        byte[] many = Fixtures.csv(one, s.withThreads(5));
        assertThat(parallel).isEqualTo(single);
        assertThat(many).isEqualTo(single);
        List<String> lines = Fixtures.lines(single);
        assertThat(lines).hasSize(20_001);
        // any row alone, and shards, give the same lines
        byte[] row12345 = Fixtures.csv(one, s.withRange(12_345, 1));
        assertThat(Fixtures.lines(row12345)).containsExactly(lines.get(12_346));
        byte[] shard = Fixtures.csv(one, s.withRange(8_000, 4_000));
        assertThat(Fixtures.lines(shard)).containsExactlyElementsOf(lines.subList(8_001, 12_001));
        assertThat(lines.get(12_346)).endsWith(",12345");
        // another seed, other rows
        assertThat(Fixtures.csv(one, GenerationSettings.of(200, 43))).isNotEqualTo(Fixtures.csv(one, GenerationSettings.of(200, 42)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tree", "copula"})
    void storedModelsReloadToTheSameBytesAndTheSameSamples(String name) throws Exception {
        SynthesisModel model = fit(name, 2);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        model.write(a);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        fit(name, 1).write(b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        ByteArrayOutputStream guard = new ByteArrayOutputStream();
        model.writeGuard(guard);
        SynthesisModel loaded = SynthesisModel.read(new ByteArrayInputStream(a.toByteArray()), 2)
                .withGuard(CopyGuard.read(new ByteArrayInputStream(guard.toByteArray())));
        assertThat(loaded.manifest()).isEqualTo(model.manifest());
        assertThat(loaded.manifest().engineVersion()).isEqualTo(SynthesisModel.ENGINE_VERSION);
        assertThat(loaded.manifest().schema()).isEqualTo(ADULT.schema());
        GenerationSettings s = GenerationSettings.of(5_000, 9);
        assertThat(Fixtures.csv(loaded, s)).isEqualTo(Fixtures.csv(model, s));
        byte[] corrupt = a.toByteArray();
        corrupt[corrupt.length - 20] ^= 1;
        assertThatThrownBy(() -> SynthesisModel.read(new ByteArrayInputStream(corrupt), 1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("do not match its hash");
        // a flipped bit in the first parameter bytes (a length, so parsing fails first) is still reported as the hash mismatch
        byte[] early = a.toByteArray();
        early[parametersOffset(early) + 1] ^= 0x40;
        assertThatThrownBy(() -> SynthesisModel.read(new ByteArrayInputStream(early), 1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("do not match its hash");
        byte[] truncated = java.util.Arrays.copyOf(a.toByteArray(), a.size() - 100);
        assertThatThrownBy(() -> SynthesisModel.read(new ByteArrayInputStream(truncated), 1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("do not match its hash");
    }

    /** Where the parameters start: magic (8), format (4), manifest length (4) and manifest, parameter length (8). */
    static int parametersOffset(byte[] artifact) {
        int manifest = java.nio.ByteBuffer.wrap(artifact, 12, 4).getInt();
        return 16 + manifest + 8;
    }

    @Test
    void artifactsOfAnOlderFormatAreRefusedWithAClearMessage() throws Exception {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        fit("independent", 1).write(a);
        byte[] old = a.toByteArray();
        java.nio.ByteBuffer.wrap(old, 8, 4).putInt(1);
        assertThatThrownBy(() -> SynthesisModel.read(new ByteArrayInputStream(old), 1)).isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).slug()).isEqualTo("unsupported-model-format"))
                .hasMessageContaining("model format 1 is not supported").hasMessageContaining("fit the model again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tree", "copula", "independent"})
    void noRowEqualsATrainingRow(String name) {
        Generation.Result result = fiftyThousandRowsWithoutATrainingRow(fit(name, 2));
        System.out.printf("%s: %d draws redrawn as copies of training rows, %d rows dropped%n", name, result.copiesRedrawn(), result.rowsDropped());
    }

    @Test
    void theGuardRedrawsTheCopiesATreeWithoutDisclosureLimitsDraws() {
        // leaves of 5 rows and k = 1 do reproduce real rows: the guard is what removes them (the default tree draws none in 50,000)
        SynthesisModel model = SynthesisModel.fit(ADULT, new ModelSpec("tree", Map.of("minLeaf", "5", "minGroup", "1"), null, null, null,
                null, null), 5, 2, null);
        assertThat(fiftyThousandRowsWithoutATrainingRow(model).copiesRedrawn()).isPositive();
    }

    private static Generation.Result fiftyThousandRowsWithoutATrainingRow(SynthesisModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Generation.Result result = Generation.prepare(model, GenerationSettings.of(50_000, 3)).writeCsv(out, true, Generation.SILENT);
        Set<String> real = new HashSet<>();
        for (int r = 0; r < ADULT.rowCount(); r++) {
            real.add(rowText(ADULT, r));
        }
        Table syn = Fixtures.read(out.toByteArray(), ADULT.schema());
        assertThat(syn.rowCount()).isEqualTo(result.rowsWritten());
        assertThat(java.util.stream.IntStream.range(0, syn.rowCount()).filter(r -> real.contains(rowText(syn, r))).count()).isZero();
        assertThat(result.rowsWritten() + result.rowsDropped()).isEqualTo(50_000);
        return result;
    }

    static String rowText(Table t, int r) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < t.columnCount(); c++) {
            sb.append(t.column(c).text(r)).append('\u0001');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tree", "copula", "independent"})
    void conditionsHoldForEveryRowWithTheModelsProportions(String name) {
        SynthesisModel model = fit(name, 2);
        List<ConditionSpec> conditions = List.of(ConditionSpec.equalTo("income", ">50K"), ConditionSpec.equalTo("sex", "Female"),
                ConditionSpec.between("age", "30", "40"));
        int n = 20_000;
        Table syn = Fixtures.read(Fixtures.csv(model, GenerationSettings.of(n, 8).withConditions(conditions)), ADULT.schema());
        assertThat(syn.rowCount()).isEqualTo(n);
        NumericColumn age = (NumericColumn) syn.column("age");
        for (int r = 0; r < n; r++) {
            assertThat(syn.column("income").text(r)).isEqualTo(">50K");
            assertThat(syn.column("sex").text(r)).isEqualTo("Female");
            assertThat(age.value(r)).isBetween(30.0, 40.0);
        }
        if (!name.equals("independent")) {
            // women earning >50K aged 30-40 are mostly married in the real data: the conditionals must carry that over
            double realMarried = realShare("marital-status", "Married-civ-spouse", ">50K", "Female", 30, 40);
            double synMarried = share(syn, "marital-status", "Married-civ-spouse");
            System.out.printf("%s: married share given the condition: real %.3f, synthetic %.3f%n", name, realMarried, synMarried);
            assertThat(synMarried).isCloseTo(realMarried, within(name.equals("tree") ? 0.05 : 0.2));
        }
    }

    static double realShare(String column, String value, String income, String sex, double ageMin, double ageMax) {
        long hit = 0;
        long total = 0;
        NumericColumn age = (NumericColumn) ADULT.column("age");
        for (int r = 0; r < ADULT.rowCount(); r++) {
            if (ADULT.column("income").text(r).equals(income) && ADULT.column("sex").text(r).equals(sex)
                    && age.value(r) >= ageMin && age.value(r) <= ageMax) {
                total++;
                if (ADULT.column(column).text(r).equals(value)) {
                    hit++;
                }
            }
        }
        return (double) hit / total;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tree", "copula"})
    void rareConditionsAreExactAndImpossibleOnesAreClearErrors(String name) {
        SynthesisModel model = fit(name, 2);
        // 0.1% of Adult: natives of Ecuador (28 rows)
        List<ConditionSpec> rare = List.of(ConditionSpec.equalTo("native-country", "Ecuador"));
        Table syn = Fixtures.read(Fixtures.csv(model, GenerationSettings.of(2_000, 1).withConditions(rare)), ADULT.schema());
        assertThat(syn.rowCount()).isEqualTo(2_000);
        for (int r = 0; r < syn.rowCount(); r++) {
            assertThat(syn.column("native-country").text(r)).isEqualTo("Ecuador");
        }
        assertThatThrownBy(() -> Generation.prepare(model, GenerationSettings.of(10, 1)
                .withConditions(List.of(ConditionSpec.between("age", "200", "300")))))
                .isInstanceOf(ImpossibleConditionException.class).satisfies(e -> assertThat(((BadInputException) e).status()).isEqualTo(422));
        assertThatThrownBy(() -> Generation.prepare(model, GenerationSettings.of(10, 1)
                .withConditions(List.of(ConditionSpec.equalTo("income", "lots")))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("never has the value 'lots'");
        assertThatThrownBy(() -> Generation.prepare(model, GenerationSettings.of(10, 1)
                .withConditions(List.of(ConditionSpec.equalTo("salary", "x")))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("column 'salary'");
        assertThatThrownBy(() -> Generation.prepare(model, GenerationSettings.of(10, 1)
                .withConditions(List.of(ConditionSpec.between("age", "50", "20")))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("above max");
        assertThatThrownBy(() -> Generation.prepare(model, GenerationSettings.of(-1, 1)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("must not be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tree", "copula"})
    void rebalancingReachesTheTargetAndKeepsTheConditionals(String name) {
        SynthesisModel model = fit(name, 2);
        int n = 40_000;
        Table syn = Fixtures.read(Fixtures.csv(model, GenerationSettings.of(n, 4)
                .withRebalance(new RebalanceSpec("income", Map.of(">50K", 0.5, "<=50K", 0.5), null))), ADULT.schema());
        double high = share(syn, "income", ">50K");
        assertThat(high).isCloseTo(0.5, within(5 * Math.sqrt(0.25 / n)));
        // the conditional of another column given the class stays what the model gives without rebalancing
        Table base = Fixtures.read(Fixtures.csv(model, GenerationSettings.of(n, 5)
                .withConditions(List.of(ConditionSpec.equalTo("income", ">50K")))), ADULT.schema());
        double married = conditionalShare(syn, "marital-status", "Married-civ-spouse", "income", ">50K");
        double baseMarried = share(base, "marital-status", "Married-civ-spouse");
        assertThat(married).isCloseTo(baseMarried, within(0.02));
        // x10 on the rare class
        Table up = Fixtures.read(Fixtures.csv(model, GenerationSettings.of(n, 6)
                .withRebalance(new RebalanceSpec("race", null, Map.of("Other", 10.0)))), ADULT.schema());
        double other = 271.0 / 32_561 * 10;
        double expected = other / (1 - 271.0 / 32_561 + other);
        assertThat(share(up, "race", "Other")).isCloseTo(expected, within(name.equals("tree") ? 0.01 : 0.02));
    }

    static double conditionalShare(Table t, String column, String value, String given, String givenValue) {
        long hit = 0;
        long total = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.column(given).text(r).equals(givenValue)) {
                total++;
                if (t.column(column).text(r).equals(value)) {
                    hit++;
                }
            }
        }
        return (double) hit / total;
    }
}
