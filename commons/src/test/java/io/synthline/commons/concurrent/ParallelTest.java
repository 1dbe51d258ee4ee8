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

    /** Tasks by index on an open pool: results in index order; forEach returns once every task's writes are visible. */
    @Test
    void tasksByIndexOnAnOpenPool() {
        for (int threads : new int[] {1, 3}) {
            try (Parallel parallel = Parallel.open(threads, "tasks")) {
                assertThat(parallel.map(50, i -> i * 2)).isEqualTo(IntStream.range(0, 50).map(i -> i * 2).boxed().toList());
                assertThat(parallel.map(0, i -> i)).isEmpty();
                int[] written = new int[1000];
                parallel.forEach(written.length, i -> written[i] = i + 1);
                assertThat(written).as("threads " + threads).isEqualTo(IntStream.rangeClosed(1, 1000).toArray());
            }
        }
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

    /** Results reach the consumer in index order on the calling thread, with no more than the window produced ahead. */
    @Test
    void forEachOrderedStreamsResultsInOrderWithABoundedWindow() throws InterruptedException {
        for (int threads : new int[] {1, 2, 3}) {
            List<Long> seen = new java.util.ArrayList<>();
            java.util.concurrent.atomic.AtomicLong produced = new java.util.concurrent.atomic.AtomicLong();
            long[] maxAhead = new long[1];
            Thread caller = Thread.currentThread();
            try (Parallel parallel = Parallel.open(threads, "ordered")) {
                parallel.forEachOrdered(50, 4, i -> {
                    produced.incrementAndGet();
                    return i * 10;
                }, r -> {
                    assertThat(Thread.currentThread()).isSameAs(caller);
                    maxAhead[0] = Math.max(maxAhead[0], produced.get() - seen.size());
                    seen.add(r);
                });
            }
            assertThat(seen).as("threads " + threads).isEqualTo(IntStream.range(0, 50).mapToObj(i -> i * 10L).toList());
            assertThat(maxAhead[0]).as("threads " + threads).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void forEachOrderedStopsOnAFailingTaskOrConsumer() {
        try (Parallel parallel = Parallel.open(2, "ordered")) {
            assertThatThrownBy(() -> parallel.forEachOrdered(100, 4, i -> {
                if (i == 30) {
                    throw new IllegalStateException("task 30");
                }
                return i;
            }, r -> { })).isInstanceOf(IllegalStateException.class).hasMessage("task 30");
            List<Long> seen = new java.util.ArrayList<>();
            assertThatThrownBy(() -> parallel.forEachOrdered(100, 4, i -> i, r -> {
                if (r == 10) {
                    throw new IllegalArgumentException("consumer at 10");
                }
                seen.add(r);
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("consumer at 10");
            assertThat(seen).hasSize(10);
        }
    }
}
