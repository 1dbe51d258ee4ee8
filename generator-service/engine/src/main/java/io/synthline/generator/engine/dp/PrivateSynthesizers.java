package io.synthline.generator.engine.dp;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.PrivacySpec;
import java.util.List;
import java.util.Map;

/** The differentially private models by name, and their options. */
public final class PrivateSynthesizers {
    public static final List<String> NAMES = List.of(AimSynthesizer.NAME, MstSynthesizer.NAME);

    private PrivateSynthesizers() {
    }

    public static boolean isPrivate(String model) {
        return model != null && NAMES.contains(model);
    }

    /** The synthesizer a model spec asks for; its privacy block gives (epsilon, delta) and the public domain. */
    public static PrivateSynthesizer create(String model, PrivacySpec privacy, Map<String, String> options) {
        return create(model, DpSettings.of(privacy), options);
    }

    /**
     * @param options model options: for {@code aim}, {@code workload} ({@code 2-way} or
     *                {@code 3-way}) and {@code max-model-cells}; {@code mst} has none
     */
    public static PrivateSynthesizer create(String model, DpSettings settings, Map<String, String> options) {
        Map<String, String> o = options == null ? Map.of() : options;
        return switch (model) {
            case MstSynthesizer.NAME -> {
                if (!o.isEmpty()) {
                    throw new BadInputException("invalid-model-option", "mst has no options, got " + o.keySet());
                }
                yield new MstSynthesizer(settings);
            }
            case AimSynthesizer.NAME -> new AimSynthesizer(settings, aimOptions(o));
            default -> throw new BadInputException("unknown-model", "'" + model + "' is not a differentially private model; those are " + NAMES);
        };
    }

    private static AimSynthesizer.Options aimOptions(Map<String, String> options) {
        AimSynthesizer.Options defaults = AimSynthesizer.Options.defaults();
        boolean threeWay = defaults.threeWay();
        long maxCells = defaults.maxModelCells();
        for (Map.Entry<String, String> e : options.entrySet()) {
            switch (e.getKey()) {
                case "workload" -> threeWay = switch (e.getValue()) {
                    case "2-way" -> false;
                    case "3-way" -> true;
                    default -> throw new BadInputException("invalid-model-option", "aim workload must be 2-way or 3-way, got '"
                            + e.getValue() + "'");
                };
                case "max-model-cells" -> {
                    try {
                        maxCells = Long.parseLong(e.getValue());
                    } catch (NumberFormatException ex) {
                        maxCells = -1;
                    }
                    if (maxCells < 1000) {
                        throw new BadInputException("invalid-model-option", "aim max-model-cells must be an integer >= 1000, got '"
                                + e.getValue() + "'");
                    }
                }
                default -> throw new BadInputException("invalid-model-option", "aim options are workload and max-model-cells, got '"
                        + e.getKey() + "'");
            }
        }
        return new AimSynthesizer.Options(threeWay, maxCells, defaults.roundIterations(), defaults.finalIterations());
    }
}
