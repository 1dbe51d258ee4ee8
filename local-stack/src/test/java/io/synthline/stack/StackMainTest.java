package io.synthline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackMainTest {

    @TempDir
    Path dir;

    @Test
    void options() {
        StackConfig c = StackMain.parseConfig(List.of("--data-dir", dir.toString(), "--pg-port", "5544", "--keycloak-port=8280"));
        assertThat(c.dataDir()).isEqualTo(dir);
        assertThat(c.postgresPort()).isEqualTo(5544);
        assertThat(c.keycloakPort()).isEqualTo(8280);
        assertThat(c.keycloakManagementPort()).isEqualTo(8281);
    }

    @Test
    void portBaseThenOverride() {
        StackConfig c = StackMain.parseConfig(List.of("--port-base", "27000", "--kafka-port", "27999", "--data-dir", dir.toString()));
        assertThat(c.postgresPort()).isEqualTo(27432);
        assertThat(c.kafkaPort()).isEqualTo(27999);
        assertThat(c.kafkaControllerPort()).isEqualTo(27093);
    }

    @Test
    void storeOptionChoosesTheS3ServerAndItsPortsFollowTheBase() {
        List<String> options = new java.util.ArrayList<>(List.of("--store", "s3", "--port-base", "27000", "--data-dir", dir.toString()));
        assertThat(StackMain.takeStore(options)).isEqualTo("s3");
        StackConfig c = StackMain.parseConfig(options);
        assertThat(c.port(StackPort.S3)).isEqualTo(27096);
        List<String> equalsForm = new java.util.ArrayList<>(List.of("--store=filesystem"));
        assertThat(StackMain.takeStore(equalsForm)).isEqualTo("filesystem");
        assertThat(equalsForm).isEmpty();
        assertThat(StackMain.takeStore(new java.util.ArrayList<>())).isEqualTo("filesystem");
        assertThatThrownBy(() -> StackMain.takeStore(new java.util.ArrayList<>(List.of("--store", "ftp")))).hasMessageContaining("ftp");
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> StackMain.parseConfig(List.of("--pg-port", "x"))).hasMessageContaining("--pg-port");
        assertThatThrownBy(() -> StackMain.parseConfig(List.of("--frobnicate", "1"))).hasMessageContaining("--frobnicate");
        assertThatThrownBy(() -> StackMain.parseConfig(List.of("--pg-port"))).hasMessageContaining("needs a value");
        assertThat(run("explode")).isEqualTo(2);
        assertThat(run("up", "--kafka-port", "-3")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(run("--help")).isZero();
    }

    @Test
    void statusOfAnEmptyDataDir() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = StackMain.run(new String[] {"status", "--port-base", "31300", "--data-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(rc).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("postgres").contains("stopped").contains("31732");
    }

    private static int run(String... args) {
        return StackMain.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
