package io.synthline.generator.engine;

import io.synthline.commons.api.BadInputException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The models users can ask for by name. */
public final class Synthesizers {
    public static final String DEFAULT = IndependentSynthesizer.NAME;

    private static final Map<String, Supplier<Synthesizer>> REGISTRY = Map.of(
            IndependentSynthesizer.NAME, IndependentSynthesizer::new);

    private Synthesizers() {
    }

    public static Synthesizer byName(String name) {
        Supplier<Synthesizer> s = REGISTRY.get(name == null ? DEFAULT : name);
        if (s == null) {
            throw new BadInputException("unknown-model", "unknown model '" + name + "'; available: " + names());
        }
        return s.get();
    }

    public static List<String> names() {
        return REGISTRY.keySet().stream().sorted().toList();
    }
}
