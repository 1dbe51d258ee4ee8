package io.synthline.profiler.engine.scan;

import io.synthline.commons.profile.DistinctCount;
import io.synthline.commons.profile.FrequentItems;
import io.synthline.commons.table.TextDictionary;
import io.synthline.commons.table.ValueHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

/**
 * Distinct values and their frequencies: exact while a column has at most {@code exactLimit}
 * distinct values (every categorical column), then an HLL sketch for the distinct count and a
 * frequent-items sketch on value hashes for the top values, both seeded with the exact counts
 * gathered so far. The HLL result does not depend on input order; the frequent-items sketch's
 * does, but the order is the file's, whatever the thread count.
 *
 * <p>Every value is hashed once ({@link ValueHash}); that hash finds it in the dictionary, is its
 * key for comparing rows, and after the switch feeds the HLL sketch and the frequent items.
 */
final class ValueCounter {
    /** Map size of the frequent-items sketch: counts are within about 3.5 / 2048 of the total. */
    private static final int FREQUENT_MAP_SIZE = 2048;
    static final int OVERFLOW = -2;

    private final int exactLimit;
    private final int hllLgK;
    /** Null once counting is no longer exact and the owner has released it. */
    private TextDictionary dictionary = new TextDictionary();
    private boolean exact = true;
    /** Dictionary code of the value last added, or {@link #OVERFLOW}. */
    int lastCode;
    private HllSketch hll;
    private HashedFrequentItems frequent;
    private long total;

    ValueCounter(int exactLimit, int hllLgK) {
        this.exactLimit = exactLimit;
        this.hllLgK = hllLgK;
    }

    /**
     * Counts the value {@code text} (a view of {@code chars[start..start+length)}); returns its key
     * for row comparison and sets {@link #lastCode}. The text is copied only when the value is new
     * to the dictionary or might be reported as a frequent item.
     */
    long add(char[] chars, int start, int length, CharSequence text) {
        total++;
        long hash = ValueHash.of(chars, start, length);
        if (exact) {
            int code = dictionary.codeOf(hash, chars, start, length);
            if (code >= 0) {
                dictionary.increment(code);
                lastCode = code;
                return hash;
            }
            if (dictionary.size() < exactLimit) {
                lastCode = dictionary.add(hash, chars, start, length);
                return hash;
            }
            overflow();
        }
        hll.update(hash);
        frequent.update(hash, text);
        lastCode = OVERFLOW;
        return hash;
    }

    private void overflow() {
        hll = new HllSketch(hllLgK, TgtHllType.HLL_8); // same estimates as HLL_4, cheaper updates, 4 KB at lgK 12
        frequent = new HashedFrequentItems(FREQUENT_MAP_SIZE);
        for (int code = 0; code < dictionary.size(); code++) {
            hll.update(dictionary.hash(code));
            frequent.update(dictionary.hash(code), dictionary.value(code), dictionary.count(code));
        }
        exact = false;
    }

    /** Whether the dictionary is still held: while exact, and after overflow until {@link #releaseDictionary}. */
    boolean holdsDictionary() {
        return dictionary != null;
    }

    /** Gives the dictionary back once counting is no longer exact: the sketches carry on alone. */
    void releaseDictionary() {
        if (exact) {
            throw new IllegalStateException("an exact counter needs its dictionary");
        }
        dictionary = null;
    }

    /** Distinct values in the dictionary (all of them while exact). */
    int dictionarySize() {
        return dictionary.size();
    }

    /** The dictionary value {@code code}'s text. */
    String value(int code) {
        return dictionary.value(code);
    }

    /** How often the dictionary value {@code code} was counted. */
    long count(int code) {
        return dictionary.count(code);
    }

    boolean isExact() {
        return exact;
    }

    /** Exact dictionary (value to code order) while exact; null after overflow. */
    List<String> dictionary() {
        if (!exact) {
            return null;
        }
        String[] values = new String[dictionary.size()];
        for (int code = 0; code < values.length; code++) {
            values[code] = dictionary.value(code);
        }
        return List.of(values);
    }

    Map<String, Long> exactCounts() {
        if (!exact) {
            return null;
        }
        Map<String, Long> out = new HashMap<>();
        for (int code = 0; code < dictionary.size(); code++) {
            out.put(dictionary.value(code), dictionary.count(code));
        }
        return out;
    }

    DistinctCount distinct() {
        if (exact) {
            return DistinctCount.exact(dictionary.size());
        }
        long estimate = Math.round(hll.getEstimate());
        long lower = (long) Math.floor(hll.getLowerBound(2));
        long upper = (long) Math.ceil(hll.getUpperBound(2));
        // a sketch never knows less than what was seen exactly before it took over
        lower = Math.max(lower, exactLimit);
        estimate = Math.max(estimate, lower);
        upper = Math.min(Math.max(upper, estimate), total);
        estimate = Math.min(estimate, upper);
        return new DistinctCount(estimate, Math.min(lower, estimate), upper, false);
    }

    FrequentItems frequent(int top) {
        List<FrequentItems.Item> items = new ArrayList<>();
        long covered = 0;
        if (exact) {
            List<Integer> codes = new ArrayList<>(dictionary.size());
            for (int code = 0; code < dictionary.size(); code++) {
                codes.add(code);
            }
            codes.sort(Comparator.<Integer>comparingLong(c -> -dictionary.count(c)).thenComparing(dictionary::value));
            for (int code : codes.subList(0, Math.min(top, codes.size()))) {
                long c = dictionary.count(code);
                items.add(new FrequentItems.Item(dictionary.value(code), c, c, c, total == 0 ? 0 : (double) c / total));
                covered += c;
            }
            return new FrequentItems(items, total - covered, true);
        }
        List<HashedFrequentItems.Row> rows = new ArrayList<>(frequent.frequentItems());
        rows.sort(Comparator.comparingLong((HashedFrequentItems.Row r) -> -r.estimate()).thenComparing(HashedFrequentItems.Row::value));
        for (HashedFrequentItems.Row r : rows.subList(0, Math.min(top, rows.size()))) {
            long estimate = Math.min(r.estimate(), total);
            items.add(new FrequentItems.Item(r.value(), estimate, r.lowerBound(), Math.min(r.upperBound(), total),
                    (double) estimate / total));
            covered += estimate;
        }
        return new FrequentItems(items, Math.max(0, total - covered), false);
    }
}
