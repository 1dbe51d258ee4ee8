package io.synthline.commons.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ValueHashTest {
    /** Sequential ids, near-identical timestamps and every length around the 4-character block size. */
    @Test
    void noCollisionsAmongSimilarValues() {
        Set<Long> seen = new HashSet<>();
        int values = 0;
        for (int i = 0; i < 500_000; i++) {
            seen.add(ValueHash.of(Integer.toString(i)));
            seen.add(ValueHash.of(String.format("2020-01-01 %02d:%02d:%02d", i / 3600 % 24, i / 60 % 60, i % 60) + i / 86_400));
            values += 2;
        }
        StringBuilder b = new StringBuilder();
        for (int len = 0; len < 40; len++) {
            seen.add(ValueHash.of(b.toString()));
            seen.add(ValueHash.of(b + "\0"));
            values += 2;
            b.append('a');
        }
        assertThat(seen).hasSize(values);
    }

    /**
     * A cell in the middle of a batch's buffer (whose last words are read whole and masked) hashes
     * like the same text on its own (whose last characters are read one by one), whatever follows it.
     */
    @Test
    void theHashDependsOnTheCellOnlyNotOnWhatFollowsIt() {
        SplittableRandom random = new SplittableRandom(9);
        for (int t = 0; t < 20_000; t++) {
            char[] text = new char[random.nextInt(41)];
            for (int i = 0; i < text.length; i++) {
                text[i] = (char) random.nextInt(0x3000);
            }
            char[] buffer = new char[text.length + 20];
            for (int i = 0; i < buffer.length; i++) {
                buffer[i] = (char) random.nextInt(0x10000);
            }
            int at = random.nextInt(11);
            System.arraycopy(text, 0, buffer, at, text.length);
            assertThat(ValueHash.of(buffer, at, text.length)).as("length %d at %d", text.length, at)
                    .isEqualTo(ValueHash.of(new String(text)));
        }
    }

    /** Flipping one input bit flips each output bit with probability 1/2 (0.48 to 0.52 over 20,000 trials: over 5 standard deviations). */
    @Test
    void everyOutputBitDependsOnEveryCharacter() {
        SplittableRandom random = new SplittableRandom(5);
        int trials = 20_000;
        long[] flips = new long[64];
        for (int t = 0; t < trials; t++) {
            char[] text = new char[1 + random.nextInt(24)];
            for (int i = 0; i < text.length; i++) {
                text[i] = (char) (' ' + random.nextInt(95));
            }
            long before = ValueHash.of(new String(text));
            int at = random.nextInt(text.length);
            text[at] ^= (char) (1 << random.nextInt(7));
            long diff = before ^ ValueHash.of(new String(text));
            for (int bit = 0; bit < 64; bit++) {
                flips[bit] += diff >>> bit & 1;
            }
        }
        for (int bit = 0; bit < 64; bit++) {
            assertThat((double) flips[bit] / trials).as("bit " + bit).isBetween(0.48, 0.52);
        }
    }
}
