package io.synthline.profiler.engine.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A column name split into lower-case words ("dateOfBirth", "DATE_OF_BIRTH" and "date-of-birth"
 * all become [date, of, birth]), so that hints match words, not substrings ("ssn" in "lessons").
 */
public record ColumnName(String raw, List<String> words, String joined) {
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    public static ColumnName of(String raw) {
        String spaced = CAMEL.matcher(raw).replaceAll(" ");
        List<String> words = new ArrayList<>();
        for (String w : spaced.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return new ColumnName(raw, List.copyOf(words), String.join("_", words));
    }

    /** True when the words contain {@code phrase} (words separated by '_') as a contiguous run. */
    public boolean has(String phrase) {
        return ("_" + joined + "_").contains("_" + phrase + "_");
    }

    public boolean hasAny(String... phrases) {
        for (String p : phrases) {
            if (has(p)) {
                return true;
            }
        }
        return false;
    }

    /** True when the joined name (words without separators) equals one of the forms. */
    public boolean isAny(String... forms) {
        String compact = String.join("", words);
        for (String f : forms) {
            if (compact.equals(f.replace("_", ""))) {
                return true;
            }
        }
        return false;
    }
}
