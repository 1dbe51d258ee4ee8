package io.synthline.service.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.synthline.service.security.CallerSnapshot;
import java.util.function.Supplier;

/**
 * Runs Hibernate Reactive work from a worker thread (blocking REST endpoints, engine jobs) and
 * waits for it. Hibernate Reactive sessions must live on a Vert.x context; this creates one.
 */
public final class BlockingTx {
    private BlockingTx() {
    }

    public static <T> T inTransaction(Supplier<Uni<T>> work) {
        return await(() -> Panache.withTransaction(work));
    }

    public static <T> T inSession(Supplier<Uni<T>> work) {
        return await(() -> Panache.withSession(work));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        // The work runs on a fresh Vert.x context where the request's identity is not visible: carry the caller over.
        CallerSnapshot caller = CallerSnapshot.current().orElse(null);
        try {
            return VertxContextSupport.subscribeAndAwait(() -> {
                CallerSnapshot.bind(caller);
                return work.get();
            });
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
