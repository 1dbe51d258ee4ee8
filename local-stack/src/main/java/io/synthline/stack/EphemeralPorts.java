package io.synthline.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The kernel's range of ephemeral ports: every outgoing connection takes a local port from it at
 * random, so a server port inside it is free most of the time and "in use" at random moments
 * (seen as Kafka failing to bind on a busy machine). Ports below the range are safe.
 */
public final class EphemeralPorts {
    private static final Path LINUX_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    /** Inclusive bounds. */
    public record Range(int low, int high) {
        public boolean contains(int port) {
            return port >= low && port <= high;
        }
    }

    private EphemeralPorts() {
    }

    /** The range this machine uses, when it can be read (Linux). */
    public static Optional<Range> range() {
        return parse(read());
    }

    static Optional<Range> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Range(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Why {@code port} is a risky choice on this machine, if it is ephemeral here. */
    public static Optional<String> risk(int port) {
        return range().filter(r -> r.contains(port)).map(r -> "port " + port + " lies in this machine's ephemeral port range "
                + r.low() + "-" + r.high() + ", which outgoing connections use at random: choose ports below " + r.low());
    }

    /** {@link #risk} in parentheses, for the end of an error message; empty when there is no risk. */
    public static String hint(int port) {
        return risk(port).map(r -> " (" + r + ")").orElse("");
    }

    private static String read() {
        try {
            return Files.isReadable(LINUX_RANGE) ? Files.readString(LINUX_RANGE) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
