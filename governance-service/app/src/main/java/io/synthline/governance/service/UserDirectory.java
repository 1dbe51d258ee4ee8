package io.synthline.governance.service;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.governance.config.GovernanceConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The realm's users, as Keycloak knows them: whoever is named as a dataset's owner or as a grantee
 * must be an enabled user of the same tenant holding a fitting role. Asked through Keycloak's admin
 * API with the services' own client (its service account may view users, nothing more).
 */
@ApplicationScoped
public class UserDirectory {
    private static final Logger LOG = Logger.getLogger(UserDirectory.class);
    /** What Keycloak accepts as a user name (and nothing that could travel as a path or a query). */
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Vertx vertx;

    @Inject
    GovernanceConfig config;

    private volatile WebClient client;
    private volatile String token;
    private volatile long tokenValidUntil;

    public record User(String username, String tenant, Set<String> roles) {
    }

    /**
     * {@code username} when it names an enabled user of {@code tenant} holding one of {@code roles};
     * otherwise a 400 naming {@code field}, the same whether the user does not exist or belongs to
     * another tenant (so the answer tells nothing about other tenants).
     */
    public Uni<String> requireMember(String tenant, String username, String field, Set<String> roles) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            return Uni.createFrom().failure(new BadInputException("invalid-" + field, field + " must be a user name (letters, digits, "
                    + "'.', '_', '@', '+', '-'), got '" + printable(name) + "'").detail("field", field));
        }
        return find(name).map(user -> {
            if (user == null || !tenant.equals(user.tenant())) {
                throw new BadInputException("unknown-user", "no user '" + name + "' in this tenant").detail("field", field);
            }
            if (user.roles().stream().noneMatch(roles::contains)) {
                throw new BadInputException("unfit-user", "user '" + name + "' cannot be the " + field + ": that needs the role "
                        + String.join(" or ", sorted(roles))).detail("field", field);
            }
            return user.username();
        });
    }

    /** The enabled user of exactly that name with their tenant and realm roles, or null. */
    public Uni<User> find(String username) {
        String realmBase = adminBase();
        return accessToken().chain(bearer -> http().getAbs(realmBase + "/users?exact=true&briefRepresentation=false&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8)).bearerTokenAuthentication(bearer)
                .timeout(TIMEOUT.toMillis()).send()
                .map(r -> ok(r, "look up users").bodyAsJsonArray())
                .chain(found -> {
                    JsonObject user = exact(found, username);
                    if (user == null || !user.getBoolean("enabled", false)) {
                        return Uni.createFrom().nullItem();
                    }
                    JsonArray tenants = user.getJsonObject("attributes", new JsonObject()).getJsonArray("tenant", new JsonArray());
                    String tenant = tenants.isEmpty() ? null : tenants.getString(0);
                    return http().getAbs(realmBase + "/users/" + user.getString("id") + "/role-mappings/realm/composite")
                            .bearerTokenAuthentication(bearer).timeout(TIMEOUT.toMillis()).send()
                            .map(r -> {
                                Set<String> roles = new HashSet<>();
                                ok(r, "read a user's roles").bodyAsJsonArray().forEach(o -> roles.add(((JsonObject) o).getString("name")));
                                return new User(user.getString("username"), tenant, Set.copyOf(roles));
                            });
                }))
                .onFailure(e -> !(e instanceof BadInputException)).transform(e -> {
                    LOG.warnf("the identity provider could not be asked about a user: %s", e.toString());
                    return unavailable();
                });
    }

    private static JsonObject exact(JsonArray users, String username) {
        for (Object o : users) {
            JsonObject u = (JsonObject) o;
            if (username.equalsIgnoreCase(u.getString("username"))) {
                return u;
            }
        }
        return null;
    }

    /** A client-credentials token of the services' client, reused until shortly before it expires. */
    private Uni<String> accessToken() {
        String cached = token;
        if (cached != null && System.currentTimeMillis() < tokenValidUntil) {
            return Uni.createFrom().item(cached);
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(config.directory().clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(config.directory().clientSecret(), StandardCharsets.UTF_8);
        return http().postAbs(config.directory().issuer() + "/protocol/openid-connect/token").putHeader("Content-Type", "application/x-www-form-urlencoded")
                .timeout(TIMEOUT.toMillis()).sendBuffer(Buffer.buffer(form))
                .map(r -> {
                    JsonObject body = ok(r, "obtain a token").bodyAsJsonObject();
                    token = body.getString("access_token");
                    tokenValidUntil = System.currentTimeMillis() + Math.max(0, body.getLong("expires_in", 60L) - 30) * 1000;
                    return token;
                });
    }

    private static HttpResponse<Buffer> ok(HttpResponse<Buffer> r, String what) {
        if (r.statusCode() / 100 != 2) {
            LOG.warnf("the identity provider refused to %s: HTTP %d (the services' service account needs realm-management "
                    + "view-users)", what, r.statusCode());
            throw unavailable();
        }
        return r;
    }

    static BadInputException unavailable() {
        return new BadInputException("user-directory-unavailable", 503, "users cannot be checked right now: the identity provider "
                + "did not answer; try again shortly");
    }

    /** {@code http://host/realms/R} becomes {@code http://host/admin/realms/R}. */
    String adminBase() {
        String issuer = config.directory().issuer();
        int at = issuer.indexOf("/realms/");
        return issuer.substring(0, at) + "/admin" + issuer.substring(at).replaceAll("/+$", "");
    }

    private WebClient http() {
        WebClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = WebClient.create(vertx);
                }
                c = client;
            }
        }
        return c;
    }

    private static String printable(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }

    /** Roles that may be named as a dataset's owner. */
    public static final Set<String> OWNER_ROLES = Set.of(io.synthline.service.security.Roles.DATA_OWNER);

    /** Roles that may request generations, and so hold an access grant. */
    public static final Set<String> GRANTEE_ROLES = Set.of(io.synthline.service.security.Roles.DATA_SCIENTIST,
            io.synthline.service.security.Roles.DATA_OWNER, io.synthline.service.security.Roles.TENANT_ADMIN);

    static List<String> sorted(Set<String> roles) {
        return roles.stream().sorted().toList();
    }
}
