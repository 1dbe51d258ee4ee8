package io.synthline.profiler.engine.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A uniform sample of a column's non-missing values (Vitter's algorithm R), seeded, so it repeats exactly. */
final class Reservoir {
    private final String[] slots;
    private final SplittableRandom random;
    private long seen;

    Reservoir(int capacity, long seed) {
        this.slots = new String[capacity];
        this.random = new SplittableRandom(seed);
    }

    void offer(String value) {
        if (seen < slots.length) {
            slots[(int) seen] = value;
        } else {
            long j = random.nextLong(seen + 1);
            if (j < slots.length) {
                slots[(int) j] = value;
            }
        }
        seen++;
    }

    List<String> values() {
        int n = (int) Math.min(seen, slots.length);
        return new ArrayList<>(Arrays.asList(slots).subList(0, n));
    }
}
