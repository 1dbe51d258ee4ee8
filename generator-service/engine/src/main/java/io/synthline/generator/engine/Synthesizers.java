package io.synthline.generator.engine;

import io.synthline.commons.api.BadInputException;
import io.synthline.generator.engine.copula.GaussianCopulaSynthesizer;
import io.synthline.generator.engine.tree.TreeSynthesizer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** The models users can ask for by name. Further models (e.g. the DP ones) register here. */
public final class Synthesizers {
    public static final String DEFAULT = IndependentSynthesizer.NAME;

    /** name -> (options, threads) -> synthesizer; options it does not know are its caller's mistake. */
    private static final Map<String, BiFunction<Map<String, String>, Integer, Synthesizer>> REGISTRY = new TreeMap<>(Map.of(
            IndependentSynthesizer.NAME, (options, threads) -> {
                noOptions(IndependentSynthesizer.NAME, options);
                return new IndependentSynthesizer();
            },
            TreeSynthesizer.NAME, TreeSynthesizer::withOptions,
            GaussianCopulaSynthesizer.NAME, GaussianCopulaSynthesizer::withOptions));

    private Synthesizers() {
    }

    public static Synthesizer byName(String name) {
        return create(name, Map.of(), Parallel.defaultThreads());
    }

    public static Synthesizer create(String name, Map<String, String> options, int threads) {
        var factory = REGISTRY.get(name == null ? DEFAULT : name);
        if (factory == null) {
            throw new BadInputException("unknown-model", "unknown model '" + name + "'; available: " + names());
        }
        return factory.apply(options == null ? Map.of() : options, Math.max(1, threads));
    }

    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    public static void noOptions(String model, Map<String, String> options) {
        if (options != null && !options.isEmpty()) {
            throw new BadInputException("invalid-model-option", model + " has no options, got " + options.keySet());
        }
    }
}
