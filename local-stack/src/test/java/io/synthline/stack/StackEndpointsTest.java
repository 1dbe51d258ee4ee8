package io.synthline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.events.Topics;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackEndpointsTest {

    private final StackEndpoints e = StackEndpoints.of(StackConfig.forPortBase(25000, Path.of("/tmp/x")));

    @Test
    void urls() {
        assertThat(e.jdbcUrl("profiler")).isEqualTo("jdbc:postgresql://127.0.0.1:25432/profiler");
        assertThat(e.reactiveUrl("governance")).isEqualTo("postgresql://127.0.0.1:25432/governance");
        assertThat(e.kafkaBootstrapServers()).isEqualTo("127.0.0.1:25092");
        assertThat(e.keycloakUrl()).isEqualTo("http://127.0.0.1:25080");
        assertThat(e.issuerUrl()).isEqualTo("http://127.0.0.1:25080/realms/synthline");
        assertThat(e.tokenUrl()).isEqualTo("http://127.0.0.1:25080/realms/synthline/protocol/openid-connect/token");
        assertThat(e.serviceClientId()).isEqualTo("synthline-services");
        assertThat(e.serviceClientSecret()).isEqualTo("synthline-services-secret");
        assertThat(e.databases()).containsExactly("profiler", "generator", "evaluator", "governance");
    }

    /** The stack creates exactly the topics the services publish to (commons' list is the one contract). */
    @Test
    void topicsAreThePlatformsTopics() {
        assertThat(StackEndpoints.TOPICS).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void demoUsers() {
        assertThat(e.demoUsers()).hasSize(10).contains("acme-owner", "acme-admin", "globex-platform-admin", "globex-auditor");
    }

    @Test
    void unknownDatabaseIsATypo() {
        assertThatThrownBy(() -> e.jdbcUrl("profile")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("profile").hasMessageContaining("profiler");
    }
}
