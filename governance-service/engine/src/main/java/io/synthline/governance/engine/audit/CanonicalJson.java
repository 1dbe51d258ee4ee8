package io.synthline.governance.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme (RFC 8785): object members sorted by their UTF-16 code units,
 * no insignificant whitespace, strings with the minimal escapes, and non-integral numbers in the
 * ECMAScript {@code Number.prototype.toString} form. One deliberate strengthening: integers are
 * written exactly (RFC 8785 would pass them through IEEE 754 binary64, so two 64-bit seeds could
 * collide); verifiers in other languages must do the same, see the bundle's VERIFY.md.
 *
 * <p>Hashing the canonical form makes an audit entry's hash independent of how a JSON library
 * happens to order members or format numbers.
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    public static byte[] bytes(JsonNode node) {
        return write(node).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            // String.compareTo compares UTF-16 code units, exactly what RFC 8785 section 3.2.3 prescribes.
            names.sort(String::compareTo);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> it = node.elements();
            boolean first = true;
            while (it.hasNext()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(it.next(), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue().toString());
        } else if (node.isBigDecimal()) {
            BigDecimal d = node.decimalValue();
            if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
                out.append(d.toBigInteger().toString());
            } else {
                out.append(number(d.doubleValue()));
            }
        } else if (node.isNumber()) {
            out.append(number(node.doubleValue()));
        } else if (node.isBinary()) {
            throw new IllegalArgumentException("binary JSON values have no canonical form");
        } else {
            throw new IllegalArgumentException("unsupported JSON node " + node.getNodeType());
        }
    }

    /** RFC 8785 section 3.2.2.2: quotation mark, reverse solidus and controls are escaped, nothing else. */
    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * ECMAScript Number::toString (ECMA-262 7.1.12.1) of a binary64 value: the shortest decimal that
     * round-trips, in plain notation for exponents from -6 to 21 and in {@code d.ddde+x} notation
     * otherwise. The digits come from {@link Double#toString}, which since JDK 19 is shortest and
     * closest too, except that it never settles for one digit where two are closer: that case is
     * re-checked here.
     */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("NaN and infinite numbers are not valid JSON");
        }
        if (value == 0) {
            return "0";
        }
        String sign = value < 0 ? "-" : "";
        double abs = Math.abs(value);
        Map.Entry<String, Integer> digits = shortestDigits(abs);
        String d = digits.getKey();
        int n = digits.getValue(); // value = 0.d * 10^n
        int k = d.length();
        StringBuilder sb = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            sb.append(d).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(d, 0, n).append('.').append(d, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(d);
        } else {
            int e = n - 1;
            sb.append(d.charAt(0));
            if (k > 1) {
                sb.append('.').append(d, 1, k);
            }
            sb.append('e').append(e >= 0 ? "+" : "-").append(Math.abs(e));
        }
        return sb.toString();
    }

    /** Significant digits (no leading or trailing zeros) and n such that abs = 0.digits * 10^n. */
    private static Map.Entry<String, Integer> shortestDigits(double abs) {
        BigDecimal exact = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
        String unscaled = exact.unscaledValue().toString();
        int n = unscaled.length() - exact.scale();
        if (unscaled.length() == 2) {
            // Double.toString prefers the closest two-digit decimal; ECMAScript wants one digit if that round-trips.
            BigDecimal one = exact.round(new java.math.MathContext(1, java.math.RoundingMode.HALF_EVEN));
            BigDecimal down = exact.round(new java.math.MathContext(1, java.math.RoundingMode.DOWN));
            BigDecimal up = exact.round(new java.math.MathContext(1, java.math.RoundingMode.UP));
            for (BigDecimal candidate : List.of(one, down, up)) {
                if (candidate.doubleValue() == abs) {
                    BigDecimal c = candidate.stripTrailingZeros();
                    String u = c.unscaledValue().toString();
                    return Map.entry(u, u.length() - c.scale());
                }
            }
        }
        return Map.entry(unscaled, n);
    }
}
