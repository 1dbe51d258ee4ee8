package io.synthline.commons.csv;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * How a user says a CSV file is written (upload parameters, CLI flags), in words. Null fields keep the
 * defaults: comma, double quote, UTF-8 (a byte order mark wins), pandas' null tokens, empty cells
 * missing, a header row, duplicate header names rejected.
 */
public record CsvDialect(String delimiter, String quote, String encoding, List<String> nullTokens, Boolean keepEmpty,
        Boolean header, Boolean renameDuplicateHeaders) {

    public CsvOptions toCsvOptions() {
        CsvOptions o = CsvOptions.defaults();
        if (delimiter != null) {
            o = o.withDelimiter(CsvOptions.parseCharacter("delimiter", delimiter));
        }
        if (quote != null) {
            o = o.withQuote(CsvOptions.parseCharacter("quote", quote));
        }
        if (encoding != null) {
            o = o.withCharset(CsvOptions.parseCharset(encoding));
        }
        if (nullTokens != null && !nullTokens.isEmpty()) {
            // repeated parameters and comma-separated lists both work
            LinkedHashSet<String> tokens = new LinkedHashSet<>();
            nullTokens.forEach(t -> {
                for (String part : t.split(",")) {
                    if (!part.isEmpty()) {
                        tokens.add(part);
                    }
                }
            });
            o = o.withNullTokens(tokens);
        }
        if (keepEmpty != null) {
            o = o.withEmptyAsNull(!keepEmpty);
        }
        if (header != null) {
            o = o.withHeader(header);
        }
        if (renameDuplicateHeaders != null) {
            o = o.withRenameDuplicateHeaders(renameDuplicateHeaders);
        }
        return o;
    }

    /** True when a file read with {@code o} reads the same with the defaults, so it can be stored as uploaded. */
    public static boolean isCanonical(CsvOptions o) {
        CsvOptions d = CsvOptions.defaults();
        return o.delimiter() == d.delimiter() && o.quote() == d.quote() && o.charset().equals(d.charset())
                && o.nullTokens().equals(d.nullTokens()) && o.emptyAsNull() == d.emptyAsNull() && o.header()
                && !o.renameDuplicateHeaders();
    }
}
