package io.synthline.profiler.engine.scan;

import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.FrequentLongsSketch;

/**
 * Frequent values of a high-cardinality column, counted on their 64-bit {@link io.synthline.commons.table.ValueHash} with a
 * DataSketches {@link FrequentLongsSketch}, plus a bounded side table from hash to text so the
 * winners can be named. Counting on hashes avoids the items sketch's per-update {@code String}
 * hashing and equality checks; two distinct values share a hash with probability about 2^-64 per
 * pair, far below the sketch's own error.
 *
 * <p>The side table holds the text of every hash the sketch could report. With
 * {@link ErrorType#NO_FALSE_POSITIVES} it reports a tracked hash only when the count it tracks (its
 * lower bound) is at least the maximum error. Only an update can raise a hash's count to that
 * level (a purge lowers every count and raises the error by the same amount), so the text is
 * recorded, from the value at hand, by the update that gets there; most values of a
 * high-cardinality column never do and cost no table work. When the table grows past its limit it
 * drops hashes the sketch no longer tracks.
 */
final class HashedFrequentItems {
    /** One reported value: text, estimate and bounds as the sketch gives them. */
    record Row(String value, long estimate, long lowerBound, long upperBound) {
    }

    private final FrequentLongsSketch sketch;
    private final int limit;
    private long[] hashes;
    /** Text of the hash in the same slot; null marks an empty slot. */
    private String[] texts;
    private int size;

    /** @param maxMapSize the sketch's map size (a power of two): counts are within about 3.5 / maxMapSize of the total */
    HashedFrequentItems(int maxMapSize) {
        this.sketch = new FrequentLongsSketch(maxMapSize);
        // the sketch tracks at most 3/4 of its map size, so pruning to what it tracks at least halves the table
        this.limit = 2 * maxMapSize;
        this.hashes = new long[2 * limit];
        this.texts = new String[2 * limit];
    }

    void update(long hash, CharSequence text) {
        update(hash, text, 1);
    }

    /** {@code text} is copied only when the sketch could report it. */
    void update(long hash, CharSequence text, long count) {
        sketch.update(hash, count);
        if (sketch.getLowerBound(hash) < sketch.getMaximumError()) {
            return;
        }
        int mask = hashes.length - 1;
        int i = slot(hash, mask);
        while (texts[i] != null) {
            if (hashes[i] == hash) {
                return;
            }
            i = (i + 1) & mask;
        }
        hashes[i] = hash;
        texts[i] = text.toString();
        if (++size > limit) {
            prune();
        }
    }

    private static int slot(long hash, int mask) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    /** Keeps only the texts of hashes the sketch still tracks (an untracked hash has estimate 0). */
    private void prune() {
        long[] oldHashes = hashes;
        String[] oldTexts = texts;
        hashes = new long[oldHashes.length];
        texts = new String[oldTexts.length];
        size = 0;
        int mask = hashes.length - 1;
        for (int j = 0; j < oldTexts.length; j++) {
            if (oldTexts[j] != null && sketch.getEstimate(oldHashes[j]) > 0) {
                int i = slot(oldHashes[j], mask);
                while (texts[i] != null) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[j];
                texts[i] = oldTexts[j];
                size++;
            }
        }
    }

    private String text(long hash) {
        int mask = hashes.length - 1;
        for (int i = slot(hash, mask); texts[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == hash) {
                return texts[i];
            }
        }
        throw new IllegalStateException("the sketch reports a value whose text was dropped");
    }

    /** Values with no false positives (their lower bound reaches the sketch's maximum error), unsorted. */
    List<Row> frequentItems() {
        FrequentLongsSketch.Row[] rows = sketch.getFrequentItems(ErrorType.NO_FALSE_POSITIVES);
        List<Row> out = new ArrayList<>(rows.length);
        for (FrequentLongsSketch.Row r : rows) {
            out.add(new Row(text(r.getItem()), r.getEstimate(), r.getLowerBound(), r.getUpperBound()));
        }
        return out;
    }
}
