package io.synthline.cli;

import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.api.ConstraintSpec;
import io.synthline.commons.api.RebalanceSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line shorthand for conditions, rebalancing and constraints, turned into the same
 * request blocks the API takes:
 * <pre>
 *   --condition income=&gt;50K        equals
 *   --condition 'race=Black|White'  one of
 *   --condition age=30..40          range (either side may be empty: age=..40)
 *   --rebalance 'income=&gt;50K:0.5,&lt;=50K:0.5'   target shares
 *   --rebalance 'race=Other:x10'    multiply the model's share
 *   --constraint fixed:city,state   --constraint 'ineq:opened&lt;=closed' (or &lt; for strict)
 *   --constraint range:age=18..65   --constraint 'format:account=AC-[0-9]{5}'   --constraint unique:id
 * </pre>
 */
public final class GenerateSyntax {
    private GenerateSyntax() {
    }

    /** A {@code --condition} value: {@code COLUMN=VALUE}, {@code COLUMN=A|B} or {@code COLUMN=MIN..MAX}. */
    public static ConditionSpec condition(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new SynthCommand.UserError("--condition '" + text + "' must look like COLUMN=VALUE, COLUMN=A|B or COLUMN=MIN..MAX");
        }
        String column = text.substring(0, eq).strip();
        String value = text.substring(eq + 1);
        int dots = value.indexOf("..");
        if (dots >= 0 && isNumberOrEmpty(value.substring(0, dots)) && isNumberOrEmpty(value.substring(dots + 2))) {
            String min = value.substring(0, dots).strip();
            String max = value.substring(dots + 2).strip();
            return ConditionSpec.between(column, min.isEmpty() ? null : min, max.isEmpty() ? null : max);
        }
        if (value.contains("|")) {
            return ConditionSpec.oneOf(column, Arrays.asList(value.split("\\|", -1)));
        }
        return ConditionSpec.equalTo(column, value);
    }

    private static boolean isNumberOrEmpty(String s) {
        String t = s.strip();
        return t.isEmpty() || t.matches("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?") || t.matches("\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+)?");
    }

    static RebalanceSpec rebalance(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new SynthCommand.UserError("--rebalance '" + text + "' must look like COLUMN=VALUE:SHARE,... or COLUMN=VALUE:xFACTOR");
        }
        String column = text.substring(0, eq).strip();
        Map<String, Double> shares = new LinkedHashMap<>();
        Map<String, Double> factors = new LinkedHashMap<>();
        for (String part : text.substring(eq + 1).split(",")) {
            int colon = part.lastIndexOf(':');
            if (colon < 0) {
                throw new SynthCommand.UserError("--rebalance: '" + part + "' needs VALUE:SHARE or VALUE:xFACTOR");
            }
            String value = part.substring(0, colon);
            String weight = part.substring(colon + 1).strip();
            try {
                if (weight.startsWith("x")) {
                    factors.put(value, Double.parseDouble(weight.substring(1)));
                } else {
                    shares.put(value, Double.parseDouble(weight));
                }
            } catch (NumberFormatException e) {
                throw new SynthCommand.UserError("--rebalance: '" + weight + "' is not a number");
            }
        }
        if (!shares.isEmpty() && !factors.isEmpty()) {
            throw new SynthCommand.UserError("--rebalance: give shares or xFACTORs, not both");
        }
        return new RebalanceSpec(column, shares.isEmpty() ? null : shares, factors.isEmpty() ? null : factors);
    }

    static ConstraintSpec constraint(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new SynthCommand.UserError("--constraint '" + text + "' must start with fixed:, ineq:, range:, format: or unique:");
        }
        String kind = text.substring(0, colon).strip();
        String body = text.substring(colon + 1);
        return switch (kind) {
            case "fixed" -> new ConstraintSpec.FixedCombinations(columns(body));
            case "unique" -> new ConstraintSpec.Unique(columns(body));
            case "ineq" -> {
                boolean strict = !body.contains("<=");
                String[] sides = body.split(strict ? "<" : "<=", 2);
                if (sides.length != 2) {
                    throw new SynthCommand.UserError("--constraint ineq: needs LOW<=HIGH or LOW<HIGH");
                }
                yield new ConstraintSpec.Inequality(sides[0].strip(), sides[1].strip(), strict);
            }
            case "range" -> {
                ConditionSpec c = condition(body);
                if (c.min() == null && c.max() == null) {
                    throw new SynthCommand.UserError("--constraint range: needs COLUMN=MIN..MAX");
                }
                yield new ConstraintSpec.Range(c.column(), c.min(), c.max());
            }
            case "format" -> {
                int eq = body.indexOf('=');
                if (eq <= 0) {
                    throw new SynthCommand.UserError("--constraint format: needs COLUMN=REGEX");
                }
                yield new ConstraintSpec.Format(body.substring(0, eq).strip(), body.substring(eq + 1));
            }
            default -> throw new SynthCommand.UserError("unknown constraint kind '" + kind + "'; kinds are fixed, ineq, range, format, unique");
        };
    }

    private static List<String> columns(String body) {
        return Arrays.stream(body.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
