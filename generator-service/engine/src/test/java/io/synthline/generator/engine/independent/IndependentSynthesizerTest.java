package io.synthline.generator.engine.independent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.table.Table;
import io.synthline.fixtures.Datasets;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.synthesis.Synthesizers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndependentSynthesizerTest {
    private static final Table ADULT = CsvTableReader.read(Datasets.adult());

    private static List<String[]> sample(FittedModel model, long rows, long seed) {
        List<String[]> out = new ArrayList<>();
        model.sample(rows, seed, row -> out.add(row.clone()));
        return out;
    }

    @Test
    void sameSeedSameRowsDifferentSeedDifferentRows() {
        FittedModel model = new IndependentSynthesizer().fit(ADULT, 1);
        List<String[]> a = sample(model, 500, 42);
        List<String[]> b = sample(model, 500, 42);
        List<String[]> c = sample(model, 500, 43);
        assertThat(a).usingRecursiveComparison().isEqualTo(b);
        assertThat(a).usingRecursiveComparison().isNotEqualTo(c);
    }

    @Test
    void marginalsMatchTheTrainingDataWithinSamplingError() {
        FittedModel model = new IndependentSynthesizer().fit(ADULT, 1);
        int n = 100_000;
        List<String[]> rows = sample(model, n, 7);
        int income = ADULT.schema().indexOf("income").getAsInt();
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r[income], 1, Integer::sum));
        double p = 7_841.0 / 32_561;
        // 5 standard errors of a binomial proportion
        assertThat(counts.get(">50K") / (double) n).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / n)));
        int age = ADULT.schema().indexOf("age").getAsInt();
        assertThat(rows).allSatisfy(r -> assertThat(Integer.parseInt(r[age])).isBetween(17, 90));
    }

    @Test
    void rejectsUnknownModelsAndNegativeRows() {
        assertThatThrownBy(() -> Synthesizers.byName("gan")).hasMessageContaining("unknown model 'gan'");
        FittedModel model = Synthesizers.byName(null).fit(ADULT, 1);
        assertThatThrownBy(() -> model.sample(-1, 1, r -> { })).hasMessageContaining("must not be negative");
    }
}
