package io.synthline.cli;

import io.synthline.cli.client.ApiClient;
import io.synthline.commons.json.Json;
import io.synthline.governance.engine.audit.AuditSigningKey;
import io.synthline.governance.engine.audit.ChainVerification;
import io.synthline.governance.engine.audit.EvidenceBundle;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synth audit verify|export}: the auditor's side of the tamper-evident trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify or export audit evidence bundles.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
public class AuditCommand {
    @ParentCommand
    SynthCommand root;

    enum Format { text, json }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify an evidence bundle offline: manifest signature and digests, hash chain, signed checkpoints. "
                    + "Exit 0 when everything verifies, 1 when a check fails, 2 when the file is not a bundle.")
    static class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BUNDLE.zip")
        Path bundle;

        @Option(names = "--public-key", paramLabel = "PEM",
                description = "Trust only this governance public key (obtained independently); default: the keys in the bundle.")
        Path publicKey;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
        Format format;

        @Override
        public Integer call() throws Exception {
            Files2.existing(bundle, "bundle");
            EvidenceBundle b = EvidenceBundle.read(Files.readAllBytes(bundle));
            Map<String, PublicKey> trusted = new LinkedHashMap<>();
            if (publicKey != null) {
                Files2.existing(publicKey, "public key");
                PublicKey k = AuditSigningKey.publicKeyFromPem(Files.readString(publicKey));
                trusted.put(AuditSigningKey.keyIdOf(k), k);
            }
            EvidenceBundle.Verification v = b.verify(trusted);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.println(Json.writePretty(v));
            } else {
                describe(b, v, publicKey != null, out);
            }
            return v.valid() ? SynthCommand.EXIT_OK : SynthCommand.EXIT_FAILURE;
        }

        static void describe(EvidenceBundle b, EvidenceBundle.Verification v, boolean ownKey, PrintWriter out) {
            EvidenceBundle.Manifest m = b.manifest();
            ChainVerification c = v.chain();
            out.printf("bundle %s: tenant %s, %d entries (chain %s..%s), occurred %s .. %s, exported %s by %s%n", m.bundleId(), m.tenant(),
                    m.entryCount(), m.firstChainIndex(), m.lastChainIndex(), m.from(), m.to(), m.exportedAt(), m.exportedBy());
            out.printf("  manifest signature (key %s%s): %s%n", m.signingKeyId(), ownKey ? ", your key" : ", key shipped in the bundle",
                    v.manifestSignatureValid() ? "valid" : "INVALID");
            out.printf("  file digests: %s%n", v.fileProblems().isEmpty() ? "all match" : String.join("; ", v.fileProblems()));
            out.printf("  hash chain: %d entries recomputed, %d checkpoints verified: %s%n", c.entriesChecked(), c.checkpointsChecked(),
                    c.valid() ? "intact" : "BROKEN");
            for (ChainVerification.Break br : c.breaks()) {
                out.printf("    entry %d%s: %s: %s%n", br.chainIndex(), br.eventId() == null ? "" : " (event " + br.eventId() + ")",
                        br.problem(), br.detail());
            }
            out.println(v.valid() ? "VERIFIED" : "VERIFICATION FAILED" + (c.firstBreak() == null ? ""
                    : ": first broken link at entry " + c.firstBreak().chainIndex() + " (" + c.firstBreak().problem() + ")"));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Download the evidence bundle of your tenant's audit trail for a time range (from the platform of synth login, or --remote URL).")
    static class Export implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "INSTANT", description = "ISO-8601, e.g. 2026-01-01T00:00:00Z (default: the beginning)")
        String from;

        @Option(names = "--to", paramLabel = "INSTANT", description = "ISO-8601, exclusive (default: now)")
        String to;

        @Option(names = "--out", required = true, paramLabel = "FILE.zip")
        Path out;

        @Override
        public Integer call() {
            StringBuilder query = new StringBuilder("/api/v1/audit/export?");
            if (from != null) {
                query.append("from=").append(URLEncoder.encode(from, StandardCharsets.UTF_8)).append('&');
            }
            if (to != null) {
                query.append("to=").append(URLEncoder.encode(to, StandardCharsets.UTF_8));
            }
            ApiClient client = ApiClient.forCli(parent.root);
            client.downloadTo(client.endpoints().governance(), query.toString(), "application/zip", out);
            spec.commandLine().getOut().printf("synth: evidence bundle written to %s; verify it with: synth audit verify %s%n", out, out);
            return SynthCommand.EXIT_OK;
        }
    }
}
