package io.synthline.generator.engine.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers a generating pattern from example values: each value becomes its shape (runs of
 * upper-case letters, lower-case letters and digits with their lengths; everything else
 * literal), and the most common shape wins. A leading digit run that never starts with 0 in the
 * examples keeps that property, so generated numbers look like the real ones.
 */
public final class Shapes {
    private static final int SAMPLE = 20_000;

    private Shapes() {
    }

    public static TextPattern infer(Iterable<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        boolean leadingZero = false;
        int seen = 0;
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                continue;
            }
            if (Character.isDigit(v.charAt(0)) && v.charAt(0) == '0') {
                leadingZero = true;
            }
            counts.merge(shape(v), 1, Integer::sum);
            if (++seen >= SAMPLE) {
                break;
            }
        }
        String best = counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse("[A-Z0-9]{8}");
        if (!leadingZero && best.startsWith("[0-9]{")) {
            int close = best.indexOf('}');
            int n = Integer.parseInt(best.substring(6, close));
            best = "[1-9]" + (n > 1 ? "[0-9]{" + (n - 1) + "}" : "") + best.substring(close + 1);
        }
        return TextPattern.compile(best);
    }

    /**
     * The most common shape of the values with each digit position narrowed to the digits seen
     * there, when at least {@code minValues} values have that shape (else {@link #infer}): phone
     * numbers whose area code and exchange never start with 0 or 1, SSNs whose area never starts
     * with 9, keep those rules. Per-position ranges over hundreds of values say nothing about any one.
     */
    public static TextPattern inferWithDigitRanges(List<String> values, int minValues) {
        Map<String, List<String>> byShape = new HashMap<>();
        for (String v : values.subList(0, Math.min(values.size(), SAMPLE))) {
            if (v != null && !v.isEmpty()) {
                byShape.computeIfAbsent(shape(v), k -> new ArrayList<>()).add(v);
            }
        }
        List<String> members = byShape.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElse(List.of());
        if (members.size() < minValues) {
            return infer(values);
        }
        String first = members.getFirst();
        int[] lo = new int[first.length()];
        int[] hi = new int[first.length()];
        java.util.Arrays.fill(lo, 9);
        for (String v : members) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c >= '0' && c <= '9') {
                    lo[i] = Math.min(lo[i], c - '0');
                    hi[i] = Math.max(hi[i], c - '0');
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            String cls = classOf(c);
            sb.append(cls == null ? escape(c) : cls.equals("[0-9]") ? "[" + lo[i] + "-" + hi[i] + "]" : cls);
        }
        return TextPattern.compile(sb.toString());
    }

    /** E.g. "AB-1234" -> "[A-Z]{2}-[0-9]{4}". */
    public static String shape(String value) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            String cls = classOf(c);
            if (cls == null) {
                sb.append(escape(c));
                i++;
                continue;
            }
            int j = i;
            while (j < value.length() && cls.equals(classOf(value.charAt(j)))) {
                j++;
            }
            sb.append(cls).append('{').append(j - i).append('}');
            i = j;
        }
        return sb.toString();
    }

    private static String classOf(char c) {
        if (c >= '0' && c <= '9') {
            return "[0-9]";
        }
        if (c >= 'A' && c <= 'Z') {
            return "[A-Z]";
        }
        if (c >= 'a' && c <= 'z') {
            return "[a-z]";
        }
        return null;
    }

    private static String escape(char c) {
        return "\\.[]{}()*+?^$|".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
    }
}
