package io.synthline.commons.relational;

import io.synthline.commons.api.BadInputException;

/** Converts strftime patterns (SDV's {@code datetime_format}, e.g. {@code %Y-%m-%d}) to {@link java.time.format.DateTimeFormatter} patterns and back. */
public final class Strftime {
    private static final String[][] DIRECTIVES = {
            {"Y", "uuuu"}, {"y", "uu"}, {"m", "MM"}, {"d", "dd"}, {"H", "HH"}, {"I", "hh"}, {"M", "mm"}, {"S", "ss"},
            {"f", "SSSSSS"}, {"p", "a"}, {"b", "MMM"}, {"B", "MMMM"}, {"a", "EEE"}, {"A", "EEEE"}, {"j", "DDD"}, {"z", "xx"}};

    private Strftime() {
    }

    public static String toJava(String strftime) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < strftime.length(); i++) {
            char ch = strftime.charAt(i);
            if (ch != '%') {
                literal.append(ch);
                continue;
            }
            if (i + 1 >= strftime.length()) {
                throw new BadInputException("invalid-metadata", "datetime format '" + strftime + "' ends with a lone '%'");
            }
            String d = String.valueOf(strftime.charAt(++i));
            if (d.equals("%")) {
                literal.append('%');
                continue;
            }
            String java = null;
            for (String[] pair : DIRECTIVES) {
                if (pair[0].equals(d)) {
                    java = pair[1];
                }
            }
            if (java == null) {
                throw new BadInputException("invalid-metadata", "datetime format '" + strftime + "' uses %" + d
                        + ", which is not supported; supported: %Y %y %m %d %H %I %M %S %f %p %b %B %a %A %j %z");
            }
            flush(literal, out);
            out.append(java);
        }
        flush(literal, out);
        return out.toString();
    }

    /** The strftime form of a pattern made by {@link #toJava} or by type inference (letters it does not know are kept as literals). */
    public static String fromJava(String pattern) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char ch = pattern.charAt(i);
            if (ch == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                end = end < 0 ? pattern.length() : end;
                out.append(pattern, i + 1, end);
                i = end + 1;
                continue;
            }
            int j = i;
            while (j < pattern.length() && pattern.charAt(j) == ch) {
                j++;
            }
            String run = pattern.substring(i, j);
            String directive = null;
            for (String[] pair : DIRECTIVES) {
                if (pair[1].equals(run) || (pair[1].equals("uuuu") && run.equals("yyyy")) || (pair[0].equals("d") && run.equals("d"))
                        || (pair[0].equals("m") && run.equals("M")) || (pair[0].equals("H") && run.equals("H"))
                        || (pair[0].equals("f") && run.equals("SSS"))) {
                    directive = pair[0];
                    break;
                }
            }
            out.append(directive != null ? "%" + directive : run.replace("%", "%%"));
            i = j;
        }
        return out.toString();
    }

    private static void flush(StringBuilder literal, StringBuilder out) {
        if (literal.isEmpty()) {
            return;
        }
        boolean plain = literal.chars().noneMatch(Character::isLetter) && literal.indexOf("'") < 0;
        out.append(plain ? literal : "'" + literal.toString().replace("'", "''") + "'");
        literal.setLength(0);
    }
}
