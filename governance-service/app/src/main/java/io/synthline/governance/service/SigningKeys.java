package io.synthline.governance.service;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.synthline.governance.config.GovernanceConfig;
import io.synthline.governance.engine.audit.AuditSigningKey;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The key that signs checkpoints and evidence bundles, loaded from a PEM file (in production a
 * mounted secret). Its public key is recorded in {@code audit_signing_key} at start-up, so every
 * key that ever signed stays available for verification after a rotation, and is published at
 * {@code GET /api/v1/audit/public-keys}.
 */
@ApplicationScoped
public class SigningKeys {
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    @Inject
    GovernanceConfig config;

    @Inject
    Pool pool;

    private volatile AuditSigningKey current;

    void onStart(@Observes StartupEvent ev) {
        current = load(config.audit().signingKeyFile(), config.audit().generateKeyIfMissing());
        pool.preparedQuery("INSERT INTO audit_signing_key (key_id, algorithm, public_key_pem, first_used_at) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT (key_id) DO NOTHING")
                .execute(Tuple.of(current.keyId(), AuditSigningKey.ALGORITHM, current.publicKeyPem(), OffsetDateTime.now(ZoneOffset.UTC)))
                .await().indefinitely();
        LOG.infof("audit signing key %s loaded from %s", current.keyId(), config.audit().signingKeyFile());
    }

    public AuditSigningKey current() {
        return current;
    }

    /** Every public key that ever signed, by key id, in the order they were first used. */
    public Uni<Map<String, PublicKey>> publicKeys() {
        return allPem().map(pems -> {
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            pems.forEach((id, pem) -> keys.put(id, AuditSigningKey.publicKeyFromPem(pem)));
            return keys;
        });
    }

    public Uni<Map<String, String>> allPem() {
        return pool.query("SELECT key_id, public_key_pem FROM audit_signing_key ORDER BY first_used_at, key_id").execute()
                .map(rows -> {
                    Map<String, String> pems = new LinkedHashMap<>();
                    rows.forEach(r -> pems.put(r.getString("key_id"), r.getString("public_key_pem")));
                    return pems;
                });
    }

    static AuditSigningKey load(Path file, boolean generateIfMissing) {
        try {
            if (Files.isRegularFile(file)) {
                return AuditSigningKey.fromPem(Files.readString(file));
            }
            if (!generateIfMissing) {
                throw new IllegalStateException("the audit signing key file " + file + " does not exist; mount the key "
                        + "(synthline.governance.audit.signing-key-file) or enable generate-key-if-missing for development");
            }
            AuditSigningKey key = AuditSigningKey.generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".audit-key-", ".pem");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: rely on the directory's permissions
            }
            Files.writeString(tmp, key.toPem());
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                if (Files.isRegularFile(file)) {
                    // another instance created it first: use theirs
                    return AuditSigningKey.fromPem(Files.readString(file));
                }
                throw e;
            }
            LOG.warnf("generated a new audit signing key in %s (development mode; mount a managed key in production)", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit signing key " + file, e);
        }
    }
}
