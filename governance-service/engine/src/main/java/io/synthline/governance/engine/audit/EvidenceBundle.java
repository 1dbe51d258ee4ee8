package io.synthline.governance.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An auditor's evidence bundle: a ZIP with the entries of one tenant's chain for a time range,
 * the signed checkpoints among them, every public key that signed, verification instructions, and
 * a manifest (SHA-256 of every file) signed by governance's key at export. Verifiable offline:
 * {@code synth audit verify bundle.zip}, or by hand following VERIFY.md.
 */
public record EvidenceBundle(Manifest manifest, String manifestJson, String manifestSignature, List<ChainedEntry> entries,
        List<Checkpoint> checkpoints, Map<String, String> publicKeysPem, Map<String, byte[]> files) {

    public static final String FORMAT = "synthline-audit-evidence/1";
    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    static final String ENTRIES = "entries.json";
    static final String CHECKPOINTS = "checkpoints.json";
    static final String KEYS = "public-keys.json";
    static final String README = "VERIFY.md";

    /**
     * @param from, to   the time range asked for (occurredAt in [from, to))
     * @param files      SHA-256 of each file of the bundle but the manifest and its signature
     */
    public record Manifest(String format, String bundleId, String tenant, String from, String to, String exportedAt,
            String exportedBy, long entryCount, Long firstChainIndex, Long lastChainIndex, String signingKeyId,
            Map<String, String> files) {
    }

    /** Builds the ZIP. */
    public static byte[] write(String bundleId, String tenant, Instant from, Instant to, String exportedBy, List<ChainedEntry> entries,
            List<Checkpoint> checkpoints, Map<String, String> publicKeysPem, AuditSigningKey signer, Instant now) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        ArrayNode es = Json.mapper().createArrayNode();
        entries.forEach(e -> es.add(entryJson(e)));
        files.put(ENTRIES, pretty(es));
        ArrayNode cs = Json.mapper().createArrayNode();
        checkpoints.forEach(c -> cs.add(checkpointJson(c)));
        files.put(CHECKPOINTS, pretty(cs));
        files.put(KEYS, pretty(Json.mapper().valueToTree(publicKeysPem)));
        files.put(README, instructions().getBytes(StandardCharsets.UTF_8));
        Map<String, String> digests = new LinkedHashMap<>();
        files.forEach((name, bytes) -> digests.put(name, Sha256.hex(bytes)));
        Manifest m = new Manifest(FORMAT, bundleId, tenant, Timestamps.format(from), Timestamps.format(to), Timestamps.format(now),
                exportedBy, entries.size(), entries.isEmpty() ? null : entries.getFirst().chainIndex(),
                entries.isEmpty() ? null : entries.getLast().chainIndex(), signer.keyId(), digests);
        byte[] manifest = pretty(Json.mapper().valueToTree(m));
        String signature = signer.sign(manifest);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, MANIFEST, manifest);
            put(zip, SIGNATURE, signature.getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                put(zip, f.getKey(), f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Reads a bundle; a file that is not one is bad input (exit code 2 in the CLI), not a verification failure. */
    public static EvidenceBundle read(InputStream in) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                files.put(e.getName(), zip.readNBytes(64 * 1024 * 1024));
            }
        } catch (IOException e) {
            throw new BadInputException("invalid-bundle", "not a readable evidence bundle (ZIP): " + e.getMessage());
        }
        for (String required : List.of(MANIFEST, SIGNATURE, ENTRIES, CHECKPOINTS, KEYS)) {
            if (!files.containsKey(required)) {
                throw new BadInputException("invalid-bundle", "not an evidence bundle: " + required + " is missing");
            }
        }
        try {
            String manifestJson = new String(files.get(MANIFEST), StandardCharsets.UTF_8);
            Manifest m = Json.read(manifestJson, Manifest.class);
            if (!FORMAT.equals(m.format())) {
                throw new BadInputException("invalid-bundle", "unsupported bundle format " + m.format() + " (expected " + FORMAT + ")");
            }
            List<ChainedEntry> entries = new ArrayList<>();
            for (JsonNode n : Json.mapper().readTree(files.get(ENTRIES))) {
                entries.add(entryFrom(n));
            }
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (JsonNode n : Json.mapper().readTree(files.get(CHECKPOINTS))) {
                checkpoints.add(new Checkpoint(n.path("tenant").asText(), n.path("chainIndex").asLong(), n.path("entryHash").asText(),
                        Timestamps.parse(n.path("signedAt").asText()), n.path("keyId").asText(), n.path("signature").asText()));
            }
            Map<String, String> keys = new LinkedHashMap<>();
            Json.mapper().readTree(files.get(KEYS)).fields().forEachRemaining(f -> keys.put(f.getKey(), f.getValue().asText()));
            return new EvidenceBundle(m, manifestJson, new String(files.get(SIGNATURE), StandardCharsets.US_ASCII).strip(), entries,
                    checkpoints, keys, files);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new BadInputException("invalid-bundle", "the evidence bundle cannot be parsed: " + e.getMessage());
        }
    }

    public static EvidenceBundle read(byte[] zip) {
        return read(new ByteArrayInputStream(zip));
    }

    /** What offline verification found. {@code valid} only when every check passed. */
    public record Verification(boolean valid, boolean manifestSignatureValid, List<String> fileProblems, ChainVerification chain,
            String tenant, String signingKeyId) {
    }

    /**
     * Verifies the manifest's signature and file digests, then the chain segment and its checkpoints.
     *
     * @param trustedKeys public keys the auditor obtained independently (e.g. from {@code GET /api/v1/audit/public-keys});
     *                    empty = trust the keys shipped in the bundle (weaker: says so in the report)
     */
    public Verification verify(Map<String, PublicKey> trustedKeys) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        if (trustedKeys.isEmpty()) {
            publicKeysPem.forEach((id, pem) -> keys.put(id, AuditSigningKey.publicKeyFromPem(pem)));
        } else {
            keys.putAll(trustedKeys);
        }
        PublicKey manifestKey = keys.get(manifest.signingKeyId());
        boolean signatureOk = manifestKey != null
                && AuditSigningKey.verify(manifestKey, manifestJson.getBytes(StandardCharsets.UTF_8), manifestSignature);
        List<String> problems = new ArrayList<>();
        manifest.files().forEach((name, digest) -> {
            byte[] bytes = files.get(name);
            if (bytes == null) {
                problems.add(name + " is listed in the manifest but missing");
            } else if (!Sha256.hex(bytes).equals(digest)) {
                problems.add(name + " does not match its SHA-256 in the manifest");
            }
        });
        if (entries.size() != manifest.entryCount()) {
            problems.add("the manifest lists " + manifest.entryCount() + " entries, entries.json holds " + entries.size());
        }
        ChainVerifier verifier = ChainVerifier.segment(manifest.tenant(), checkpoints, keys);
        entries.forEach(verifier::accept);
        ChainVerification chain = verifier.finish();
        return new Verification(signatureOk && problems.isEmpty() && chain.valid(), signatureOk, problems, chain, manifest.tenant(),
                manifest.signingKeyId());
    }

    static ObjectNode entryJson(ChainedEntry e) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("chainIndex", e.chainIndex());
        o.put("tenant", e.tenant());
        o.put("eventId", e.eventId());
        o.put("eventType", e.eventType());
        o.put("source", e.source());
        o.put("subject", e.subject());
        o.put("actor", e.actor());
        ArrayNode roles = o.putArray("actorRoles");
        e.actorRoles().forEach(roles::add);
        o.put("purpose", e.purpose());
        o.put("justification", e.justification());
        o.put("outcome", e.outcome());
        o.put("occurredAt", Timestamps.format(e.occurredAt()));
        o.put("recordedAt", Timestamps.format(e.recordedAt()));
        o.set("data", e.data() == null ? o.nullNode() : e.data());
        o.put("previousHash", e.previousHash());
        o.put("entryHash", e.entryHash());
        return o;
    }

    static ChainedEntry entryFrom(JsonNode n) {
        List<String> roles = new ArrayList<>();
        n.path("actorRoles").forEach(r -> roles.add(r.asText()));
        return new ChainedEntry(n.path("chainIndex").asLong(), text(n, "tenant"), text(n, "eventId"), text(n, "eventType"),
                text(n, "source"), text(n, "subject"), text(n, "actor"), roles, text(n, "purpose"), text(n, "justification"),
                text(n, "outcome"), Timestamps.parse(text(n, "occurredAt")), Timestamps.parse(text(n, "recordedAt")),
                n.hasNonNull("data") ? n.get("data") : null, text(n, "previousHash"), text(n, "entryHash"));
    }

    static ObjectNode checkpointJson(Checkpoint c) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("tenant", c.tenant());
        o.put("chainIndex", c.chainIndex());
        o.put("entryHash", c.entryHash());
        o.put("signedAt", Timestamps.format(c.signedAt()));
        o.put("keyId", c.keyId());
        o.put("signature", c.signature());
        return o;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static byte[] pretty(Object tree) {
        return Json.writePretty(tree).getBytes(StandardCharsets.UTF_8);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    static String instructions() {
        try (InputStream in = EvidenceBundle.class.getResourceAsStream("VERIFY.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("VERIFY.md missing from the governance engine", e);
        }
    }
}
