package io.synthline.stack;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What one server of the stack is doing right now.
 *
 * @param component which server
 * @param state     see {@link State}
 * @param pid       process id when a process of this stack is alive
 * @param port      the main port (from the running instance when known, else the configured one)
 * @param endpoint  how clients reach it
 * @param logFile   where its stdout/stderr go
 */
public record ComponentStatus(Component component, State state, OptionalLong pid, int port, String endpoint, Path logFile) {

    public enum State {
        /** Process alive and answering its protocol. */
        RUNNING,
        /** Process alive but not answering (yet): starting up, shutting down or wedged. */
        UNHEALTHY,
        /** No process of this stack. */
        STOPPED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
