package io.synthline.profiler.engine.scan;

import io.synthline.commons.profile.DistinctCount;
import io.synthline.commons.profile.FrequentItems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.FrequentItemsSketch;
import org.apache.datasketches.hll.HllSketch;

/**
 * Distinct values and their frequencies: exact while a column has at most {@code exactLimit}
 * distinct values (every categorical column), then an HLL sketch for the distinct count and a
 * frequent-items sketch for the top values, both seeded with the exact counts gathered so far.
 * The HLL result does not depend on input order; the frequent-items sketch's does, but the order is
 * the file's, whatever the thread count.
 */
final class ValueCounter {
    /** Map size of the frequent-items sketch: counts are within about 3.5 / 2048 of the total. */
    private static final int FREQUENT_MAP_SIZE = 2048;
    static final int OVERFLOW = -2;

    static final class Entry {
        long count;
        final int code;

        Entry(int code) {
            this.code = code;
        }
    }

    private final int exactLimit;
    private final int hllLgK;
    private Map<String, Entry> exact = new HashMap<>();
    private HllSketch hll;
    private FrequentItemsSketch<String> frequent;
    private long total;

    ValueCounter(int exactLimit, int hllLgK) {
        this.exactLimit = exactLimit;
        this.hllLgK = hllLgK;
    }

    /** Counts one value; returns its dictionary code while exact, else {@link #OVERFLOW}. */
    int add(String value, long hash) {
        total++;
        if (exact != null) {
            Entry e = exact.get(value);
            if (e == null) {
                if (exact.size() >= exactLimit) {
                    overflow();
                    return addToSketches(value, hash);
                }
                e = new Entry(exact.size());
                exact.put(value, e);
            }
            e.count++;
            return e.code;
        }
        return addToSketches(value, hash);
    }

    private int addToSketches(String value, long hash) {
        hll.update(hash);
        frequent.update(value);
        return OVERFLOW;
    }

    private void overflow() {
        hll = new HllSketch(hllLgK);
        frequent = new FrequentItemsSketch<>(FREQUENT_MAP_SIZE);
        for (Map.Entry<String, Entry> e : exact.entrySet()) {
            hll.update(ValueHash.of(e.getKey()));
            frequent.update(e.getKey(), e.getValue().count);
        }
        exact = null;
    }

    boolean isExact() {
        return exact != null;
    }

    /** Exact dictionary (value to code order) while exact; null after overflow. */
    List<String> dictionary() {
        if (exact == null) {
            return null;
        }
        String[] values = new String[exact.size()];
        exact.forEach((v, e) -> values[e.code] = v);
        return List.of(values);
    }

    Map<String, Long> exactCounts() {
        if (exact == null) {
            return null;
        }
        Map<String, Long> out = new HashMap<>();
        exact.forEach((v, e) -> out.put(v, e.count));
        return out;
    }

    DistinctCount distinct() {
        if (exact != null) {
            return DistinctCount.exact(exact.size());
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
        if (exact != null) {
            List<Map.Entry<String, Entry>> entries = new ArrayList<>(exact.entrySet());
            entries.sort(Comparator.<Map.Entry<String, Entry>>comparingLong(e -> -e.getValue().count)
                    .thenComparing(Map.Entry::getKey));
            for (Map.Entry<String, Entry> e : entries.subList(0, Math.min(top, entries.size()))) {
                long c = e.getValue().count;
                items.add(new FrequentItems.Item(e.getKey(), c, c, c, total == 0 ? 0 : (double) c / total));
                covered += c;
            }
            return new FrequentItems(items, total - covered, true);
        }
        List<FrequentItemsSketch.Row<String>> rows = new ArrayList<>(List.of(frequent.getFrequentItems(ErrorType.NO_FALSE_POSITIVES)));
        rows.sort(Comparator.<FrequentItemsSketch.Row<String>>comparingLong(r -> -r.getEstimate())
                .thenComparing(FrequentItemsSketch.Row::getItem));
        for (FrequentItemsSketch.Row<String> r : rows.subList(0, Math.min(top, rows.size()))) {
            long estimate = Math.min(r.getEstimate(), total);
            items.add(new FrequentItems.Item(r.getItem(), estimate, r.getLowerBound(), Math.min(r.getUpperBound(), total),
                    (double) estimate / total));
            covered += estimate;
        }
        return new FrequentItems(items, Math.max(0, total - covered), false);
    }
}
