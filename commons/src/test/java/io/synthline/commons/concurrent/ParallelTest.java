package io.synthline.commons.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 100).boxed().toList();

    @Test
    void resultsComeInItemOrderWhateverTheThreadsAndChunks() {
        List<Integer> squares = ITEMS.stream().map(i -> i * i).toList();
        for (int threads : new int[] {1, 2, 3, 8}) {
            for (int chunks : new int[] {1, 7, 100, 1000}) {
                assertThat(Parallel.map(ITEMS, threads, chunks, "test", i -> i * i)).as(threads + "/" + chunks)
                        .isEqualTo(squares);
            }
        }
        assertThat(Parallel.map(5, 2, "test", i -> "t" + i)).containsExactly("t0", "t1", "t2", "t3", "t4");
        assertThat(Parallel.map(List.<Integer>of(), 2, 4, "test", i -> i)).isEmpty();
    }

    /** One pool serves several maps in a row, on its own named threads, and no more of them than asked for. */
    @Test
    void aPoolIsReusedAcrossMaps() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (Parallel parallel = Parallel.open(2, "reused")) {
            for (int round = 0; round < 5; round++) {
                assertThat(parallel.map(ITEMS, 10, i -> {
                    threads.add(Thread.currentThread().getName());
                    return i + 1;
                })).hasSize(100).startsWith(1, 2, 3).endsWith(100);
            }
        }
        assertThat(threads).isNotEmpty().allMatch(name -> name.equals("reused-0") || name.equals("reused-1"));
    }

    @Test
    void aFailingItemFailsTheMapWithItsOwnException() {
        assertThatThrownBy(() -> Parallel.map(ITEMS, 2, 10, "test", i -> {
            if (i == 57) {
                throw new IllegalArgumentException("item 57");
            }
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 57");
    }
}
