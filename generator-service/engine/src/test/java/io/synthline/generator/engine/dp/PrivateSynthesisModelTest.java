package io.synthline.generator.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.api.ConstraintSpec;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.commons.api.RebalanceSpec;
import io.synthline.commons.json.Json;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationManifest;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.pipeline.Requests;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import io.synthline.generator.engine.sampling.Condition;
import io.synthline.generator.engine.sampling.ColumnCondition;
import io.synthline.commons.api.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MST and AIM as model kinds of the generation framework: fitted through {@link SynthesisModel}
 * from a request's privacy block, stored and loaded, sampled under conditions and rebalancing
 * (post-processing), with nothing observed in the artifact and the data-reading options refused.
 */
class PrivateSynthesisModelTest {
    static final String[] COLUMNS = {"age", "workclass", "education", "sex", "hours-per-week", "income"};
    static final Table DATA = AdultFixtures.columns(COLUMNS);
    static final PrivacySpec PRIVACY = new PrivacySpec(1.0, 1e-9, null, true, AdultFixtures.domainOf(COLUMNS).columns());
    static SynthesisModel model;

    @BeforeAll
    static void fit() {
        model = SynthesisModel.fit(DATA, new ModelSpec("mst", null, null, null, null, PRIVACY), 7, 1, null);
    }

