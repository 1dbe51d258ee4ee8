package io.synthline.cli;

import io.synthline.commons.json.Json;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.FittedModel;
import io.synthline.generator.engine.Synthesizers;
import io.synthline.generator.engine.dp.DpSettings;
import io.synthline.generator.engine.dp.PrivateModel;
import io.synthline.generator.engine.dp.PrivateSynthesizers;
import io.synthline.generator.engine.privacy.DomainProvenance;
import io.synthline.generator.engine.privacy.PrivacyParameters;
import io.synthline.generator.engine.privacy.PrivacyReport;
import io.synthline.generator.engine.privacy.domain.DeclaredSchema;
import io.synthline.generator.engine.privacy.domain.DomainPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The differential-privacy options of {@code synth generate} (models mst and aim). */
public class PrivacyOptions {
    @Option(names = "--epsilon", paramLabel = "E", description = "DP models (mst, aim): epsilon of the (epsilon, delta)-DP guarantee for the whole run")
    Double epsilon;

    @Option(names = "--delta", paramLabel = "D", description = "DP models: delta of the guarantee, e.g. 1e-9 (well below 1/rows)")
    Double delta;

    @Option(names = "--schema", paramLabel = "SCHEMA.json",
            description = "public description of the columns: types, and for DP models category lists and numeric bounds (min/max)")
    Path schema;

    @Option(names = "--domain-budget", paramLabel = "SHARE",
            description = "DP models: share of the budget spent learning domains the schema leaves open (default: ${DEFAULT-VALUE})",
            defaultValue = "0.1")
    double domainShare;

    @Option(names = "--require-declared-domain",
            description = "DP models: refuse to run when the schema leaves a domain open, instead of learning it privately")
    boolean requireDeclaredDomain;

    @Option(names = "--privacy-report", paramLabel = "FILE.json",
            description = "DP models: where to write the privacy report (default: OUT.csv.privacy.json)")
    Path reportFile;

    private DeclaredSchema declared;

    /** The declared column types to read the data with, or null. */
    TableSchema readSchema() {
        return declared() == null ? null : declared().tableSchema();
    }

    private DeclaredSchema declared() {
        if (declared == null && schema != null) {
            Files2.existing(schema, "schema");
            declared = DeclaredSchema.read(schema);
        }
        return declared;
    }

    /** Checks the combination of options before any data is read. */
    void validate(String model) {
        boolean dp = PrivateSynthesizers.isPrivate(model);
        if (dp && (epsilon == null || delta == null)) {
            throw new SynthCommand.UserError("model " + model + " is differentially private: give --epsilon and --delta");
        }
        if (!dp && (epsilon != null || delta != null || requireDeclaredDomain || reportFile != null)) {
            throw new SynthCommand.UserError("--epsilon, --delta, --require-declared-domain and --privacy-report apply to the"
                    + " differentially private models " + PrivateSynthesizers.NAMES + ", not to " + (model == null ? Synthesizers.DEFAULT : model));
        }
        if (dp) {
            settings();
        }
    }

    private DpSettings settings() {
        return DpSettings.of(new PrivacyParameters(epsilon, delta), declared())
                .withDomainPolicy(requireDeclaredDomain ? DomainPolicy.REFUSE : DomainPolicy.LEARN_PRIVATELY)
                .withDomainShare(domainShare);
    }

    FittedModel fit(String model, Table training, long seed) {
        if (PrivateSynthesizers.isPrivate(model)) {
            return PrivateSynthesizers.create(model, settings(), null).fit(training, seed);
        }
        return Synthesizers.byName(model).fit(training, seed);
    }

    /** For DP models: tells what the run guarantees and where the domain came from, and writes the report next to the output. */
    void report(FittedModel fitted, Path out, PrintWriter err) throws IOException {
        if (!(fitted instanceof PrivateModel model)) {
            return;
        }
        PrivacyReport report = model.privacy();
        err.println("synth: privacy: " + report.summary() + " (noise: " + report.noiseSource() + ")");
        List<DomainProvenance> learned = report.domain().stream().filter(p -> p.source().equals(DomainProvenance.LEARNED)).toList();
        double domainRho = report.mechanisms().stream().filter(u -> u.stage().equals("domain"))
                .mapToDouble(PrivacyReport.MechanismUse::rho).sum();
        double domainDelta = report.mechanisms().stream().filter(u -> u.stage().equals("domain"))
                .mapToDouble(PrivacyReport.MechanismUse::delta).sum();
        if (learned.isEmpty()) {
            err.println("synth: privacy: every column's domain was declared by " + schema + " (public, no budget spent on it)");
        } else {
            err.printf(Locale.ROOT, "synth: privacy: learned privately (no schema declared them), costing rho %.4g (%.0f %% of the budget) and delta %.3g:%n",
                    domainRho, 100 * domainRho / report.rho(), domainDelta);
            for (DomainProvenance p : learned) {
                err.println("synth: privacy:   " + p.column() + ": " + p.detail());
            }
        }
        report.domain().stream().filter(p -> p.source().equals(DomainProvenance.NOT_MODELLED))
                .forEach(p -> err.println("synth: privacy:   " + p.column() + ": " + p.detail()));
        Path target = reportFile != null ? reportFile : out.resolveSibling(out.getFileName() + ".privacy.json");
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".privacy-", ".part");
        try {
            Files.writeString(tmp, Json.writePretty(report));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        err.println("synth: privacy: report written to " + target);
    }
}
