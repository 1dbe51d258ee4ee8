package io.synthline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    private static final Path HOME = Path.of("/home/dev");

    @Test
    void defaultsWithoutEnvironment() {
        StackConfig c = StackConfig.fromEnvironment(Map.of(), HOME);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.postgresPort()).isEqualTo(15432);
        assertThat(c.kafkaPort()).isEqualTo(19092);
        assertThat(c.kafkaControllerPort()).isEqualTo(19093);
        assertThat(c.keycloakPort()).isEqualTo(18080);
        assertThat(c.keycloakManagementPort()).isEqualTo(18081);
        assertThat(c.dataDir()).isEqualTo(HOME.resolve(".synthline/stack"));
        assertThat(c.cacheDir()).isEqualTo(HOME.resolve(".synthline/cache"));
        assertThat(c.stateFile()).isEqualTo(HOME.resolve(".synthline/stack/stack.json"));
        assertThat(c.logFile(Component.KAFKA)).isEqualTo(HOME.resolve(".synthline/stack/logs/kafka.log"));
    }

    @Test
    void everyPortAndDirIsOverridableByEnv() {
        StackConfig c = StackConfig.fromEnvironment(Map.of(
                "SYNTHLINE_PG_PORT", "5433",
                "SYNTHLINE_KAFKA_PORT", " 9092 ",
                "SYNTHLINE_KAFKA_CONTROLLER_PORT", "9093",
                "SYNTHLINE_KEYCLOAK_PORT", "8180",
                "SYNTHLINE_STACK_DIR", "/srv/stack",
                "SYNTHLINE_CACHE_DIR", "/srv/cache"), HOME);
        assertThat(c.postgresPort()).isEqualTo(5433);
        assertThat(c.kafkaPort()).isEqualTo(9092);
        assertThat(c.kafkaControllerPort()).isEqualTo(9093);
        assertThat(c.keycloakPort()).isEqualTo(8180);
        assertThat(c.keycloakManagementPort()).as("follows the moved Keycloak port").isEqualTo(8181);
        assertThat(c.dataDir()).isEqualTo(Path.of("/srv/stack"));
        assertThat(c.cacheDir()).isEqualTo(Path.of("/srv/cache"));
    }

    @Test
    void explicitManagementPortWins() {
        StackConfig c = StackConfig.fromEnvironment(Map.of(
                "SYNTHLINE_KEYCLOAK_PORT", "8180", "SYNTHLINE_KEYCLOAK_MANAGEMENT_PORT", "9990"), HOME);
        assertThat(c.keycloakManagementPort()).isEqualTo(9990);
    }

    @Test
    void invalidEnvPortNamesTheVariable() {
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of("SYNTHLINE_KAFKA_PORT", "kafka"), HOME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SYNTHLINE_KAFKA_PORT")
                .hasMessageContaining("'kafka'");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of("SYNTHLINE_PG_PORT", "70000"), HOME))
                .hasMessageContaining("SYNTHLINE_PG_PORT");
    }

    @Test
    void portBaseLayout() {
        StackConfig c = StackConfig.forPortBase(25000, Path.of("/tmp/it"));
        assertThat(c.postgresPort()).isEqualTo(25432);
        assertThat(c.kafkaPort()).isEqualTo(25092);
        assertThat(c.kafkaControllerPort()).isEqualTo(25093);
        assertThat(c.keycloakPort()).isEqualTo(25080);
        assertThat(c.keycloakManagementPort()).isEqualTo(25081);
        assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/it"));
        assertThat(c.ports(Component.KAFKA)).containsExactly(StackPort.KAFKA, StackPort.KAFKA_CONTROLLER);
    }

    @Test
    void portBaseOutOfRange() {
        assertThatThrownBy(() -> StackConfig.forPortBase(80, Path.of("/tmp/x"))).hasMessageContaining("port base");
        assertThatThrownBy(() -> StackConfig.forPortBase(65300, Path.of("/tmp/x"))).hasMessageContaining("port base");
    }

    @Test
    void duplicatePortsAreRejected() {
        StackConfig base = StackConfig.fromEnvironment(Map.of(), HOME);
        assertThatThrownBy(() -> base.toBuilder().kafkaPort(15432).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15432")
                .hasMessageContaining("PostgreSQL")
                .hasMessageContaining("Kafka broker");
    }

    @Test
    void onlyLoopback() {
        assertThatThrownBy(() -> new StackConfig("0.0.0.0", 1, 2, 3, 4, 5, 6, Path.of("/a"), Path.of("/b")))
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void relativeDirsBecomeAbsolute() {
        StackConfig c = StackConfig.forPortBase(30000, Path.of("target/../x"));
        assertThat(c.dataDir().isAbsolute()).isTrue();
        assertThat(c.dataDir().getFileName().toString()).isEqualTo("x");
        assertThat(c.dataDir().toString()).doesNotContain("..");
    }

    @Test
    void builderCopiesAndValidates() {
        StackConfig c = StackConfig.fromEnvironment(Map.of(), HOME).toBuilder()
                .postgresPort(1).dataDir(Path.of("/d")).build();
        assertThat(c.postgresPort()).isEqualTo(1);
        assertThat(c.kafkaPort()).isEqualTo(19092);
        assertThatThrownBy(() -> c.toBuilder().keycloakPort(0).build()).hasMessageContaining("SYNTHLINE_KEYCLOAK_PORT");
    }
}
