package io.synthline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeycloakTokensTest {

    @Test
    void unreachableKeycloakSaysWhatToDo() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = s.getLocalPort();
        }
        assertThatThrownBy(() -> KeycloakTokens.passwordGrant("http://127.0.0.1:" + free + "/realms/synthline", "synthline-cli", "u", "p"))
                .isInstanceOf(KeycloakTokenException.class)
                .hasMessageContaining("not reachable")
                .hasMessageContaining("synth stack up");
    }

    @Test
    void oauthErrorsAreExplained() {
        assertThat(KeycloakTokens.explain("password grant for user 'x'", "u", 401, "invalid_grant", "Invalid user credentials"))
                .contains("wrong username or password").contains("invalid_grant");
        assertThat(KeycloakTokens.explain("client credentials grant", "u", 401, "invalid_client", "Invalid client or Invalid client credentials"))
                .contains("wrong client secret");
        assertThat(KeycloakTokens.explain("client credentials grant", "u", 401, "unauthorized_client", "Invalid client or Invalid client credentials"))
                .contains("wrong client secret");
        assertThat(KeycloakTokens.explain("x", "u", 400, "unauthorized_client", null)).contains("not allowed to use this grant");
        assertThat(KeycloakTokens.explain("x", "u", 404, null, null)).contains("no such realm");
    }

    @Test
    void claimsAreDecoded() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"tenant\":\"acme\",\"realm_access\":{\"roles\":[\"data-owner\"]}}".getBytes(StandardCharsets.UTF_8));
        AccessToken t = new AccessToken("h." + payload + ".s", Instant.now().plusSeconds(30), null, "");
        assertThat(t.tenant()).isEqualTo("acme");
        assertThat(t.realmRoles()).containsExactly("data-owner");
        assertThat(t.expiresWithin(Duration.ofMinutes(1))).isTrue();
        assertThat(t.toString()).doesNotContain(payload);
    }
}
