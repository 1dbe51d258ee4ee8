package io.synthline.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Obtains access tokens from a Keycloak realm with plain {@code java.net.http}: usable from the CLI,
 * from tests and from scripts without an OIDC client library.
 */
public final class KeycloakTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakTokens() {
    }

    /**
     * Resource owner password grant ("direct access grant"); the client must allow it
     * ({@code synthline-cli} does).
     *
     * @param issuerUrl e.g. {@code http://127.0.0.1:18080/realms/synthline}
     * @throws KeycloakTokenException with an explanation, e.g. for wrong credentials
     */
    public static AccessToken passwordGrant(String issuerUrl, String clientId, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return request(issuerUrl, form, "password grant for user '" + username + "' with client '" + clientId + "'");
    }

    /**
     * Refresh token grant of a public client: a new access token (and refresh token) for the same
     * login, without the password.
     *
     * @throws KeycloakTokenException e.g. when the login session has ended ({@code invalid_grant})
     */
    public static AccessToken refresh(String issuerUrl, String clientId, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        form.put("refresh_token", refreshToken);
        return request(issuerUrl, form, "token refresh with client '" + clientId + "'");
    }

    /** Client credentials grant of a confidential client with a service account ({@code synthline-services}). */
    public static AccessToken clientCredentials(String issuerUrl, String clientId, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return request(issuerUrl, form, "client credentials grant for client '" + clientId + "'");
    }

    private static AccessToken request(String issuerUrl, Map<String, String> form, String what) {
        String tokenUrl = stripSlash(issuerUrl) + "/protocol/openid-connect/token";
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(tokenUrl))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new KeycloakTokenException("Invalid issuer URL '" + issuerUrl + "': " + e.getMessage(), 0, null, null);
        }
        Instant sentAt = Instant.now();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new KeycloakTokenException("Keycloak is not reachable at " + tokenUrl + " (" + what + "). Is the local stack"
                    + " running? Start it with: synth stack up", 0, null, null);
        } catch (HttpTimeoutException e) {
            throw new KeycloakTokenException("Keycloak did not answer within 30 s at " + tokenUrl + " (" + what + ")", 0, null, null);
        } catch (IOException e) {
            throw new KeycloakTokenException("Cannot reach Keycloak at " + tokenUrl + " (" + what + "): " + e, 0, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakTokenException("Interrupted during " + what, 0, null, null);
        }
        JsonNode json = parse(response.body());
        if (response.statusCode() == 200 && json != null && json.hasNonNull("access_token")) {
            long expiresIn = json.path("expires_in").asLong(60);
            return new AccessToken(json.get("access_token").asText(), sentAt.plusSeconds(expiresIn),
                    json.hasNonNull("refresh_token") ? json.get("refresh_token").asText() : null,
                    json.path("scope").asText(""));
        }
        String error = json == null ? null : json.path("error").asText(null);
        String description = json == null ? null : json.path("error_description").asText(null);
        throw new KeycloakTokenException(explain(what, tokenUrl, response.statusCode(), error, description),
                response.statusCode(), error, description);
    }

    /** Turns Keycloak's terse OAuth errors into something a developer can act on. */
    static String explain(String what, String tokenUrl, int status, String error, String description) {
        String detail = error == null ? "HTTP " + status
                : "HTTP " + status + ", " + error + (description == null ? "" : ": " + description);
        String hint;
        if (description != null && description.contains("Invalid client")) {
            // Keycloak 26 answers a wrong secret with unauthorized_client, older versions with invalid_client.
            hint = "unknown client or wrong client secret";
        } else if ("invalid_grant".equals(error) && description != null && description.contains("credentials")) {
            hint = "wrong username or password";
        } else if ("invalid_grant".equals(error) && description != null && description.contains("not fully set up")) {
            hint = "the user has pending required actions or a profile missing required attributes";
        } else if ("invalid_grant".equals(error)) {
            hint = "Keycloak refused the user (disabled, locked or incomplete account)";
        } else if ("invalid_client".equals(error)) {
            hint = "unknown client or wrong client secret";
        } else if ("unauthorized_client".equals(error)) {
            hint = "the client is not allowed to use this grant type";
        } else if (status == 404) {
            hint = "no such realm at this URL; the issuer URL must look like http://127.0.0.1:<port>/realms/<realm>";
        } else if (status == 503) {
            hint = "Keycloak is still starting";
        } else {
            hint = "unexpected answer from " + tokenUrl;
        }
        return "Keycloak rejected the " + what + ": " + hint + " (" + detail + ")";
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
