package io.synthline.bench;

import io.synthline.cli.SynthCommand;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.evaluation.MultiTableQuality;
import io.synthline.commons.evaluation.RelationalEvaluation;
import io.synthline.commons.json.Json;
import io.synthline.commons.relational.Entities;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.relational.RelationalReader;
import io.synthline.commons.relational.SequenceSpec;
import io.synthline.evaluator.engine.EvaluationOptions;
import io.synthline.evaluator.engine.relational.EntityPrivacyEvaluation;
import io.synthline.evaluator.engine.relational.MultiTableQualityReport;
import io.synthline.evaluator.engine.relational.ReferentialIntegrity;
import io.synthline.evaluator.engine.relational.SequenceMetrics;
import io.synthline.fixtures.Datasets;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import io.synthline.generator.engine.relational.RelationalModel;
import io.synthline.generator.engine.relational.RelationalSpec;
import io.synthline.generator.engine.relational.RelationalSynthesizer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code synth bench relational}: on the shared relational reference (players, salaries, all-star
 * games), the multi-table QualityReport of our output next to SDV HMA's (both computed in this run
 * by the same code, and HMA's value from the reference file), referential integrity, fit + sample
 * time (wall and process CPU) next to a single-table tree fit + sample of the largest table in the
 * same run, the same with salaries declared sequential (sequence lengths, inter-arrival steps,
 * salary autocorrelation), and entity-level privacy against a holdout of whole players.
 */
