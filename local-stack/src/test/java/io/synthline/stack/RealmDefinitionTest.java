package io.synthline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthline.fixtures.JsonFields;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Static checks of the imported realm; LocalStackIT proves Keycloak accepts it and issues the claims. */
class RealmDefinitionTest {

    private static JsonNode realm;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = RealmDefinitionTest.class.getClassLoader().getResourceAsStream(KeycloakServer.REALM_RESOURCE)) {
            realm = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void realmAndRoles() {
        assertThat(realm.path("realm").asText()).isEqualTo("synthline");
        assertThat(JsonFields.integer(realm, "accessTokenLifespan")).isEqualTo(900);
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertThat(roles).containsExactlyInAnyOrder("platform-admin", "tenant-admin", "data-owner", "data-scientist", "auditor");
    }

    @Test
    void oneUserPerRoleAndTenant() {
        StackEndpoints e = StackEndpoints.of(StackConfig.forPortBase(25000, java.nio.file.Path.of("/tmp/x")));
        for (String username : e.demoUsers()) {
            JsonNode u = user(username);
            assertThat(u).as(username).isNotNull();
            String tenant = username.substring(0, username.indexOf('-'));
            assertThat(u.path("attributes").path("tenant").get(0).asText()).isEqualTo(tenant);
            assertThat(u.path("email").asText()).isEqualTo(username + "@" + tenant + ".example");
            assertThat(JsonFields.bool(u, "emailVerified")).isTrue();
            assertThat(u.path("firstName").asText()).isNotBlank();
            assertThat(u.path("lastName").asText()).isNotBlank();
            assertThat(u.path("requiredActions")).isEmpty();
            assertThat(u.path("credentials").get(0).path("value").asText()).isEqualTo("demo");
        }
        assertThat(user("acme-owner").path("realmRoles").toString()).contains("data-owner");
        assertThat(user("globex-admin").path("realmRoles").toString()).contains("tenant-admin");
        assertThat(user("service-account-synthline-services").path("realmRoles").toString()).contains("platform-admin");
    }

    @Test
    void userProfileDeclaresTenant() throws Exception {
        JsonNode provider = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0);
        JsonNode profile = new ObjectMapper().readTree(provider.path("config").path("kc.user.profile.config").get(0).asText());
        JsonNode tenant = null;
        for (JsonNode a : profile.path("attributes")) {
            if (a.path("name").asText().equals("tenant")) {
                tenant = a;
            }
        }
        assertThat(tenant).as("tenant must be a managed attribute or Keycloak 24+ drops it").isNotNull();
        assertThat(tenant.path("permissions").path("edit").toString()).isEqualTo("[\"admin\"]");
    }

    @Test
    void clients() {
        JsonNode services = client("synthline-services");
        assertThat(JsonFields.bool(services, "publicClient")).isFalse();
        assertThat(JsonFields.bool(services, "serviceAccountsEnabled")).isTrue();
        assertThat(services.path("secret").asText()).isEqualTo("synthline-services-secret");

        JsonNode cli = client("synthline-cli");
        assertThat(JsonFields.bool(cli, "publicClient")).isTrue();
        assertThat(JsonFields.bool(cli, "directAccessGrantsEnabled")).isTrue();
        assertThat(JsonFields.bool(cli, "standardFlowEnabled")).isTrue();
        assertThat(cli.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");

        JsonNode dashboard = client("synthline-dashboard");
        assertThat(JsonFields.bool(dashboard, "publicClient")).isTrue();
        assertThat(JsonFields.bool(dashboard, "directAccessGrantsEnabled")).isFalse();
        assertThat(dashboard.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        // Keycloak only honours a port wildcard as the last character: "http://localhost:*" = any port, any path.
        assertThat(dashboard.path("redirectUris").toString()).isEqualTo("[\"http://127.0.0.1:*\",\"http://localhost:*\"]");
        assertThat(cli.path("redirectUris")).isEqualTo(dashboard.path("redirectUris"));
        assertThat(dashboard.path("webOrigins").get(0).asText()).isEqualTo("+");
        assertThat(dashboard.path("webOrigins").toString()).contains("http://localhost:5173");

        for (String id : List.of("synthline-services", "synthline-cli", "synthline-dashboard")) {
            assertThat(client(id).path("protocolMappers").toString()).contains("oidc-usermodel-attribute-mapper").contains("oidc-audience-mapper");
        }
    }

    private static JsonNode user(String username) {
        for (JsonNode u : realm.path("users")) {
            if (u.path("username").asText().equals(username)) {
                return u;
            }
        }
        return null;
    }

    private static JsonNode client(String clientId) {
        for (JsonNode c : realm.path("clients")) {
            if (c.path("clientId").asText().equals(clientId)) {
                return c;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
