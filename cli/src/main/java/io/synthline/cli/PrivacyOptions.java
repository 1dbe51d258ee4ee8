package io.synthline.cli;

import io.synthline.commons.api.DeclaredColumn;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.commons.json.Json;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.synthesis.Synthesizers;
import io.synthline.generator.engine.dp.PrivateSynthesizers;
import io.synthline.generator.engine.privacy.DomainProvenance;
import io.synthline.generator.engine.privacy.PrivacyReport;
import io.synthline.generator.engine.privacy.domain.PublicDomain;
import io.synthline.generator.engine.privacy.domain.DeclaredSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The differential-privacy options of {@code synth generate} (models mst and aim). They become
 * the request's privacy block, the same one the API takes.
 */
public class PrivacyOptions {
    @Option(names = "--epsilon", paramLabel = "E", description = "DP models (mst, aim): epsilon of the (epsilon, delta)-DP guarantee for the whole run")
    Double epsilon;

    @Option(names = "--delta", paramLabel = "D", description = "DP models: delta of the guarantee, e.g. 1e-9 (well below 1/rows)")
    Double delta;

    @Option(names = "--schema", paramLabel = "SCHEMA.json",
            description = "public description of the columns: types, and for DP models category lists and numeric bounds (min/max)")
    Path schema;

    @Option(names = "--domain-budget", paramLabel = "SHARE",
            description = "DP models: share of the budget spent learning domains the schema leaves open (default: 0.15)")
    Double domainShare;

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

    boolean anyGiven() {
        return epsilon != null || delta != null || domainShare != null || requireDeclaredDomain || reportFile != null;
    }

    /**
     * The privacy block for {@code model}: these options over the spec file's block. Refuses DP
     * options on a model that gives no guarantee, and a DP model without (epsilon, delta).
     */
    PrivacySpec spec(String model, PrivacySpec base) {
        boolean dp = PrivateSynthesizers.isPrivate(model);
        if (!dp) {
            if (anyGiven() || base != null) {
                throw new SynthCommand.UserError("--epsilon, --delta, --domain-budget, --require-declared-domain and --privacy-report"
                        + " (and a spec's privacy block) apply to the differentially private models " + PrivateSynthesizers.NAMES
                        + ", not to " + (model == null ? Synthesizers.DEFAULT : model));
            }
            return null;
        }
        PrivacySpec b = base != null ? base : new PrivacySpec(null, null, null, null, null);
        Double e = epsilon != null ? epsilon : b.epsilon();
        Double d = delta != null ? delta : b.delta();
        if (e == null || d == null) {
            throw new SynthCommand.UserError("model " + model + " is differentially private: give --epsilon and --delta");
        }
        List<DeclaredColumn> domain = declared() != null ? declared().columns() : b.domain();
        return new PrivacySpec(e, d, domainShare != null ? domainShare : b.domainBudgetShare(),
                requireDeclaredDomain ? Boolean.TRUE : b.requireDeclaredDomain(), domain);
    }

    private static double stageRho(PrivacyReport report, String stage) {
        return report.mechanisms().stream().filter(u -> u.stage().equals(stage)).mapToDouble(PrivacyReport.MechanismUse::rho).sum();
    }

    /** For DP models: tells what the run guarantees and where the domain came from, and writes the report next to the output. */
    void report(PrivacyReport report, boolean fitted, Path out, PrintWriter err) throws IOException {
        if (report == null) {
            return;
        }
        err.println("synth: privacy: " + report.summary() + " (noise: " + report.noiseSource() + ")");
        if (!fitted) {
            err.println("synth: privacy: the stored model was sampled: post-processing, no further budget spent");
        }
        List<DomainProvenance> learned = report.domain().stream().filter(p -> p.source().equals(DomainProvenance.LEARNED)).toList();
        List<String> declaredColumns = report.domain().stream().filter(p -> p.source().equals(DomainProvenance.DECLARED))
                .map(DomainProvenance::column).toList();
        double domainRho = stageRho(report, "domain");
        double domainDelta = report.mechanisms().stream().filter(u -> u.stage().equals("domain"))
                .mapToDouble(PrivacyReport.MechanismUse::delta).sum();
        if (learned.isEmpty()) {
            err.println("synth: privacy: every column's domain was declared" + (schema != null ? " by " + schema : "")
                    + " (public, no budget spent on it)");
        } else {
            err.println("synth: privacy: public (no budget spent): column names, the row count's order of magnitude, column types ("
                    + (schema != null ? "declared by " + schema + " or " : "") + "inferred from the file)"
                    + (declaredColumns.isEmpty() ? "" : ", and the domains " + (schema != null ? schema : "the schema")
                            + " declares: " + String.join(", ", declaredColumns)));
            double discretisationRho = stageRho(report, "discretisation");
            err.printf(Locale.ROOT, "synth: privacy: learned privately (%s), costing rho %.4g (%.0f %% of the budget) and delta %.3g,"
                    + " then fine histograms of the numeric columns (rho %.4g, %.0f %%) find where their values lie:%n",
                    schema != null ? schema + " leaves them open" : "no schema declared them", domainRho, 100 * domainRho / report.rho(), domainDelta, discretisationRho, 100 * discretisationRho / report.rho());
            for (DomainProvenance p : learned) {
                err.println("synth: privacy:   " + p.column() + ": " + p.detail());
            }
            if (learned.stream().anyMatch(p -> p.detail().contains(PublicDomain.Categorical.OTHER))) {
                err.println("synth: privacy: category values too rare to learn at this budget are not dropped: they go to the \""
                        + PublicDomain.Categorical.OTHER + "\" category; declare the category lists that are public knowledge"
                        + " in a schema (--schema) to keep them at no cost");
            }
        }
        report.domain().stream().filter(p -> p.source().equals(DomainProvenance.NOT_MODELLED))
                .forEach(p -> err.println("synth: privacy:   " + p.column() + ": " + p.detail()));
        Path target = reportFile != null ? reportFile : out.resolveSibling(out.getFileName() + ".privacy.json");
        GenerateCommand.writeAtomically(target, os -> os.write(Json.writePretty(report).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        err.println("synth: privacy: report written to " + target);
    }
}
