package io.synthline.commons.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextDictionaryTest {
    @Test
    void countsLikeAHashMapIncludingCollidingHashes() {
        TextDictionary d = new TextDictionary();
        Map<String, Long> expected = new HashMap<>();
        java.util.List<String> firstSeen = new java.util.ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        // these share one hash (see hash below), so only comparing characters tells them apart
        String[] colliding = {"AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB", "AaA", "AaAa\0"};
        for (int i = 0; i < 50_000; i++) {
            String v = random.nextInt(4) == 0 ? colliding[random.nextInt(colliding.length)] : "v" + random.nextInt(3000);
            int code = codeOf(d, v);
            if (code < 0) {
                code = d.add(hash(v), v.toCharArray(), 0, v.length());
            } else {
                d.increment(code);
            }
            assertThat(d.value(code)).isEqualTo(v);
            if (expected.merge(v, 1L, Long::sum) == 1L) {
                firstSeen.add(v);
            }
        }
        assertThat(d.size()).isEqualTo(expected.size());
        for (int code = 0; code < d.size(); code++) {
            assertThat(d.count(code)).as(d.value(code)).isEqualTo(expected.get(d.value(code)));
            assertThat(codeOf(d, d.value(code))).isEqualTo(code);
            assertThat(d.hash(code)).isEqualTo(hash(d.value(code)));
            assertThat(d.value(code)).as("codes follow first appearance").isEqualTo(firstSeen.get(code));
        }
        assertThat(codeOf(d, "absent")).isEqualTo(-1);
        assertThat(codeOf(d, "AaA\0")).as("colliding hash, absent value").isEqualTo(-1);
    }

    /** Looks the value up from the middle of a larger buffer, as cells are. */
    private static int codeOf(TextDictionary d, String v) {
        char[] buffer = ("<<" + v + ">>").toCharArray();
        return d.codeOf(hash(v), buffer, 2, v.length());
    }

    private static long hash(String v) {
        return v.startsWith("Aa") || v.startsWith("BB") ? 42 : ValueHash.of(v);
    }
}
