package io.synthline.stack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of {@code dataDir/stack.json}: which pid serves which component on which ports. It is
 * a hint, never the truth: pids can be stale or reused, so every entry is verified against the live
 * process's command line before it is trusted.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StackState(int version, String dataDir, Map<String, Entry> components) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(long pid, Map<String, Integer> ports, String startedAt, String logFile) {
        static Entry of(long pid, Map<String, Integer> ports, Path logFile) {
            return new Entry(pid, new TreeMap<>(ports), Instant.now().toString(), logFile.toString());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    StackState {
        components = components == null ? new TreeMap<>() : new TreeMap<>(components);
    }

    static StackState empty(Path dataDir) {
        return new StackState(1, dataDir.toString(), new TreeMap<>());
    }

    /** A missing or unreadable file is an empty state: down() must still work after a crash mid-write. */
    static StackState read(Path file, Path dataDir) {
        if (!Files.isRegularFile(file)) {
            return empty(dataDir);
        }
        try {
            return JSON.readValue(file.toFile(), StackState.class);
        } catch (IOException e) {
            return empty(dataDir);
        }
    }

    Entry entry(Component c) {
        return components.get(c.id());
    }

    StackState with(Component c, Entry entry) {
        Map<String, Entry> copy = new TreeMap<>(components);
        if (entry == null) {
            copy.remove(c.id());
        } else {
            copy.put(c.id(), entry);
        }
        return new StackState(version, dataDir, copy);
    }

    /** Write-then-rename so a reader never sees half a file. */
    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("Cannot write the stack state file " + file + ": " + e.getMessage(), e);
        }
    }
}
