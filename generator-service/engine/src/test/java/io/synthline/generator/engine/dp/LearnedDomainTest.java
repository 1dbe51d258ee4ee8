package io.synthline.generator.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.privacy.PrivacyGuarantee;
import io.synthline.generator.engine.privacy.domain.PublicDomain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** MST without a schema: category sets learned privately, with an "other" bucket for what they leave out. */
class LearnedDomainTest {
    @Test
    void rareCategoriesGoToOtherInsteadOfMissingAndStoredModelsKeepIt() throws IOException {
        Table data = AdultFixtures.columns("race", "native-country", "sex", "income");
        DpSettings settings = DpSettings.of(new PrivacyGuarantee(1, 1e-9), null).withSeededNoiseNotPrivate(5);
        PrivateModel model = new MstSynthesizer(settings).fit(data, 3);

        List<String> categories = model.codecs().stream().filter(c -> c.name().equals("native-country")).findFirst()
                .orElseThrow().outputDomain().categories();
        assertThat(categories).contains("United-States", PublicDomain.Categorical.OTHER).hasSizeLessThan(42);
        CategoricalColumn real = (CategoricalColumn) data.column("native-country");
        Set<String> learned = Set.copyOf(categories);
        long rare = 0;
        for (int r = 0; r < real.size(); r++) {
            rare += learned.contains(real.text(r)) ? 0 : 1;
        }
        double rareShare = (double) rare / real.size();
        assertThat(rareShare).as("Adult's rare countries are a few percent of its rows").isBetween(0.02, 0.2);

        List<String[]> rows = AdultFixtures.sample(model, 20_000, 4);
        double other = rows.stream().filter(r -> PublicDomain.Categorical.OTHER.equals(r[1])).count() / 20_000.0;
        double missing = rows.stream().filter(r -> r[1] == null || r[1].isEmpty()).count() / 20_000.0;
        assertThat(other).as("synthetic rows in the other bucket").isCloseTo(rareShare, within(0.02));
        assertThat(missing).as("synthetic rows with a missing country (the data has none)").isLessThan(0.01);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelOutput out = new ModelOutput(bytes);
        model.write(out);
        out.flush();
        PrivateModel loaded = PrivateModel.read(model.synthesizer(), new ModelInput(new ByteArrayInputStream(bytes.toByteArray()), bytes.size()));
        List<String[]> again = AdultFixtures.sample(loaded, 20_000, 4);
        assertThat(again).usingElementComparator(java.util.Arrays::compare).isEqualTo(rows);
    }
}
