package io.synthline.generator.engine.relational;

import io.synthline.generator.engine.tree.TreeSynthesizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a relational model learns with.
 *
 * @param model      the single-table model of every table; it must draw columns given others
 *                   ({@link io.synthline.generator.engine.sampling.GivenColumns}): {@code tree}
 * @param options    its options (e.g. {@code minLeaf})
 * @param piiColumns table -> column -> PII kind (empty kind: guess from the name), replaced by fake
 *                   values and never learned, on top of the columns the metadata gives a PII sdtype
 * @param piiLocale  BCP 47 locale of the fake values (default en-US)
 */
public record RelationalSpec(String model, Map<String, String> options, Map<String, Map<String, String>> piiColumns, String piiLocale) {
    public RelationalSpec {
        model = model == null ? TreeSynthesizer.NAME : model;
        options = options == null ? Map.of() : new TreeMap<>(options);
        Map<String, Map<String, String>> pii = new LinkedHashMap<>();
        if (piiColumns != null) {
            piiColumns.forEach((t, cols) -> pii.put(t, cols == null ? Map.of() : new LinkedHashMap<>(cols)));
        }
        piiColumns = pii;
    }

    public static RelationalSpec defaults() {
        return new RelationalSpec(null, null, null, null);
    }

    public RelationalSpec withPii(Map<String, Map<String, String>> pii) {
        return new RelationalSpec(model, options, pii, piiLocale);
    }
}
