package io.synthline.generator.engine.dp;

import io.synthline.commons.api.DeclaredColumn;
import static io.synthline.generator.engine.dp.AdultFixtures.ADULT;
import static io.synthline.generator.engine.dp.AdultFixtures.DOMAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.api.BadInputException;
import io.synthline.generator.engine.privacy.DomainProvenance;
import io.synthline.generator.engine.privacy.PrivacyGuarantee;
import io.synthline.generator.engine.privacy.PrivacyReport;
import io.synthline.generator.engine.privacy.domain.DeclaredSchema;
import io.synthline.generator.engine.privacy.domain.DomainPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MstSynthesizerTest {
    private static PrivateModel model;
    private static List<String[]> rows;

    @BeforeAll
    static void fitOnce() {
        DpSettings settings = DpSettings.of(new PrivacyGuarantee(1, 1e-9), DOMAIN).withSeededNoiseNotPrivate(17);
        model = new MstSynthesizer(settings).fit(ADULT, 1);
        rows = AdultFixtures.sample(model, 20_000, 5);
    }

    private static PrivacyReport.MechanismUse stage(PrivacyReport report, String stage) {
        return report.mechanisms().stream().filter(u -> u.stage().equals(stage)).findFirst().orElseThrow();
    }

    private static double stageRho(PrivacyReport report, String stage) {
        return report.mechanisms().stream().filter(u -> u.stage().equals(stage)).mapToDouble(PrivacyReport.MechanismUse::rho).sum();
    }

    @Test
    void spendsExactlyTheBudgetInThirdsAfterDiscretisation() {
        PrivacyReport report = model.privacy();
        assertThat(report.rhoSpent()).isCloseTo(report.rho(), within(report.rho() * 1e-9));
        assertThat(report.epsilonSpent()).isLessThanOrEqualTo(1).isCloseTo(1, within(1e-6));
        assertThat(report.deltaSpent()).isEqualTo(1e-9);
        // fine histograms get at most their share (levels a tree never reaches are not spent) ...
        double discretisation = stageRho(report, PrivateSynthesizer.STAGE_DISCRETISATION);
        assertThat(discretisation).isPositive()
                .isLessThanOrEqualTo(DpSettings.DEFAULT_DISCRETISATION_SHARE * report.rho() * (1 + 1e-12));
        // ... and MST splits what is left in thirds
        double third = (report.rho() - discretisation) / 3;
        PrivacyReport.MechanismUse oneWay = stage(report, MstSynthesizer.STAGE_ONE_WAY);
        PrivacyReport.MechanismUse selection = stage(report, MstSynthesizer.STAGE_SELECTION);
        PrivacyReport.MechanismUse twoWay = stage(report, MstSynthesizer.STAGE_TWO_WAY);
        assertThat(oneWay.uses()).isEqualTo(15);
        assertThat(selection.uses()).isEqualTo(14);
        assertThat(selection.mechanism()).isEqualTo("exponential");
        assertThat(twoWay.uses()).isEqualTo(14);
        assertThat(oneWay.rho()).isCloseTo(third, within(1e-12));
        assertThat(selection.rho()).isCloseTo(oneWay.rho(), within(1e-12));
        assertThat(twoWay.rho()).isCloseTo(oneWay.rho(), within(1e-12));
        assertThat(report.domain()).allSatisfy(p -> assertThat(p.source()).isEqualTo(DomainProvenance.DECLARED));
    }

    @Test
    void seededNoiseIsMarkedNotPrivate() {
        assertThat(model.privacy().privateNoise()).isFalse();
        assertThat(model.privacy().noiseSource()).contains("NOT PRIVATE");
        assertThat(model.privacy().summary()).startsWith("NOT PRIVATE");
    }

    @Test
    void everyValueStaysInsideTheDeclaredDomain() {
        Map<String, DeclaredColumn> declared = DOMAIN.columns().stream()
                .collect(Collectors.toMap(DeclaredColumn::name, Function.identity()));
        List<String> names = ADULT.schema().names();
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                DeclaredColumn d = declared.get(names.get(c));
                assertThat(row[c]).isNotNull();
                if (d.hasCategories()) {
                    assertThat(d.categories()).contains(row[c]);
                } else {
                    long v = Long.parseLong(row[c]);
                    assertThat((double) v).isBetween(d.min(), d.max());
                }
            }
        }
    }

    @Test
    void keepsMarginalsAndTheStrongestRelationships() {
        for (String column : List.of("workclass", "education", "marital-status", "relationship", "race", "sex", "income")) {
            assertThat(AdultFixtures.tvComplement(ADULT, rows, column)).as(column).isGreaterThan(0.97);
        }
        int relationship = ADULT.schema().indexOf("relationship").getAsInt();
        int sex = ADULT.schema().indexOf("sex").getAsInt();
        // In Adult every wife is female and every husband male; independence would give ~33 % / 67 %.
        assertThat(AdultFixtures.conditionalShare(rows, relationship, "Wife", sex, "Female")).isGreaterThan(0.9);
        assertThat(AdultFixtures.conditionalShare(rows, relationship, "Husband", sex, "Male")).isGreaterThan(0.9);
        // capital gains: the zeros stay zeros (point mass kept), about 92 % of rows
        int gain = ADULT.schema().indexOf("capital-gain").getAsInt();
        double zeros = rows.stream().filter(r -> r[gain].equals("0")).count() / (double) rows.size();
        assertThat(zeros).isCloseTo(0.917, within(0.02));
    }

    @Test
    void sameModelAndSeedGiveTheSameRows() {
        List<String[]> again = AdultFixtures.sample(model, 20_000, 5);
        assertThat(again).usingRecursiveComparison().isEqualTo(rows);
        assertThat(AdultFixtures.sample(model, 100, 6)).usingRecursiveComparison().isNotEqualTo(rows.subList(0, 100));
    }

    @Test
    void withoutASchemaItLearnsTheDomainPrivatelyAndSaysSo() {
        DpSettings settings = DpSettings.of(new PrivacyGuarantee(1, 1e-9), null).withSeededNoiseNotPrivate(3);
        PrivateModel learned = new MstSynthesizer(settings).fit(AdultFixtures.columns("age", "sex", "race", "income"), 1);
        PrivacyReport report = learned.privacy();
        assertThat(report.domain()).allSatisfy(p -> assertThat(p.source()).isEqualTo(DomainProvenance.LEARNED));
        assertThat(stageRho(report, PrivateSynthesizer.STAGE_DOMAIN)).isCloseTo(DpSettings.DEFAULT_DOMAIN_SHARE * report.rho(), within(1e-12));
        assertThat(report.mechanisms()).anySatisfy(u -> assertThat(u.mechanism()).isEqualTo("thresholded-discrete-gaussian"));
        assertThat(report.deltaSpent()).isLessThanOrEqualTo(1e-9).isGreaterThan(0.9e-9);
        assertThat(report.epsilonSpent()).isLessThanOrEqualTo(1);
        Set<String> races = new HashSet<>();
        AdultFixtures.sample(learned, 5000, 1).forEach(r -> races.add(r[2]));
        assertThat(races).contains("White", "Black");
    }

    @Test
    void refusesWhenTheDomainMustBeDeclared() {
        DpSettings settings = DpSettings.of(new PrivacyGuarantee(1, 1e-9), null).withDomainPolicy(DomainPolicy.REFUSE);
        assertThatThrownBy(() -> new MstSynthesizer(settings).fit(ADULT, 1))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("age (min/max)")
                .hasMessageContaining("income (categories)");
    }

    @Test
    void aSecureRunSaysItIsPrivate() {
        DpSettings settings = DpSettings.of(new PrivacyGuarantee(2, 1e-9), AdultFixtures.domainOf("sex", "income"));
        PrivateModel secure = new MstSynthesizer(settings).fit(AdultFixtures.columns("sex", "income"), 1);
        assertThat(secure.privacy().privateNoise()).isTrue();
        assertThat(secure.privacy().noiseSource()).startsWith("SecureRandom");
        assertThat(secure.privacy().summary()).doesNotContain("NOT PRIVATE");
    }
}
