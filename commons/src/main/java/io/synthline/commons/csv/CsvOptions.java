package io.synthline.commons.csv;

import io.synthline.commons.api.BadInputException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;

/**
 * How to read a delimited file.
 *
 * @param charset       used unless the file starts with a byte order mark, which wins (UTF-8, UTF-16 LE/BE)
 * @param nullTokens    cell texts that mean "missing"; the default is the set pandas' {@code read_csv}
 *                      uses, so our numbers agree with pandas-based tools
 * @param emptyAsNull   whether an empty cell is missing (true) or an empty string (false)
 * @param header        whether the first row names the columns; without one they are named
 *                      {@code column_1}, {@code column_2}, ...
 * @param renameDuplicateHeaders a repeated header name is bad input (false) or renamed the way pandas
 *                      does (true: the second {@code x} becomes {@code x.1}, the third {@code x.2})
 * @param maxFieldChars the longest single field accepted, protecting the heap from hostile files
 * @param maxColumns    the widest row accepted
 */
public record CsvOptions(char delimiter, char quote, Charset charset, Set<String> nullTokens, boolean emptyAsNull,
        boolean header, boolean renameDuplicateHeaders, int maxFieldChars, int maxColumns) {

    /** pandas' default {@code na_values} (the empty string is governed by {@code emptyAsNull}). */
    public static final Set<String> PANDAS_NULL_TOKENS = Set.of("#N/A", "#N/A N/A", "#NA", "-1.#IND",
            "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a",
            "nan", "null");

    public static final int DEFAULT_MAX_FIELD_CHARS = 16 * 1024 * 1024;
    public static final int DEFAULT_MAX_COLUMNS = 10_000;

    public CsvOptions {
        nullTokens = Set.copyOf(nullTokens);
        if (delimiter == quote) {
            throw new BadInputException("invalid-csv-options", "the delimiter and the quote character must differ");
        }
        if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new BadInputException("invalid-csv-options", "the delimiter and quote cannot be line breaks");
        }
        if (maxFieldChars < 1 || maxColumns < 1) {
            throw new BadInputException("invalid-csv-options", "limits must be positive");
        }
    }

    public static CsvOptions defaults() {
        return new CsvOptions(',', '"', StandardCharsets.UTF_8, PANDAS_NULL_TOKENS, true, true, false,
                DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_COLUMNS);
    }

    public CsvOptions withDelimiter(char d) {
        return new CsvOptions(d, quote, charset, nullTokens, emptyAsNull, header, renameDuplicateHeaders, maxFieldChars, maxColumns);
    }

    public CsvOptions withQuote(char q) {
        return new CsvOptions(delimiter, q, charset, nullTokens, emptyAsNull, header, renameDuplicateHeaders, maxFieldChars, maxColumns);
    }

    public CsvOptions withNullTokens(Set<String> tokens) {
        return new CsvOptions(delimiter, quote, charset, tokens, emptyAsNull, header, renameDuplicateHeaders, maxFieldChars, maxColumns);
    }

    public CsvOptions withEmptyAsNull(boolean empty) {
        return new CsvOptions(delimiter, quote, charset, nullTokens, empty, header, renameDuplicateHeaders, maxFieldChars, maxColumns);
    }

    public CsvOptions withHeader(boolean hasHeader) {
        return new CsvOptions(delimiter, quote, charset, nullTokens, emptyAsNull, hasHeader, renameDuplicateHeaders, maxFieldChars, maxColumns);
    }

    public CsvOptions withRenameDuplicateHeaders(boolean rename) {
        return new CsvOptions(delimiter, quote, charset, nullTokens, emptyAsNull, header, rename, maxFieldChars, maxColumns);
    }

    public CsvOptions withCharset(Charset cs) {
        return new CsvOptions(delimiter, quote, cs, nullTokens, emptyAsNull, header, renameDuplicateHeaders, maxFieldChars, maxColumns);
    }

    public CsvOptions withLimits(int maxField, int maxCols) {
        return new CsvOptions(delimiter, quote, charset, nullTokens, emptyAsNull, header, renameDuplicateHeaders, maxField, maxCols);
    }

    public boolean isNull(String cell) {
        if (cell == null) {
            return true;
        }
        if (cell.isEmpty()) {
            return emptyAsNull;
        }
        // cheap length guard first: nearly every real cell is longer than any null token or is a number
        return cell.length() <= 8 && nullTokens.contains(cell);
    }

    /**
     * A delimiter or quote given by a user: one character, an escape such as {@code \t}, or a name
     * ({@code comma}, {@code tab}, {@code semicolon}, {@code pipe}, {@code space}).
     */
    public static char parseCharacter(String what, String text) {
        if (text == null || text.isEmpty()) {
            throw new BadInputException("invalid-csv-options", what + " must not be empty");
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "comma", "," -> ',';
            case "tab", "\\t", "\t" -> '\t';
            case "semicolon", ";" -> ';';
            case "pipe", "|" -> '|';
            case "space", " " -> ' ';
            case "double-quote", "\"" -> '"';
            case "single-quote", "'" -> '\'';
            default -> {
                if (text.length() != 1) {
                    throw new BadInputException("invalid-csv-options", what + " must be one character or one of "
                            + "comma, tab, semicolon, pipe, space; got '" + text + "'");
                }
                yield text.charAt(0);
            }
        };
    }

    public static Charset parseCharset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BadInputException("invalid-csv-options", "unknown character encoding '" + name + "'");
        }
    }
}
