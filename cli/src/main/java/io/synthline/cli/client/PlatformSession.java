package io.synthline.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.cli.SynthCommand;
import io.synthline.commons.json.Json;
import io.synthline.stack.AccessToken;
import io.synthline.stack.KeycloakTokenException;
import io.synthline.stack.KeycloakTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code synth login} keeps: the platform's URL, who logged in, and the tokens Keycloak gave
 * (the access token is refreshed with the refresh token when it is about to expire, and saved again).
 * The file is readable by its owner only (0600, in a 0700 directory): the refresh token lets its
 * holder act as the user until the login session ends.
 *
 * @param url          the platform address (the gateway or Ingress), without a trailing slash
 * @param issuer       the OIDC issuer the platform named (RFC 9728 resource metadata) or {@code --issuer}
 * @param refreshToken may be null (then the login lasts as long as the access token)
 */
public record PlatformSession(String url, String user, String issuer, String clientId, String accessToken, Instant expiresAt,
        String refreshToken) {
    /** Where the session file lives: {@code $SYNTHLINE_CONFIG_DIR}, else {@code ~/.synthline}. */
    public static final String CONFIG_DIR_VARIABLE = "SYNTHLINE_CONFIG_DIR";
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    public static Path file() {
        String dir = System.getenv(CONFIG_DIR_VARIABLE);
        Path base = dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".synthline");
        return base.resolve("cli").resolve("session.json");
    }

    public static PlatformSession of(String url, String user, String issuer, String clientId, AccessToken token) {
        return new PlatformSession(normalize(url), user, issuer, clientId, token.token(), token.expiresAt(), token.refreshToken());
    }

    /** The saved session, or null when nobody logged in. */
    public static PlatformSession load() {
        Path f = file();
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return Json.read(Files.readString(f), PlatformSession.class);
        } catch (IOException | RuntimeException e) {
            throw new SynthCommand.UserError("cannot read the saved login " + f + " (" + e.getMessage() + "); log in again with synth login");
        }
    }

    /** Writes the session with owner-only permissions, replacing the previous one atomically. */
    public void save() {
        Path f = file();
        try {
            Path dir = f.getParent();
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            Path tmp = posix
                    ? Files.createTempFile(dir, ".session-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".session-", ".tmp");
            try {
                Files.writeString(tmp, Json.writePretty(this), StandardCharsets.UTF_8);
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the login to " + f + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the login; true when there was one. */
    public static boolean delete() {
        try {
            return Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this session's platform address is {@code otherUrl}, compared without trailing slashes. */
    public boolean isFor(String otherUrl) {
        return url.equals(normalize(otherUrl));
    }

    /**
     * A valid access token: the saved one, or a refreshed one (then saved) when it expires within
     * half a minute.
     */
    public synchronized String validToken() {
        PlatformSession current = load();
        PlatformSession s = current != null && current.isFor(url) && current.user.equals(user) ? current : this;
        if (Instant.now().plus(REFRESH_MARGIN).isBefore(s.expiresAt)) {
            return s.accessToken;
        }
        if (s.refreshToken == null) {
            throw new SynthCommand.UserError("your login to " + url + " has expired: synth login " + url + " --user " + user);
        }
        try {
            AccessToken fresh = KeycloakTokens.refresh(s.issuer, s.clientId, s.refreshToken);
            PlatformSession renewed = new PlatformSession(url, user, issuer, clientId, fresh.token(), fresh.expiresAt(),
                    fresh.refreshToken() != null ? fresh.refreshToken() : s.refreshToken);
            renewed.save();
            return renewed.accessToken;
        } catch (KeycloakTokenException e) {
            if (e.httpStatus() == 400 || e.httpStatus() == 401) {
                throw new SynthCommand.UserError("your login to " + url + " has ended (" + e.errorDescription() + "): synth login " + url
                        + " --user " + user);
            }
            throw e;
        }
    }

    /**
     * The OIDC issuer of the platform at {@code url}, from its OAuth protected resource metadata
     * (RFC 9728, {@code /.well-known/oauth-protected-resource}); null when it publishes none.
     */
    public static String discoverIssuer(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
        URI metadata = URI.create(normalize(url) + "/.well-known/oauth-protected-resource");
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(metadata).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                return null;
            }
            JsonNode servers = Json.mapper().readTree(res.body()).path("authorization_servers");
            return servers.isArray() && !servers.isEmpty() ? servers.get(0).asText() : null;
        } catch (IOException e) {
            throw new SynthCommand.UserError("cannot reach the platform at " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String normalize(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "PlatformSession" + Map.of("url", url, "user", user, "issuer", issuer, "expiresAt", expiresAt);
    }
}
