package io.synthline.generator.engine;

import io.synthline.commons.api.ConstraintSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that decides what a model learns (as opposed to how it is sampled): the method,
 * its options, the constraints and the PII columns. Part of a stored model's manifest.
 *
 * @param piiColumns column name to PII kind (null kind = guess from the name)
 * @param piiLocale  BCP 47 locale of generated PII (default en-US)
 */
public record ModelSpec(String model, Map<String, String> options, List<ConstraintSpec> constraints,
        Map<String, String> piiColumns, String piiLocale) {
    public ModelSpec {
        model = model == null ? Synthesizers.DEFAULT : model;
        options = options == null ? Map.of() : new TreeMap<>(options);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        piiColumns = piiColumns == null ? Map.of() : new TreeMap<>(piiColumns);
    }

    public static ModelSpec of(String model) {
        return new ModelSpec(model, null, null, null, null);
    }
}
