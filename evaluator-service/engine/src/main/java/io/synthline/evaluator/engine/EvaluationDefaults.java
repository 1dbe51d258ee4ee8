package io.synthline.evaluator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Label, sensitive and quasi-identifier columns for an automatic evaluation, taken from the
 * dataset profile's column tags when it has them ({@code tags} containing {@code label} or
 * {@code target}, {@code sensitive}, {@code quasi-identifier}; or boolean flags of those names),
 * else guessed from column names that conventionally mean them. {@code source} says which.
 */
public record EvaluationDefaults(String label, List<String> sensitive, List<String> quasiIdentifiers, String source) {
    static final Set<String> LABEL_NAMES = Set.of("label", "target", "class", "outcome", "y", "income", "salary",
            "churn", "default", "fraud", "is_fraud", "two_year_recid");
    static final Set<String> SENSITIVE_NAMES = Set.of("sex", "gender", "race", "ethnicity", "religion", "disability");

    public static EvaluationDefaults from(List<String> columns, JsonNode profile) {
        String label = null;
        List<String> sensitive = new ArrayList<>();
        List<String> qis = new ArrayList<>();
        JsonNode cols = profile == null ? null : profile.get("columns");
        if (cols != null && cols.isArray()) {
            for (JsonNode c : cols) {
                String name = c.path("name").asText(null);
                if (name == null || !columns.contains(name)) {
                    continue;
                }
                if (label == null && (tagged(c, "label") || tagged(c, "target"))) {
                    label = name;
                }
                if (tagged(c, "sensitive")) {
                    sensitive.add(name);
                }
                if (tagged(c, "quasi-identifier") || tagged(c, "quasi_identifier") || tagged(c, "quasiIdentifier")) {
                    qis.add(name);
                }
            }
        }
        if (label != null || !sensitive.isEmpty() || !qis.isEmpty()) {
            return new EvaluationDefaults(label, sensitive, qis, "profile tags");
        }
        for (String name : columns) {
            String n = name.toLowerCase(Locale.ROOT);
            if (label == null && LABEL_NAMES.contains(n)) {
                label = name;
            }
            if (SENSITIVE_NAMES.contains(n)) {
                sensitive.add(name);
            }
        }
        return new EvaluationDefaults(label, sensitive, List.of(), "column names");
    }

    private static boolean tagged(JsonNode column, String tag) {
        JsonNode tags = column.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode t : tags) {
                if (tag.equalsIgnoreCase(t.asText())) {
                    return true;
                }
            }
        }
        JsonNode flag = column.get(tag);
        return flag != null && flag.isBoolean() && flag.asBoolean();
    }
}
