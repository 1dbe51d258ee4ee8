package io.synthline.stack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An OAuth2 access token from Keycloak.
 *
 * @param token        the compact JWT, for an {@code Authorization: Bearer} header
 * @param expiresAt    when Keycloak will stop accepting it (from {@code expires_in}, computed locally)
 * @param refreshToken refresh token, or null (client credentials grants have none)
 * @param scope        granted scopes as returned by Keycloak
 */
public record AccessToken(String token, Instant expiresAt, String refreshToken, String scope) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** True if the token is expired or will be within {@code margin}. */
    public boolean expiresWithin(Duration margin) {
        return Instant.now().plus(margin).isAfter(expiresAt);
    }

    /**
     * The decoded JWT payload. The signature is NOT verified: this is for tests and diagnostics
     * (which tenant, which roles), never for authorisation decisions.
     */
    public Map<String, Object> claims() {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalStateException("Not a JWT: " + this);
        }
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), new TypeReference<>() { });
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decode the JWT payload: " + e.getMessage(), e);
        }
    }

    /** {@code realm_access.roles}, empty if absent. */
    @SuppressWarnings("unchecked")
    public List<String> realmRoles() {
        Object realmAccess = claims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> m && m.get("roles") instanceof List<?> roles) {
            return (List<String>) roles;
        }
        return List.of();
    }

    /** The {@code tenant} claim, or null (service accounts have none). */
    public String tenant() {
        Object t = claims().get("tenant");
        return t == null ? null : t.toString();
    }

    public String authorizationHeader() {
        return "Bearer " + token;
    }

    /** Never prints the token itself: it ends up in test logs. */
    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + ", scope=" + scope + ", token=" + (token == null ? "null" : token.length() + " chars") + "]";
    }
}
