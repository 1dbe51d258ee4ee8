package io.synthline.generator.engine.format;

import io.synthline.commons.api.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A regular expression used to generate text, not to match it: literals, character classes
 * ({@code [a-z0-9]}, {@code [^...]}, {@code .}), escapes {@code \d \w \s} (and their negations),
 * groups with alternation, and the quantifiers {@code ? * + {n} {n,} {n,m}} (open repetitions
 * are capped at 8 more). Besides random strings it enumerates its language: {@link #decode}
 * maps an index in [0, {@link #size()}) to a string, a bijection whenever the expression is
 * unambiguous (every string has one derivation), which is how unique keys are made without
 * remembering the ones already issued.
 */
public final class TextPattern {
    /** Sizes saturate here: "more strings than any output will ever need". */
    public static final long HUGE = 1L << 62;
    private static final int OPEN_REPEAT = 8;
    private static final char[] PRINTABLE = range(' ', '~');

    private final String source;
    private final Node root;

    private TextPattern(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    public static TextPattern compile(String regex) {
        if (regex == null || regex.isEmpty()) {
            throw new BadInputException("invalid-format", "a format needs a non-empty regular expression");
        }
        Parser p = new Parser(regex);
        Node node = p.alternation();
        if (p.pos != regex.length()) {
            throw p.error("unexpected '" + regex.charAt(p.pos) + "'");
        }
        return new TextPattern(regex, node);
    }

    public String source() {
        return source;
    }

    /** Number of strings the expression can produce (counting derivations), saturated at {@link #HUGE}. */
    public long size() {
        return root.size();
    }

    public String random(RandomGenerator random) {
        StringBuilder sb = new StringBuilder();
        root.random(random, sb);
        return sb.toString();
    }

    public String decode(long index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("index outside the pattern's language");
        }
        StringBuilder sb = new StringBuilder();
        root.decode(index, sb);
        return sb.toString();
    }

    public boolean matches(String text) {
        return java.util.regex.Pattern.compile(javaRegex()).matcher(text).matches();
    }

    /** The expression for java.util.regex (our dialect is a subset, except for the anchors we drop). */
    public String javaRegex() {
        String s = source;
        if (s.startsWith("^")) {
            s = s.substring(1);
        }
        if (s.endsWith("$") && !s.endsWith("\\$")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    static long mul(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a >= HUGE / b ? HUGE : a * b;
    }

    static long add(long a, long b) {
        return a >= HUGE - b ? HUGE : a + b;
    }

    private sealed interface Node permits Chars, Literal, Sequence, Alternation, Repeat {
        long size();

        void random(RandomGenerator random, StringBuilder out);

        void decode(long index, StringBuilder out);
    }

    private record Chars(char[] chars) implements Node {
        public long size() {
            return chars.length;
        }

        public void random(RandomGenerator random, StringBuilder out) {
            out.append(chars[random.nextInt(chars.length)]);
        }

        public void decode(long index, StringBuilder out) {
            out.append(chars[(int) index]);
        }
    }

    private record Literal(String text) implements Node {
        public long size() {
            return 1;
        }

        public void random(RandomGenerator random, StringBuilder out) {
            out.append(text);
        }

        public void decode(long index, StringBuilder out) {
            out.append(text);
        }
    }

    private record Sequence(List<Node> parts, long size) implements Node {
        static Sequence of(List<Node> parts) {
            long s = 1;
            for (Node n : parts) {
                s = mul(s, n.size());
            }
            return new Sequence(List.copyOf(parts), s);
        }

        public void random(RandomGenerator random, StringBuilder out) {
            for (Node n : parts) {
                n.random(random, out);
            }
        }

        /** Mixed radix, the last part varying fastest; a saturated part takes all that is left. */
        public void decode(long index, StringBuilder out) {
            long[] digits = new long[parts.size()];
            long rest = index;
            for (int i = parts.size() - 1; i >= 0; i--) {
                long radix = parts.get(i).size();
                if (radix >= HUGE) {
                    digits[i] = rest;
                    rest = 0;
                } else {
                    digits[i] = rest % radix;
                    rest /= radix;
                }
            }
            for (int i = 0; i < parts.size(); i++) {
                parts.get(i).decode(digits[i], out);
            }
        }
    }

    private record Alternation(List<Node> options, long size) implements Node {
        static Alternation of(List<Node> options) {
            long s = 0;
            for (Node n : options) {
                s = add(s, n.size());
            }
            return new Alternation(List.copyOf(options), s);
        }

        public void random(RandomGenerator random, StringBuilder out) {
            options.get(random.nextInt(options.size())).random(random, out);
        }

        public void decode(long index, StringBuilder out) {
            long rest = index;
            for (Node n : options) {
                if (rest < n.size()) {
                    n.decode(rest, out);
                    return;
                }
                rest -= n.size();
            }
            throw new IllegalStateException("index beyond alternation");
        }
    }

    private record Repeat(Node node, int min, int max, long size) implements Node {
        static Repeat of(Node node, int min, int max) {
            long s = 0;
            for (int k = min; k <= max; k++) {
                s = add(s, power(node.size(), k));
            }
            return new Repeat(node, min, max, s);
        }

        static long power(long base, int k) {
            long p = 1;
            for (int i = 0; i < k; i++) {
                p = mul(p, base);
            }
            return p;
        }

        public void random(RandomGenerator random, StringBuilder out) {
            int k = min + random.nextInt(max - min + 1);
            for (int i = 0; i < k; i++) {
                node.random(random, out);
            }
        }

        public void decode(long index, StringBuilder out) {
            long rest = index;
            for (int k = min; k <= max; k++) {
                long count = power(node.size(), k);
                if (rest < count) {
                    List<Node> copies = new ArrayList<>(k);
                    for (int i = 0; i < k; i++) {
                        copies.add(node);
                    }
                    Sequence.of(copies).decode(rest, out);
                    return;
                }
                rest -= count;
            }
            throw new IllegalStateException("index beyond repetition");
        }
    }

    private static char[] range(char from, char to) {
        char[] c = new char[to - from + 1];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) (from + i);
        }
        return c;
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
            if (s.startsWith("^")) {
                pos = 1;
            }
        }

        BadInputException error(String what) {
            return new BadInputException("invalid-format", "format /" + s + "/ at position " + (pos + 1) + ": " + what);
        }

        boolean more() {
            return pos < s.length() && !(pos == s.length() - 1 && s.charAt(pos) == '$' && (pos == 0 || s.charAt(pos - 1) != '\\'));
        }

        Node alternation() {
            List<Node> options = new ArrayList<>();
            options.add(sequence());
            while (more() && s.charAt(pos) == '|') {
                pos++;
                options.add(sequence());
            }
            if (more() && s.charAt(pos) != ')') {
                throw error("unexpected '" + s.charAt(pos) + "'");
            }
            if (!more() && pos == s.length() - 1) {
                pos++; // trailing $ anchor
            }
            return options.size() == 1 ? options.getFirst() : Alternation.of(options);
        }

        Node sequence() {
            List<Node> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            while (more() && s.charAt(pos) != '|' && s.charAt(pos) != ')') {
                Node atom = atom();
                Node quantified = quantifier(atom);
                if (quantified instanceof Literal l) {
                    literal.append(l.text());
                    continue;
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(quantified);
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
            }
            return parts.size() == 1 ? parts.getFirst() : Sequence.of(parts);
        }

        Node atom() {
            char c = s.charAt(pos++);
            switch (c) {
                case '(' -> {
                    if (s.startsWith("?:", pos)) {
                        pos += 2;
                    }
                    Node inner = alternation();
                    if (pos >= s.length() || s.charAt(pos) != ')') {
                        throw error("missing ')'");
                    }
                    pos++;
                    return inner;
                }
                case '[' -> {
                    return charClass();
                }
                case '.' -> {
                    return new Chars(PRINTABLE);
                }
                case '\\' -> {
                    return escape();
                }
                case '*', '+', '?', '{' -> throw error("quantifier '" + c + "' without anything to repeat");
                case ')' -> throw error("unbalanced ')'");
                default -> {
                    return new Literal(String.valueOf(c));
                }
            }
        }

        Node escape() {
            if (pos >= s.length()) {
                throw error("dangling backslash");
            }
            char e = s.charAt(pos++);
            char[] set = escapeSet(e);
            return set != null ? new Chars(set) : new Literal(String.valueOf(e));
        }

        static char[] escapeSet(char e) {
            return switch (e) {
                case 'd' -> range('0', '9');
                case 'w' -> concat(range('A', 'Z'), range('a', 'z'), range('0', '9'), new char[] {'_'});
                case 's' -> new char[] {' '};
                case 'D' -> complement(range('0', '9'));
                case 'W' -> complement(concat(range('A', 'Z'), range('a', 'z'), range('0', '9'), new char[] {'_'}));
                case 'S' -> complement(new char[] {' '});
                default -> null;
            };
        }

        Node charClass() {
            boolean negate = pos < s.length() && s.charAt(pos) == '^';
            if (negate) {
                pos++;
            }
            StringBuilder members = new StringBuilder();
            boolean first = true;
            while (true) {
                if (pos >= s.length()) {
                    throw error("missing ']'");
                }
                char c = s.charAt(pos++);
                if (c == ']' && !first) {
                    break;
                }
                first = false;
                if (c == '\\') {
                    if (pos >= s.length()) {
                        throw error("dangling backslash");
                    }
                    char e = s.charAt(pos++);
                    char[] set = escapeSet(e);
                    if (set != null) {
                        members.append(set);
                        continue;
                    }
                    c = e;
                }
                if (pos + 1 < s.length() && s.charAt(pos) == '-' && s.charAt(pos + 1) != ']') {
                    char to = s.charAt(pos + 1);
                    if (to == '\\' && pos + 2 < s.length()) {
                        to = s.charAt(pos + 2);
                        pos++;
                    }
                    pos += 2;
                    if (to < c) {
                        throw error("range " + c + "-" + to + " is reversed");
                    }
                    for (char x = c; x <= to; x++) {
                        members.append(x);
                    }
                } else {
                    members.append(c);
                }
            }
            char[] set = members.chars().distinct().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                    StringBuilder::append).toString().toCharArray();
            if (negate) {
                set = complement(set);
            }
            if (set.length == 0) {
                throw error("empty character class");
            }
            return new Chars(set);
        }

        Node quantifier(Node atom) {
            if (pos >= s.length()) {
                return atom;
            }
            char c = s.charAt(pos);
            int min;
            int max;
            switch (c) {
                case '?' -> {
                    min = 0;
                    max = 1;
                    pos++;
                }
                case '*' -> {
                    min = 0;
                    max = OPEN_REPEAT;
                    pos++;
                }
                case '+' -> {
                    min = 1;
                    max = 1 + OPEN_REPEAT;
                    pos++;
                }
                case '{' -> {
                    int close = s.indexOf('}', pos);
                    if (close < 0) {
                        throw error("missing '}'");
                    }
                    String body = s.substring(pos + 1, close);
                    try {
                        int comma = body.indexOf(',');
                        if (comma < 0) {
                            min = Integer.parseInt(body.strip());
                            max = min;
                        } else {
                            min = Integer.parseInt(body.substring(0, comma).strip());
                            String hi = body.substring(comma + 1).strip();
                            max = hi.isEmpty() ? min + OPEN_REPEAT : Integer.parseInt(hi);
                        }
                    } catch (NumberFormatException e) {
                        throw error("bad repetition {" + body + "}");
                    }
                    if (min < 0 || max < min || max > 1000) {
                        throw error("repetition {" + body + "} must satisfy 0 <= min <= max <= 1000");
                    }
                    pos = close + 1;
                }
                default -> {
                    return atom;
                }
            }
            if (pos < s.length() && (s.charAt(pos) == '?' || s.charAt(pos) == '+')) {
                pos++; // lazy/possessive modifiers mean nothing when generating
            }
            return Repeat.of(atom, min, max);
        }

        static char[] concat(char[]... sets) {
            StringBuilder sb = new StringBuilder();
            for (char[] s : sets) {
                sb.append(s);
            }
            return sb.toString().toCharArray();
        }

        static char[] complement(char[] set) {
            StringBuilder sb = new StringBuilder();
            String members = new String(set);
            for (char c : PRINTABLE) {
                if (members.indexOf(c) < 0) {
                    sb.append(c);
                }
            }
            return sb.toString().toCharArray();
        }
    }
}