    static List<String[]> rows(SynthesisModel m, GenerationSettings settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Generation.prepare(m, settings).writeCsv(out, false, Generation.SILENT);
        return out.toString(StandardCharsets.UTF_8).lines().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void theManifestCarriesTheGuaranteeAndNothingObserved() {
        assertThat(model.isPrivate()).isTrue();
        assertThat(model.privacy().epsilon()).isEqualTo(1.0);
        assertThat(model.privacy().epsilonSpent()).isLessThanOrEqualTo(1.0);
        assertThat(model.privacy().privateNoise()).isTrue();
        assertThat(model.guard().size()).as("no hashes of training rows").isZero();
        // the row count is the model's noisy estimate: close to, but not read from, the data
        assertThat((double) model.manifest().trainingRows()).isCloseTo(DATA.rowCount(), within(0.05 * DATA.rowCount()));
        // output domains are the declared ones (declared order, every declared value), not the observed ones
        assertThat(model.output().column(1).categories()).isEqualTo(AdultFixtures.DOMAIN.column("workclass").orElseThrow().categories());
        assertThat(model.output().column(0).min()).isEqualTo(16);
        assertThat(model.output().column(0).max()).isEqualTo(100);
    }

    @Test
    void aStoredModelSamplesTheSameBytesAndKeepsItsReport() throws IOException {
        ByteArrayOutputStream artifact = new ByteArrayOutputStream();
        model.write(artifact);
        SynthesisModel loaded = SynthesisModel.read(new ByteArrayInputStream(artifact.toByteArray()), 2);
        assertThat(loaded.id()).isEqualTo(model.id());
        assertThat(loaded.privacy()).isEqualTo(model.privacy());
        GenerationSettings settings = GenerationSettings.of(5000, 11);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Generation.Result ra = Generation.prepare(model, settings.withThreads(1)).writeCsv(a, true, Generation.SILENT);
        Generation.Result rb = Generation.prepare(loaded, settings.withThreads(2)).writeCsv(b, true, Generation.SILENT);
        assertThat(rb.sha256()).isEqualTo(ra.sha256());
        assertThat(ra.copiesRedrawn()).isZero();
        GenerationManifest manifest = GenerationManifest.of(model, settings, ra, Requests.CSV);
        assertThat(manifest.excludeTrainingCopies()).as("a DP model never compares with training rows").isFalse();
        assertThat(manifest.privacy().epsilonSpent()).isEqualTo(model.privacy().epsilonSpent());
        assertThat(Json.write(manifest)).contains("\"privacy\"");
    }

    @Test
    void conditionsAreExactAndFollowTheModelsConditionalDistribution() {
        List<String[]> female = rows(model, GenerationSettings.of(4000, 5).withConditions(List.of(
                ConditionSpec.equalTo("sex", "Female"), ConditionSpec.between("age", "30", "39"))));
        assertThat(female).hasSize(4000).allSatisfy(r -> {
            assertThat(r[3]).isEqualTo("Female");
            assertThat(Integer.parseInt(r[0])).isBetween(30, 39);
        });
        // P(income=>50K | sex=Female) under the model vs. the share in conditional samples
        PrivateModel base = (PrivateModel) model.base();
        int income = 5;
        int sex = 3;
        double pFemale = base.probability(Condition.of(ColumnCondition.OneOf.of(sex, model.output().column(sex).code("Female"))));
        double pBoth = base.probability(new Condition(List.of(ColumnCondition.OneOf.of(sex, model.output().column(sex).code("Female")),
                ColumnCondition.OneOf.of(income, model.output().column(income).code(">50K")))));
        List<String[]> given = rows(model, GenerationSettings.of(20_000, 9).withConditions(List.of(ConditionSpec.equalTo("sex", "Female"))));
        double share = given.stream().filter(r -> r[income].equals(">50K")).count() / (double) given.size();
        assertThat(share).isCloseTo(pBoth / pFemale, within(0.01));
        assertThat(pFemale).isBetween(0.25, 0.4);
    }

    @Test
    void rebalancingIsPostProcessing() {
        List<String[]> balanced = rows(model, GenerationSettings.of(10_000, 3)
                .withRebalance(new RebalanceSpec("income", Map.of("<=50K", 0.5, ">50K", 0.5), null)));
        double rich = balanced.stream().filter(r -> r[5].equals(">50K")).count() / (double) balanced.size();
        assertThat(rich).isCloseTo(0.5, within(0.02));
    }

    @Test
    void optionsThatReadTheRawRowsAreRefused() {
        GenerationRequest copies = new GenerationRequest(null, 10L, 1L, "mst", null, null, null, null, null, null, Boolean.TRUE, null,
                PRIVACY);
        assertThatThrownBy(() -> Requests.copyExclusion(copies)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("outside the (epsilon, delta) guarantee");
        GenerationRequest unset = new GenerationRequest(null, 10L, 1L, "mst", null, null, null, null, null, null, null, null, PRIVACY);
        assertThat(Requests.copyExclusion(unset)).isFalse();
        assertThatThrownBy(() -> SynthesisModel.fit(DATA, new ModelSpec("mst", null,
                List.of(new ConstraintSpec.Inequality("age", "hours-per-week", false)), null, null, PRIVACY), 1, 1, null))
                .hasMessageContaining("outside the privacy accounting");
        assertThatThrownBy(() -> SynthesisModel.fit(DATA, new ModelSpec("mst", null,
                List.of(new ConstraintSpec.FixedCombinations(List.of("education", "workclass"))), null, null, PRIVACY), 1, 1, null))
                .hasMessageContaining("fixed-combinations");
        assertThatThrownBy(() -> SynthesisModel.fit(DATA, new ModelSpec("tree", null, null, null, null, PRIVACY), 1, 1, null))
                .hasMessageContaining("gives no differential-privacy guarantee");
        assertThatThrownBy(() -> SynthesisModel.fit(DATA, ModelSpec.of("aim"), 1, 1, null))
                .hasMessageContaining("need a privacy block with epsilon and delta");
    }

    @Test
    void piiAndRangeConstraintsWorkWithoutReadingTheirValues() {
        SynthesisModel withPii = SynthesisModel.fit(DATA, new ModelSpec("mst", null,
                List.of(new ConstraintSpec.Range("age", "20", "60")), Map.of("workclass", "full_name"), null, PRIVACY), 3, 1, null);
        assertThat(withPii.output().column(1).categories()).as("no observed values of a generated column are kept").isEmpty();
        List<String[]> rows = rows(withPii, GenerationSettings.of(2000, 1));
        assertThat(rows).allSatisfy(r -> {
            assertThat(Integer.parseInt(r[0])).isBetween(20, 60);
            assertThat(r[1]).contains(" ");
        });
        List<String> realWorkclasses = AdultFixtures.DOMAIN.column("workclass").orElseThrow().categories();
        assertThat(rows.stream().map(r -> r[1])).noneMatch(realWorkclasses::contains);
        assertThatThrownBy(() -> SynthesisModel.fit(DATA, new ModelSpec("mst", null, null, Map.of("workclass", "shape"), null, PRIVACY),
                1, 1, null)).hasMessageContaining("copies the real values' pattern");
        assertThat(Arrays.asList(COLUMNS)).contains("workclass");
    }
}
