package io.synthline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {

    @TempDir
    Path dir;

    @Test
    void roundTrip() {
        Path file = dir.resolve("stack.json");
        StackState s = StackState.empty(dir)
                .with(Component.KAFKA, StackState.Entry.of(42, Map.of("kafka", 1, "kafka_controller", 2), dir.resolve("k.log")));
        s.write(file);
        StackState read = StackState.read(file, dir);
        assertThat(read.entry(Component.KAFKA).pid()).isEqualTo(42);
        assertThat(read.entry(Component.KAFKA).ports()).containsEntry("kafka_controller", 2);
        assertThat(read.entry(Component.POSTGRES)).isNull();
        assertThat(read.with(Component.KAFKA, null).components()).isEmpty();
    }

    @Test
    void missingOrCorruptFileIsEmpty() throws Exception {
        assertThat(StackState.read(dir.resolve("nope.json"), dir).components()).isEmpty();
        Path corrupt = dir.resolve("stack.json");
        Files.writeString(corrupt, "{\"components\": {\"kafka\": ");
        assertThat(StackState.read(corrupt, dir).components()).isEmpty();
    }

    /** down() must cope with pids that now belong to someone else: it never touches them. */
    @Test
    void stalePidOfAForeignProcessIsLeftAlone() throws Exception {
        Process foreign = new ProcessBuilder("sleep", "60").start();
        try {
            StackConfig config = StackConfig.forPortBase(31200, dir);
            StackState.empty(dir)
                    .with(Component.POSTGRES, StackState.Entry.of(foreign.pid(), Map.of("postgres", 31632), dir.resolve("p.log")))
                    .with(Component.KAFKA, StackState.Entry.of(Integer.MAX_VALUE - 7, Map.of("kafka", 31292), dir.resolve("k.log")))
                    .write(config.stateFile());
            LocalStack stack = new LocalStack(config, m -> { });
            assertThat(stack.status().noneRunning()).isTrue();
            assertThat(stack.down()).isEmpty();
            assertThat(foreign.isAlive()).isTrue();
            assertThat(StackState.read(config.stateFile(), dir).components()).isEmpty();
        } finally {
            foreign.destroyForcibly();
        }
    }

    @Test
    void statusTable() {
        StackConfig config = StackConfig.forPortBase(25000, dir);
        StackStatus status = new StackStatus(config, List.of(
                new ComponentStatus(Component.POSTGRES, ComponentStatus.State.RUNNING, OptionalLong.of(123), 25432, "pg-endpoint", dir),
                new ComponentStatus(Component.KAFKA, ComponentStatus.State.STOPPED, OptionalLong.empty(), 25092, "127.0.0.1:25092", dir)));
        String table = status.toTable();
        assertThat(table.lines().toList()).hasSize(3);
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("COMPONENT").contains("STATE").contains("PORT").contains("PID").contains("ENDPOINT");
        assertThat(table).contains("postgres   running  25432  123  pg-endpoint");
        assertThat(table).contains("kafka      stopped  25092  -    127.0.0.1:25092");
        assertThat(status.allRunning()).isFalse();
    }

    @Test
    void logTail() throws Exception {
        Path log = dir.resolve("x.log");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            sb.append("line ").append(i).append('\n');
        }
        Files.writeString(log, sb);
        assertThat(Processes.tail(log, 3)).isEqualTo("line 98" + System.lineSeparator() + "line 99" + System.lineSeparator() + "line 100");
        assertThat(Processes.tailSection(dir.resolve("missing.log"))).contains("no output");
    }
}
