package io.synthline.governance.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a condition holds (asynchronous consumers), failing with what was last seen. */
public final class Eventually {
    private Eventually() {
    }

    public static <T> T await(String what, Duration patience, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + patience.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + patience.toSeconds() + " s; last seen: " + last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
