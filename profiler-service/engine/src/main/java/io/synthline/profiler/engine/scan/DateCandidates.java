package io.synthline.profiler.engine.scan;

import io.synthline.commons.table.DateTimeFormats;
import java.util.ArrayList;
import java.util.List;

/**
 * The datetime patterns a column's values may be written in, each with the statistics of the
 * values read under it (epoch milliseconds). Inferring, the candidates are every known pattern,
 * in preference order, from the first value on, and a pattern leaves as soon as a value does not
 * match it; declared, the one declared pattern.
 */
final class DateCandidates {
    /** The patterns inference tries, compiled once. */
    private static final List<DateTimeFormats.Parser> CANDIDATE_PARSERS =
            DateTimeFormats.CANDIDATES.stream().map(DateTimeFormats::parser).toList();

    record Candidate(DateTimeFormats.Parser parser, NumericStats stats) {
        String pattern() {
            return parser.pattern();
        }
    }

    private final boolean declared;
    private final int kllK;
    private final long seed;
    /** Null while inferring until the first value, and for good when that value could not be a datetime. */
    private List<Candidate> candidates;
    /** What the one candidate left after the last {@link #accept} read; NaN when none or several are left. */
    private double onlyCandidateMillis = Double.NaN;

    private DateCandidates(boolean declared, int kllK, long seed, List<Candidate> candidates) {
        this.declared = declared;
        this.kllK = kllK;
        this.seed = seed;
        this.candidates = candidates;
    }

    static DateCandidates declared(String pattern, int kllK, long seed) {
        return new DateCandidates(true, kllK, seed,
                new ArrayList<>(List.of(new Candidate(DateTimeFormats.parser(pattern), new NumericStats(kllK, seed + 1, false)))));
    }

    static DateCandidates inferred(int kllK, long seed) {
        return new DateCandidates(false, kllK, seed, null);
    }

    /** Whether the text could be a datetime under any known pattern: digit-led, 6 to 35 chars. */
    static boolean plausible(char[] chars, int start, int len) {
        return len >= 6 && len <= 35 && chars[start] >= '0' && chars[start] <= '9';
    }

    /**
     * Reads one present value: declared, under the declared pattern; inferring, narrows the
     * candidates. True when the value is a datetime under some known pattern (when declared, the
     * declared one).
     *
     * @param firstValue whether this is the column's first present value
     */
    boolean accept(char[] chars, int start, int len, boolean firstValue) {
        boolean plausible = plausible(chars, start, len);
        if (declared) {
            Candidate only = candidates.getFirst();
            double t = plausible ? only.parser.parse(chars, start, len) : Double.NaN;
            if (Double.isNaN(t)) {
                return false;
            }
            only.stats.add(t);
            return true;
        }
        if (candidates == null && firstValue && plausible) {
            candidates = new ArrayList<>();
            long s = seed;
            for (DateTimeFormats.Parser p : CANDIDATE_PARSERS) {
                candidates.add(new Candidate(p, new NumericStats(kllK, ++s, false)));
            }
        }
        boolean matched = false;
        onlyCandidateMillis = Double.NaN;
        if (candidates != null && !candidates.isEmpty()) {
            double last = Double.NaN;
            // by index, keeping the matching candidates in order: this runs for every datetime cell, and an iterator
            // object per cell is not always optimised away
            int n = candidates.size();
            int kept = 0;
            for (int i = 0; i < n; i++) {
                Candidate c = candidates.get(i);
                double t = plausible ? c.parser.parse(chars, start, len) : Double.NaN;
                if (!Double.isNaN(t)) {
                    c.stats.add(t);
                    matched = true;
                    last = t;
                    candidates.set(kept++, c);
                }
            }
            if (kept < n) {
                candidates.subList(kept, n).clear();
            }
            if (kept == 1) {
                onlyCandidateMillis = last;
            }
            return matched;
        }
        if (!plausible) {
            return false;
        }
        for (DateTimeFormats.Parser p : CANDIDATE_PARSERS) {
            if (!Double.isNaN(p.parse(chars, start, len))) {
                return true;
            }
        }
        return false;
    }

    /** The epoch milliseconds the one candidate left read from the last value; NaN when none or several are left. */
    double onlyCandidateMillis() {
        return onlyCandidateMillis;
    }

    /** A repeat of a value cached while one candidate was left: that candidate read it as {@code millis}. */
    void addRepeat(double millis) {
        if (candidates != null && !candidates.isEmpty()) {
            candidates.getFirst().stats.add(millis);
        }
    }

    /** The pattern inference would choose: the first candidate left, in preference order; null when none is. */
    String first() {
        return candidates == null || candidates.isEmpty() ? null : candidates.getFirst().pattern();
    }

    /** The statistics of the values read under {@code pattern}, null when it is no candidate. */
    NumericStats stats(String pattern) {
        if (candidates == null) {
            return null;
        }
        return candidates.stream().filter(c -> c.pattern().equals(pattern)).map(Candidate::stats).findFirst().orElse(null);
    }

    void endBatch(long batch, List<SeededKll.Feed> feeds) {
        if (candidates != null) {
            for (Candidate c : candidates) {
                c.stats.endBatch(batch, feeds);
            }
        }
    }
}
