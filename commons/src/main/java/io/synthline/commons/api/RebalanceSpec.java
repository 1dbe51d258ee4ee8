package io.synthline.commons.api;

import java.util.Map;

/**
 * A target distribution for one (categorical) column; the other columns keep their conditional
 * distribution given it. Give either {@code target} (shares per value, normalised; values not
 * named get no rows) or {@code multiply} (factors on the model's own shares, e.g.
 * {@code {">50K": 10}}; values not named keep factor 1).
 */
public record RebalanceSpec(String column, Map<String, Double> target, Map<String, Double> multiply) {
}
