package io.synthline.stack;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One or more ports the stack needs are held by processes that are not this stack's servers.
 * Thrown before anything is started, so nothing needs cleaning up.
 */
public class PortConflictException extends StackException {

    /** A port that is taken, and the component that wanted it. */
    public record Conflict(StackPort port, int number) {
        String describe() {
            return "port " + number + " (" + port.description() + ") is already in use by another process;"
                    + " free it or choose another port with env " + port.envVar() + "=<port> or option "
                    + port.option() + " <port>" + EphemeralPorts.hint(number);
        }
    }

    private final List<Conflict> conflicts;

    public PortConflictException(List<Conflict> conflicts) {
        super(message(conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    private static String message(List<Conflict> conflicts) {
        // One line on purpose: the CLI prints it as-is and exits 2.
        return "Cannot start the local stack: " + conflicts.stream().map(Conflict::describe).collect(Collectors.joining("; "));
    }
}
