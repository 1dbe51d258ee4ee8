package io.synthline.generator.engine.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.generator.engine.pipeline.Requests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model registry and the privacy rules it enforces for every caller (API, CLI, stored models). */
class SynthesizersTest {
    @Test
    void everyRegisteredKindCanBeCreatedAndNamesItself() {
        assertThat(Synthesizers.names()).contains("copula", "independent", "tree");
        for (String name : Synthesizers.names()) {
            if (!Synthesizers.isPrivate(name)) {
                assertThat(Synthesizers.create(ModelSpec.of(name), 1).name()).isEqualTo(name);
            }
        }
        assertThat(Synthesizers.isPrivate("copula")).isFalse();
    }

    @Test
    void privacyParametersAreRefusedForModelsWithoutAGuaranteeAndUnknownNamesAreClear() {
        PrivacySpec privacy = PrivacySpec.of(1, 1e-9);
        assertThatThrownBy(() -> Synthesizers.create(new ModelSpec("tree", null, null, null, null, privacy), 1))
                .isInstanceOf(BadInputException.class).hasMessageContaining("gives no differential-privacy guarantee");
        assertThatThrownBy(() -> Synthesizers.create(ModelSpec.of("gan"), 1))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown model 'gan'").hasMessageContaining("copula");
        GenerationRequest request = new GenerationRequest("d", 10L, 1L, "copula", null, null, null, null, null, null, null, null, privacy);
        assertThatThrownBy(() -> Requests.validate(request, null, List.of(), 100)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("gives no differential-privacy guarantee");
        assertThat(Requests.modelSpec(request, List.of()).privacy()).isEqualTo(privacy);
        assertThatThrownBy(() -> Synthesizers.create("tree", Map.of("depth", "x"), 1)).isInstanceOf(BadInputException.class);
    }
}
