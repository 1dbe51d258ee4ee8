package io.synthline.generator.engine.synthesis;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.generator.engine.copula.GaussianCopulaSynthesizer;
import io.synthline.generator.engine.dp.PrivateSynthesizers;
import io.synthline.generator.engine.independent.IndependentSynthesizer;
import io.synthline.generator.engine.model.Synthesizer;
import io.synthline.generator.engine.tree.TreeSynthesizer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** The models users can ask for by name, the differentially private ones ({@code mst}, {@code aim}) included. */
public final class Synthesizers {
    public static final String DEFAULT = TreeSynthesizer.NAME;

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
        if (factory == null && isPrivate(name)) {
            throw new BadInputException("missing-privacy", "model '" + name + "' is differentially private: give a privacy block with"
                    + " epsilon and delta");
        }
        if (factory == null) {
            throw new BadInputException("unknown-model", "unknown model '" + name + "'; available: " + names());
        }
        return factory.apply(options == null ? Map.of() : options, Math.max(1, threads));
    }

    /**
     * The synthesizer a spec asks for. The differentially private models ({@code mst}, {@code aim})
     * take their (epsilon, delta) and public domain from the spec's privacy block, which the other
     * models refuse (a privacy block on a model that gives no guarantee would be misleading).
     */
    public static Synthesizer create(ModelSpec spec, int threads) {
        if (PrivateSynthesizers.isPrivate(spec.model())) {
            return PrivateSynthesizers.create(spec.model(), spec.privacy(), spec.options());
        }
        if (spec.privacy() != null) {
            throw new BadInputException("privacy-not-supported", "model '" + spec.model() + "' gives no differential-privacy guarantee;"
                    + " a privacy block needs one of the differentially private models " + PrivateSynthesizers.NAMES);
        }
        return create(spec.model(), spec.options(), threads);
    }

    public static boolean isPrivate(String name) {
        return PrivateSynthesizers.isPrivate(name);
    }

    public static List<String> names() {
        List<String> all = new java.util.ArrayList<>(REGISTRY.keySet());
        all.addAll(PrivateSynthesizers.NAMES);
        return all.stream().sorted().toList();
    }

    public static void noOptions(String model, Map<String, String> options) {
        if (options != null && !options.isEmpty()) {
            throw new BadInputException("invalid-model-option", model + " has no options, got " + options.keySet());
        }
    }
}