@Command(name = "relational", mixinStandardHelpOptions = true, description = "Benchmark multi-table synthesis on the relational reference.")
public class BenchRelationalCommand implements Callable<Integer> {
    /** Where the samples are scored (not timed): the evaluator's metrics on every core, for the life of the command. */
    private static final Parallel SCORING = Parallel.open(Parallel.defaultThreads(), "synthline-evaluate");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "directory with the tables, metadata.json, sdv_hma/ and sdv_hma_quality.json (default: relational/ of the shared datasets, $SYNTHLINE_DATASETS or ../shared/datasets)")
    Path data;

    @Option(names = "--runs", defaultValue = "3", description = "fit + sample runs (seeds 1..N); the first is the cold one (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--model-option", paramLabel = "NAME=VALUE", description = "tree option for every table, e.g. minLeaf=20")
    java.util.Map<String, String> modelOptions = new java.util.LinkedHashMap<>();

    @Option(names = "--dp-epsilon", split = ",", paramLabel = "E", defaultValue = "1,4",
            description = "epsilons of the user-level DP path (mst, delta 1e-9); empty to skip (default: ${DEFAULT-VALUE})")
    List<String> dpEpsilons;

    @Option(names = "--dp-max-children", split = ",", defaultValue = "3,5",
            description = "contribution bounds of the DP path (default: ${DEFAULT-VALUE})")
    List<Integer> dpMaxChildren;

    @Option(names = "--holdout", defaultValue = "0.2", description = "share of players held out for the privacy attacks (default: ${DEFAULT-VALUE})")
    double holdout;

    @Option(names = "--privacy-holdouts", defaultValue = "1", paramLabel = "N",
            description = "entity-level privacy on holdout seeds 1..N, each as 'synth generate DIR --seed S --holdout H' then"
                    + " 'synth evaluate --holdout' do it, with the mean, the maximum and how many holdouts cross the bounds (default: ${DEFAULT-VALUE})")
    int privacyHoldouts;

    @Option(names = "--privacy-control",
            description = "with --privacy-holdouts: on N 40/20/40 splits of the players, the tree fitted on the 40 % against a perfect"
                    + " generator (the other 40 %: real players neither trained on nor held out), both attacked with the same 20 % held out")
    boolean privacyControl;

    /** The bounds docs/privacy.md sets for a default model: membership-inference AUC and the closer-to-training share's excess. */
    static final double MAX_AUC = 0.53;
    static final double MAX_SHARE_EXCESS = 0.025;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (data == null) {
            data = Datasets.shared("relational").orElseThrow(() -> new SynthCommand.UserError(
                    "no relational reference in the shared datasets ($" + Datasets.SHARED_ENV + " or ../shared/datasets; see --data)"));
        }
        if (!Files.isDirectory(data)) {
            throw new SynthCommand.UserError("no relational reference at " + data + " (see --data)");
        }
        int workers = threads != null ? Math.max(1, threads) : Parallel.defaultThreads();
        RelationalDataset real = RelationalReader.read(data, null, CsvOptions.defaults()).dataset();
        out.printf(Locale.ROOT, "relational reference: %s; %d cores, %d worker threads%n%n", tableSizes(real),
                Runtime.getRuntime().availableProcessors(), workers);

        out.println("| run | fit ms | sample ms | fit + sample wall ms | CPU ms | QualityReport | Column Shapes | Column Pair Trends"
                + " | Cardinality | Intertable Trends | referential integrity |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int run = 1; run <= runs; run++) {
            long cpu0 = ProcessMeters.cpuNanos();
            long t0 = System.nanoTime();
            RelationalModel model = RelationalSynthesizer.fit(real, spec(), run, workers);
            long t1 = System.nanoTime();
            RelationalDataset synthetic = model.sample(1, run);
            long t2 = System.nanoTime();
            long cpu = ProcessMeters.cpuNanos() - cpu0;
            MultiTableQuality q = MultiTableQualityReport.generate(real, synthetic, SCORING);
            RelationalEvaluation.Integrity integrity = ReferentialIntegrity.check(real, synthetic);
            out.printf(Locale.ROOT, "| seed %d%s | %d | %d | %d | %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n", run, run == 1 ? " (cold)" : "",
                    ms(t1 - t0), ms(t2 - t1), ms(t2 - t0), ms(cpu), q.score(), q.properties().get("Column Shapes"),
                    q.properties().get("Column Pair Trends"), q.properties().get("Cardinality"), q.properties().get("Intertable Trends"),
                    integrity.score());
        }
        if (Files.isDirectory(data.resolve("sdv_hma"))) {
            RelationalDataset hma = RelationalReader.readLike(data.resolve("sdv_hma"), real, CsvOptions.defaults(), false);
            MultiTableQuality q = MultiTableQualityReport.generate(real, hma, SCORING);
            String file = "";
            Path reference = data.resolve("sdv_hma_quality.json");
            if (Files.isRegularFile(reference)) {
                var json = Json.mapper().readTree(Files.readString(reference));
                file = String.format(Locale.ROOT, "; reference file: %.4f, fit %.1f s + sample %.1f s on 2 cores",
                        json.get("score").asDouble(), json.get("fit_seconds").asDouble(), json.get("sample_seconds").asDouble());
            }
            out.printf(Locale.ROOT, "| SDV HMA | | | | | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n%nSDV HMA computed in this run%s.%n",
                    q.score(), q.properties().get("Column Shapes"), q.properties().get("Column Pair Trends"), q.properties().get("Cardinality"),
                    q.properties().get("Intertable Trends"), ReferentialIntegrity.check(real, hma).score(), file);
        }
        singleTableReference(real, workers, out);
        RelationalDataset seqReal = sequences(real, workers, out);
        privacy(real, "", workers, out);
        privacy(seqReal, ", salaries as sequences", workers, out);
        if (privacyHoldouts > 1) {
            holdoutSweep(real, workers, out);
        }
        if (privacyControl) {
            perfectGeneratorControl(real, workers, out);
        }
        if (dpEpsilons.stream().anyMatch(e -> !e.isBlank())) {
            differentialPrivacy(real, out);
        }
        return SynthCommand.EXIT_OK;
    }

    /** The same run's yardstick: the largest table alone, fitted and sampled by the single-table tree model (best of 3). */
    private static void singleTableReference(RelationalDataset real, int workers, PrintWriter out) throws IOException {
        String largest = real.tables().entrySet().stream().max(java.util.Comparator.comparingInt(e -> e.getValue().rowCount()))
                .orElseThrow().getKey();
        var table = real.table(largest);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            SynthesisModel m = SynthesisModel.fit(table, ModelSpec.of("tree"), i, workers, null);
            var g = io.synthline.generator.engine.generation.Generation.prepare(m,
                    io.synthline.generator.engine.generation.GenerationSettings.of(table.rowCount(), i).withThreads(workers));
            g.writeCsv(OutputStream.nullOutputStream(), true, io.synthline.generator.engine.generation.Generation.SILENT);
            best = Math.min(best, System.nanoTime() - t0);
        }
        out.printf(Locale.ROOT, "%nReference in the same run: single-table tree fit + sample of %s alone (%,d rows, all its columns, no"
                + " parent): %d ms (best of 3).%n", largest, table.rowCount(), ms(best));
    }

    /** Salaries as sequences per player ordered by year. */
    private RelationalDataset sequences(RelationalDataset real, int workers, PrintWriter out) {
        RelationalMetadata m = real.metadata();
        RelationalMetadata sequential = m.withTable(m.table("salaries").withSequence(new SequenceSpec(List.of("player_id"), "year")));
        RelationalDataset seqReal = real.withMetadata(sequential);
        long t0 = System.nanoTime();
        RelationalDataset syn = synthetic(seqReal, 1, workers);
        long t1 = System.nanoTime();
        RelationalEvaluation.SequenceQuality s = SequenceMetrics.compare(seqReal, syn).getFirst();
        MultiTableQuality q = MultiTableQualityReport.generate(seqReal, syn, SCORING);
        out.printf(Locale.ROOT, "%nSalaries as sequences per player (order: year), seed 1, fit + sample %d ms: sequence-length KSComplement"
                + " %.4f (mean length real %.2f, synthetic %.2f), inter-arrival KSComplement %.4f, QualityReport %.4f, referential"
                + " integrity %.4f%n%n| salary autocorrelation | real | synthetic | difference |%n|---|---:|---:|---:|%n", ms(t1 - t0),
                s.lengthKsComplement(), s.realMeanLength(), s.syntheticMeanLength(), s.interArrivalKsComplement(), q.score(),
                ReferentialIntegrity.check(seqReal, syn).score());
        for (var a : s.autocorrelation()) {
            out.printf(Locale.ROOT, "| lag %d | %.4f | %.4f | %+.4f |%n", a.lag(), a.real(), a.synthetic(), a.synthetic() - a.real());
        }
        s.transitions().forEach((c, v) -> out.printf(Locale.ROOT, "%ntransitions of %s: similarity %.4f", c, v));
        out.println();
        return seqReal;
    }

    private void privacy(RelationalDataset real, String variant, int workers, PrintWriter out) {
        Entities.Split split = Entities.split(real, holdout, 1);
        RelationalDataset syn = synthetic(split.training(), 1, workers);
        RelationalEvaluation.EntityPrivacy p = EntityPrivacyEvaluation.evaluate(split.training(), syn, split.holdout(), 1, SCORING);
        out.printf(Locale.ROOT, "%nEntity-level privacy%s (a player with his salaries and all-star rows is one record; %,d training,"
                + " %,d held-out players): membership-inference AUC %.4f [%.4f, %.4f]; synthetic players closer to a training player than"
                + " to a held-out one %.4f (baseline %.4f); median DCR synthetic -> training %.4f, holdout -> training %.4f%n",
                variant, p.trainingEntities(), p.holdoutEntities(), p.membershipInference().auc(), p.membershipInference().ci().low(),
                p.membershipInference().ci().high(), p.dcrShare().value(), p.dcrShare().baseline(), p.medianDcrSyntheticToTraining(),
                p.medianDcrHoldoutToTraining());
    }

    /**
     * Entity-level privacy over holdout seeds 1..N, the way the CLI measures one: entities held out,
     * the tree fitted and sampled with the holdout's seed, attacked with the evaluator's default seed.
     */
    private void holdoutSweep(RelationalDataset real, int workers, PrintWriter out) {
        out.printf(Locale.ROOT, "%nEntity-level privacy on %d holdouts (%.0f %% of players held out; model options %s; bounds AUC <= %.2f,"
                + " share <= baseline + %.3f)%n%n| holdout seed | membership-inference AUC | closer-to-training share | baseline"
                + " | QualityReport (training vs synthetic) |%n|---:|---:|---:|---:|---:|%n", privacyHoldouts, 100 * holdout,
                modelOptions.isEmpty() ? "none" : modelOptions, MAX_AUC, MAX_SHARE_EXCESS);
        Sweep sweep = new Sweep();
        for (long seed = 1; seed <= privacyHoldouts; seed++) {
            Entities.Split split = Entities.split(real, holdout, seed);
            RelationalDataset syn = synthetic(split.training(), seed, workers);
            RelationalEvaluation.EntityPrivacy p = attack(split.training(), syn, split.holdout());
            double quality = MultiTableQualityReport.generate(split.training(), syn, SCORING).score();
            sweep.add(p, quality);
            out.printf(Locale.ROOT, "| %d | %.4f | %.4f | %.4f | %.4f |%n", seed, p.membershipInference().auc(), p.dcrShare().value(),
                    p.dcrShare().baseline(), quality);
        }
        out.println();
        out.println(sweep.summary("tree"));
    }

    /**
     * How much of the attacks' signal the model adds: on N seeded 40/20/40 splits of the root
     * entities, the tree fitted on the first 40 % and the other 40 % (real entities in neither the
     * training set nor the holdout, a perfect generator) are attacked with the same 20 % held out.
     */
    private void perfectGeneratorControl(RelationalDataset real, int workers, PrintWriter out) {
        int n = Math.max(1, privacyHoldouts);
        out.printf(Locale.ROOT, "%nPaired control on %d 40/20/40 splits (tree fitted on 40 %% vs a perfect generator: the other 40 %%, real"
                + " players never trained on; both attacked with the same 20 %% held out)%n%n| split seed | tree AUC | tree share"
                + " | perfect generator AUC | perfect generator share | baseline |%n|---:|---:|---:|---:|---:|---:|%n", n);
        Sweep tree = new Sweep();
        Sweep perfect = new Sweep();
        for (long seed = 1; seed <= n; seed++) {
            Entities.Split outer = Entities.split(real, 0.4, seed);
            Entities.Split inner = Entities.split(outer.training(), 1.0 / 3, seed);
            RelationalDataset training = inner.training();
            RelationalDataset syn = synthetic(training, seed, workers);
            RelationalEvaluation.EntityPrivacy t = attack(training, syn, inner.holdout());
            RelationalEvaluation.EntityPrivacy c = attack(training, outer.holdout(), inner.holdout());
            tree.add(t, Double.NaN);
            perfect.add(c, Double.NaN);
            out.printf(Locale.ROOT, "| %d | %.4f | %.4f | %.4f | %.4f | %.4f |%n", seed, t.membershipInference().auc(), t.dcrShare().value(),
                    c.membershipInference().auc(), c.dcrShare().value(), t.dcrShare().baseline());
        }
        out.println();
        out.println(tree.summary("tree"));
        out.println(perfect.summary("perfect generator"));
    }

    /** The tree of these options fitted on {@code training} and sampled at scale 1, both with {@code seed}. */
    private RelationalDataset synthetic(RelationalDataset training, long seed, int workers) {
        return RelationalSynthesizer.fit(training, spec(), seed, workers).sample(1, seed);
    }

    /** Entity-level attacks as {@code synth evaluate --holdout} runs them (the evaluator's default seed). */
    private static RelationalEvaluation.EntityPrivacy attack(RelationalDataset training, RelationalDataset synthetic,
            RelationalDataset holdout) {
        return EntityPrivacyEvaluation.evaluate(training, synthetic, holdout, EvaluationOptions.DEFAULT_SEED, SCORING);
    }

    private static double epsilon(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new SynthCommand.UserError("--dp-epsilon: '" + text + "' is not a number");
        }
    }

    /** Means, maxima and bound crossings of entity-level privacy over several holdouts. */
    private static final class Sweep {
        private final List<Double> auc = new java.util.ArrayList<>();
        private final List<Double> excess = new java.util.ArrayList<>();
        private final List<Double> quality = new java.util.ArrayList<>();

        void add(RelationalEvaluation.EntityPrivacy p, double q) {
            auc.add(p.membershipInference().auc());
            excess.add(p.dcrShare().value() - p.dcrShare().baseline());
            if (!Double.isNaN(q)) {
                quality.add(q);
            }
        }

        String summary(String what) {
            return String.format(Locale.ROOT, "%s: AUC mean %.4f, max %.4f, above %.2f on %d of %d; share minus baseline mean %+.4f, max %+.4f,"
                    + " above %+.3f on %d of %d%s", what, mean(auc), max(auc), MAX_AUC, auc.stream().filter(a -> a > MAX_AUC).count(), auc.size(),
                    mean(excess), max(excess), MAX_SHARE_EXCESS, excess.stream().filter(e -> e > MAX_SHARE_EXCESS).count(), excess.size(),
                    quality.isEmpty() ? "" : String.format(Locale.ROOT, "; QualityReport mean %.4f", mean(quality)));
        }

        private static double mean(List<Double> v) {
            return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        private static double max(List<Double> v) {
            return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    private RelationalSpec spec() {
        return new RelationalSpec(null, modelOptions, null, null);
    }

    /**
     * Public bounds of the Lahman fields, from what the fields can hold (not from the data): birth
     * years and dates of major-league careers, player weights and heights, salaries of the seasons
     * 1985-2016, the two leagues, nine fielding positions and the designated hitter; team codes are
     * left open (learned under DP).
     */
    static final List<io.synthline.commons.api.DeclaredColumn> LAHMAN_DOMAIN = List.of(
            bounds("players.birth_year", 1900, 2000), bounds("players.weight", 100, 400), bounds("players.height", 55, 90),
            dates("players.debut"), dates("players.final_game"), bounds("salaries.year", 1985, 2016),
            bounds("salaries.salary", 0, 40_000_000), categories("salaries.league", "AL", "NL"), bounds("allstar.year", 1985, 2016),
            categories("allstar.league", "AL", "NL"), bounds("allstar.games_played", 0, 1),
            categories("allstar.starting_position", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"));

    private static io.synthline.commons.api.DeclaredColumn bounds(String name, double min, double max) {
        return new io.synthline.commons.api.DeclaredColumn(name, io.synthline.commons.table.ColumnType.INTEGER, null, min, max, null, null);
    }

    private static io.synthline.commons.api.DeclaredColumn dates(String name) {
        return new io.synthline.commons.api.DeclaredColumn(name, io.synthline.commons.table.ColumnType.DATETIME, "uuuu-MM-dd",
                (double) java.time.LocalDate.of(1900, 1, 1).toEpochDay() * 86_400_000L,
                (double) java.time.LocalDate.of(2020, 12, 31).toEpochDay() * 86_400_000L, null, null);
    }

    private static io.synthline.commons.api.DeclaredColumn categories(String name, String... values) {
        return new io.synthline.commons.api.DeclaredColumn(name, io.synthline.commons.table.ColumnType.CATEGORICAL, null, null, null,
                List.of(values), null);
    }

    /** The user-level DP path (players with their salaries and all-star rows flattened), at each epsilon and bound. */
    private void differentialPrivacy(RelationalDataset real, PrintWriter out) {
        out.printf(Locale.ROOT, "%nUser-level DP (mst, delta 1e-9; a player with at most K salary and K all-star rows is one neighbour; public"
                + " bounds declared, team codes learned privately):%n%n| epsilon | K | fit ms | QualityReport | Column Shapes"
                + " | Column Pair Trends | Cardinality | Intertable Trends | referential integrity | epsilon spent |%n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n");
        for (double epsilon : dpEpsilons.stream().filter(e -> !e.isBlank()).map(BenchRelationalCommand::epsilon).toList()) {
            for (int k : dpMaxChildren) {
                long t0 = System.nanoTime();
                var model = io.synthline.generator.engine.relational.PrivateRelationalSynthesizer.fit(real,
                        new io.synthline.generator.engine.relational.PrivateRelationalSynthesizer.Settings("mst", null,
                                new io.synthline.commons.api.PrivacySpec(epsilon, 1e-9, null, null, LAHMAN_DOMAIN), k, null), 1);
                long t1 = System.nanoTime();
                RelationalDataset syn = model.sample(1, 1);
                MultiTableQuality q = MultiTableQualityReport.generate(real, syn, SCORING);
                out.printf(Locale.ROOT, "| %s | %d | %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n", epsilon, k, ms(t1 - t0), q.score(),
                        q.properties().get("Column Shapes"), q.properties().get("Column Pair Trends"), q.properties().get("Cardinality"),
                        q.properties().get("Intertable Trends"), ReferentialIntegrity.check(real, syn).score(), model.privacy().epsilonSpent());
            }
        }
    }

    private static String tableSizes(RelationalDataset d) {
        StringBuilder b = new StringBuilder();
        d.tables().forEach((n, t) -> b.append(b.isEmpty() ? "" : ", ").append(n).append(' ').append(String.format(Locale.ROOT, "%,d", t.rowCount())));
        return b.toString();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
