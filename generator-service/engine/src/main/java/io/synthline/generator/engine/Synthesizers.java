package io.synthline.generator.engine;

import io.synthline.commons.api.BadInputException;
import io.synthline.generator.engine.copula.GaussianCopulaSynthesizer;
import io.synthline.generator.engine.tree.TreeSynthesizer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry of model kinds users can ask for by name. A new model (e.g. the DP models MST and
 * AIM) is one {@link ModelKind} added to {@link #KINDS}; everything else (validation of requests,
 * the service, {@code synth generate}, stored artifacts, conditions, rebalancing, constraints,
 * PII, the copy guard, provenance) then works for it. See docs/generator.md, "Adding a model".
 */
public final class Synthesizers {
    public static final String DEFAULT = IndependentSynthesizer.NAME;

    /** Makes the synthesizer of a spec; options it does not know are the caller's mistake (a 400). */
    @FunctionalInterface
    public interface Factory {
        Synthesizer create(ModelSpec spec, int threads);
    }

    /**
     * A model users can name.
     *
     * @param differentiallyPrivate the model needs {@link ModelSpec#privacy()} (and must report what it
     *                              spent through {@link FittedModel#privacySpent()}); other models refuse it
     */
    public record ModelKind(String name, boolean differentiallyPrivate, Factory factory) {
    }

    private static final Map<String, ModelKind> KINDS = new TreeMap<>();

    static {
        register(new ModelKind(IndependentSynthesizer.NAME, false, (spec, threads) -> {
            noOptions(IndependentSynthesizer.NAME, spec.options());
            return new IndependentSynthesizer();
        }));
        register(new ModelKind(TreeSynthesizer.NAME, false, (spec, threads) -> TreeSynthesizer.withOptions(spec.options(), threads)));
        register(new ModelKind(GaussianCopulaSynthesizer.NAME, false,
                (spec, threads) -> GaussianCopulaSynthesizer.withOptions(spec.options(), threads)));
        // the differentially private models (issue 6) register here, e.g.
        // register(new ModelKind(MstSynthesizer.NAME, true, (spec, threads) -> new MstSynthesizer(DpSettings.of(spec.privacy()), ...)));
    }

    private Synthesizers() {
    }

    private static void register(ModelKind kind) {
        if (KINDS.putIfAbsent(kind.name(), kind) != null) {
            throw new IllegalStateException("model kind " + kind.name() + " registered twice");
        }
    }

    public static Synthesizer byName(String name) {
        return create(ModelSpec.of(name), Parallel.defaultThreads());
    }

    public static Synthesizer create(String name, Map<String, String> options, int threads) {
        return create(new ModelSpec(name, options, null, null, null), threads);
    }

    /**
     * The synthesizer of {@code spec}: its kind must exist, a DP kind needs privacy parameters and
     * the others must not get any.
     */
    public static Synthesizer create(ModelSpec spec, int threads) {
        ModelKind kind = kind(spec.model()).orElseThrow(() -> new BadInputException("unknown-model", "unknown model '" + spec.model()
                + "'; available: " + names()));
        if (kind.differentiallyPrivate() && spec.privacy() == null) {
            throw new BadInputException("privacy-required", "model " + kind.name()
                    + " is differentially private: give privacy {epsilon, delta}");
        }
        if (!kind.differentiallyPrivate() && spec.privacy() != null) {
            throw new BadInputException("privacy-not-applicable", "privacy {epsilon, delta} applies to the differentially private models "
                    + privateNames() + ", not to " + kind.name());
        }
        return kind.factory().create(spec, Math.max(1, threads));
    }

    public static Optional<ModelKind> kind(String name) {
        return Optional.ofNullable(KINDS.get(name == null ? DEFAULT : name));
    }

    public static boolean isPrivate(String name) {
        return kind(name).map(ModelKind::differentiallyPrivate).orElse(false);
    }

    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    public static List<String> privateNames() {
        return KINDS.values().stream().filter(ModelKind::differentiallyPrivate).map(ModelKind::name).toList();
    }

    public static void noOptions(String model, Map<String, String> options) {
        if (options != null && !options.isEmpty()) {
            throw new BadInputException("invalid-model-option", model + " has no options, got " + options.keySet());
        }
    }
}
