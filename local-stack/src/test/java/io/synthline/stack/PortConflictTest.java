package io.synthline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port checks run before anything is prepared or started, so these tests need no servers. */
class PortConflictTest {

    @TempDir
    Path dir;

    @Test
    void foreignListenerIsReportedWithPortComponentAndKnob() throws Exception {
        try (ServerSocket foreign = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = foreign.getLocalPort();
            StackConfig config = StackConfig.forPortBase(31000, dir).toBuilder().kafkaPort(port).build();
            LocalStack stack = new LocalStack(config, m -> { });

            assertThatThrownBy(stack::up)
                    .isInstanceOf(PortConflictException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("Kafka broker")
                    .hasMessageContaining("SYNTHLINE_KAFKA_PORT")
                    .hasMessageContaining("--kafka-port")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

            assertThat(stack.status().noneRunning()).isTrue();
            assertThat(Files.exists(dir.resolve("postgres"))).as("nothing was prepared").isFalse();
        }
    }

    @Test
    void cliExitsWithTwoAndOneLine() throws Exception {
        try (ServerSocket foreign = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = StackMain.run(new String[] {"up", "--port-base", "31100", "--data-dir", dir.toString(),
                "--pg-port", Integer.toString(foreign.getLocalPort())},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String error = err.toString(StandardCharsets.UTF_8);
            assertThat(rc).isEqualTo(2);
            assertThat(error.strip().lines()).hasSize(1);
            assertThat(error).contains("port " + foreign.getLocalPort()).contains("PostgreSQL").contains("SYNTHLINE_PG_PORT");
        }
    }

    @Test
    void portProbe() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(Probes.portInUse("127.0.0.1", s.getLocalPort())).isTrue();
            // A plain listener is not a PostgreSQL or Kafka server.
            assertThat(Probes.kafkaReady("127.0.0.1", s.getLocalPort())).isFalse();
        }
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = s.getLocalPort();
        }
        assertThat(Probes.portInUse("127.0.0.1", free)).isFalse();
        assertThat(Probes.postgresReady("127.0.0.1", free, "synthline")).isFalse();
        assertThat(Probes.httpOk("http://127.0.0.1:" + free + "/")).isFalse();
    }
}
