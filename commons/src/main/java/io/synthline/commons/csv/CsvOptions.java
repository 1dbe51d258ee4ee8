package io.synthline.commons.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * How to read a delimited file.
 *
 * @param nullTokens    cell texts that mean "missing"; the default is the set pandas'
 *                      {@code read_csv} uses, so our numbers agree with pandas-based tools
 * @param maxFieldChars the longest single field accepted, protecting the heap from hostile files
 * @param maxColumns    the widest header accepted
 */
public record CsvOptions(char delimiter, char quote, Charset charset, Set<String> nullTokens, int maxFieldChars,
        int maxColumns) {

    public static final Set<String> PANDAS_NULL_TOKENS = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND",
            "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a",
            "nan", "null");

    public static final int DEFAULT_MAX_FIELD_CHARS = 16 * 1024 * 1024;
    public static final int DEFAULT_MAX_COLUMNS = 10_000;

    public CsvOptions {
        nullTokens = Set.copyOf(nullTokens);
        if (delimiter == quote) {
            throw new IllegalArgumentException("delimiter and quote must differ");
        }
    }

    public static CsvOptions defaults() {
        return new CsvOptions(',', '"', StandardCharsets.UTF_8, PANDAS_NULL_TOKENS, DEFAULT_MAX_FIELD_CHARS,
                DEFAULT_MAX_COLUMNS);
    }

    public CsvOptions withDelimiter(char d) {
        return new CsvOptions(d, quote, charset, nullTokens, maxFieldChars, maxColumns);
    }

    public CsvOptions withNullTokens(Set<String> tokens) {
        return new CsvOptions(delimiter, quote, charset, tokens, maxFieldChars, maxColumns);
    }

    public CsvOptions withCharset(Charset cs) {
        return new CsvOptions(delimiter, quote, cs, nullTokens, maxFieldChars, maxColumns);
    }

    public CsvOptions withLimits(int maxFieldChars, int maxColumns) {
        return new CsvOptions(delimiter, quote, charset, nullTokens, maxFieldChars, maxColumns);
    }

    public boolean isNull(String cell) {
        return cell == null || nullTokens.contains(cell);
    }
}
