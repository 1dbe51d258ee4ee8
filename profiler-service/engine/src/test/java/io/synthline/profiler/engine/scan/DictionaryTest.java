package io.synthline.profiler.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DictionaryTest {
    @Test
    void countsLikeAHashMapIncludingCollidingHashes() {
        Dictionary d = new Dictionary();
        Map<String, Long> expected = new HashMap<>();
        java.util.List<String> firstSeen = new java.util.ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        // "Aa" and "BB" share String.hashCode, as do all their concatenations
        String[] colliding = {"AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB"};
        for (int i = 0; i < 50_000; i++) {
            String v = random.nextInt(4) == 0 ? colliding[random.nextInt(colliding.length)] : "v" + random.nextInt(3000);
            int code = d.codeOf(v);
            if (code < 0) {
                code = d.add(v);
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
            assertThat(d.codeOf(d.value(code))).isEqualTo(code);
            assertThat(d.value(code)).as("codes follow first appearance").isEqualTo(firstSeen.get(code));
        }
        assertThat(d.codeOf("absent")).isEqualTo(-1);
    }
}
