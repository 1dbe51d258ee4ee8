package io.synthline.governance.engine.audit;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key pair that signs checkpoints and evidence bundles. Kept as one PEM file holding
 * the PKCS#8 private key and the X.509 (SPKI) public key; the key id is the first 32 hex digits of
 * the SHA-256 of the public key's DER encoding, so anyone holding the public key can recompute it.
 * A key made with OpenSSL works too: {@code openssl genpkey -algorithm ed25519 -out k.pem; openssl
 * pkey -in k.pem -pubout >> k.pem}.
 */
public final class AuditSigningKey {
    public static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private AuditSigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyIdOf(publicKey);
    }

    public static AuditSigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new AuditSigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK provides Ed25519", e);
        }
    }

    /** Reads the PEM file format written by {@link #toPem()}; a clear error if a block is missing or the pair does not match. */
    public static AuditSigningKey fromPem(String pem) {
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).strip());
            switch (m.group(1)) {
                case "PRIVATE KEY" -> privateDer = der;
                case "PUBLIC KEY" -> publicDer = der;
                default -> {
                    // certificates or other blocks are not ours to interpret
                }
            }
        }
        if (privateDer == null || publicDer == null) {
            throw new BadInputException("invalid-signing-key", "the audit signing key file must hold a PKCS#8 'PRIVATE KEY' "
                    + "and its 'PUBLIC KEY' PEM block (append it with: openssl pkey -in key.pem -pubout >> key.pem)");
        }
        try {
            KeyFactory kf = KeyFactory.getInstance(ALGORITHM);
            AuditSigningKey key = new AuditSigningKey(kf.generatePrivate(new PKCS8EncodedKeySpec(privateDer)),
                    kf.generatePublic(new X509EncodedKeySpec(publicDer)));
            byte[] probe = "synthline key check".getBytes(StandardCharsets.UTF_8);
            if (!verify(key.publicKey, probe, key.sign(probe))) {
                throw new BadInputException("invalid-signing-key", "the public key in the audit signing key file does not belong to its private key");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new BadInputException("invalid-signing-key", "the audit signing key file holds no valid Ed25519 key: " + e.getMessage());
        }
    }

    public String toPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded()) + publicKeyPem();
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    public String sign(byte[] message) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(message);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public Checkpoint checkpoint(String tenant, long chainIndex, String entryHash, Instant signedAt) {
        Checkpoint unsigned = new Checkpoint(tenant, chainIndex, entryHash, signedAt.truncatedTo(ChronoUnit.MICROS), keyId, null);
        return new Checkpoint(tenant, chainIndex, entryHash, unsigned.signedAt(), keyId,
                sign(unsigned.signedDocument().getBytes(StandardCharsets.UTF_8)));
    }

    public static boolean verify(PublicKey key, byte[] message, String base64Signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static boolean verify(Checkpoint c, PublicKey key) {
        return c.signature() != null && verify(key, c.signedDocument().getBytes(StandardCharsets.UTF_8), c.signature());
    }

    public static PublicKey publicKeyFromPem(String pem) {
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals("PUBLIC KEY")) {
                try {
                    return KeyFactory.getInstance(ALGORITHM)
                            .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(2).strip())));
                } catch (GeneralSecurityException e) {
                    throw new BadInputException("invalid-public-key", "not an Ed25519 public key: " + e.getMessage());
                }
            }
        }
        throw new BadInputException("invalid-public-key", "no 'PUBLIC KEY' PEM block found");
    }

    public static String keyIdOf(PublicKey key) {
        return Sha256.hex(key.getEncoded()).substring(0, 32);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
