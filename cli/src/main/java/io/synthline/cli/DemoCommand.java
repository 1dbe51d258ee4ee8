package io.synthline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.cli.client.ApiEndpoints;
import io.synthline.cli.platform.DemoRun;
import io.synthline.cli.platform.PlatformLauncher;
import io.synthline.commons.api.AuditEntryView;
import io.synthline.commons.api.EvaluationView;
import io.synthline.stack.Component;
import io.synthline.stack.LocalStack;
import io.synthline.stack.StackConfig;
import io.synthline.stack.StackEndpoints;
import io.synthline.stack.UpResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the local stack and the four services, run a dataset through profile, generation, "
                + "evaluation and audit, print a summary and keep running until Ctrl-C.")
public class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--exit", description = "stop everything this demo started after printing the summary")
    boolean exit;

    @Option(names = "--dataset", paramLabel = "FILE.csv", description = "dataset to upload (default: samples/adult-sample.csv)")
    Path dataset;

    @Option(names = "--rows", defaultValue = "5000", description = "synthetic rows to generate (default: ${DEFAULT-VALUE})")
    long rows;

    @Option(names = "--seed", defaultValue = "42", description = "generation seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--store", defaultValue = "filesystem", paramLabel = "filesystem|s3",
            description = "where the services keep datasets, models and reports: a directory (default) or the bucket of a local S3 server")
    String store;

    @Option(names = "--tenant", defaultValue = "acme", description = "demo tenant: acme or globex (default: ${DEFAULT-VALUE})")
    String tenant;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("synthline.home", ".")).toAbsolutePath().normalize();
        Path csv = dataset != null ? dataset : home.resolve("samples/adult-sample.csv");
        Files2.existing(csv, "dataset");
        if (!StackEndpoints.TENANTS.contains(tenant)) {
            throw new SynthCommand.UserError("--tenant must be one of " + StackEndpoints.TENANTS);
        }

        if (!store.equals("filesystem") && !store.equals("s3")) {
            throw new SynthCommand.UserError("--store must be filesystem or s3, not " + store);
        }
        boolean s3 = store.equals("s3");
        StackConfig config = StackConfig.defaults();
        LocalStack stack = new LocalStack(config, msg -> out.println("  stack: " + msg), s3);
        out.println("Starting the local stack (PostgreSQL, Kafka, Keycloak" + (s3 ? ", S3" : "") + ") in " + config.dataDir() + " ...");
        UpResult up = stack.up();
        Set<Component> startedHere = up.started();
        StackEndpoints endpoints = stack.endpoints();

        out.println("Starting the four services ...");
        PlatformLauncher platform;
        try {
            Map<PlatformLauncher.Service, Integer> oneEach = new java.util.EnumMap<>(PlatformLauncher.Service.class);
            for (PlatformLauncher.Service s : PlatformLauncher.Service.values()) {
                oneEach.put(s, 1);
            }
            platform = PlatformLauncher.start(home, endpoints, config.dataDir().resolve("store"),
                    s3 ? StackEndpoints.asEnvironment(endpoints.s3StoreSettings()) : Map.of(), config.logsDir(),
                    PlatformLauncher.Ports.fromEnvironment(System.getenv()), oneEach, msg -> out.println("  " + msg));
            if (s3) {
                out.println("  dataset store: bucket " + StackEndpoints.S3_BUCKET + " on " + endpoints.s3Url());
            }
        } catch (RuntimeException e) {
            stopStack(stack, startedHere, out);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            out.println("\nStopping the services" + (startedHere.isEmpty() ? "" : " and the stack") + " ...");
            platform.close();
            stopStack(stack, startedHere, out);
            stopped.countDown();
        }, "synth-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        try {
            // the walk goes through the platform address, as a user's CLI or browser would
            DemoRun.Outcome outcome = DemoRun.run(endpoints, ApiEndpoints.single(platform.gatewayUrl()), tenant, csv, rows, seed,
                    msg -> out.println("  " + msg));
            printSummary(out, outcome, platform, endpoints);
        } catch (RuntimeException e) {
            out.println("Demo failed: " + e.getMessage());
            out.println("Service logs: " + config.logsDir());
            Runtime.getRuntime().removeShutdownHook(shutdown);
            shutdown.run();
            return SynthCommand.EXIT_FAILURE;
        }

        if (exit) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            shutdown.run();
            return SynthCommand.EXIT_OK;
        }
        out.println("\nThe platform keeps running. Press Ctrl-C to stop it.");
        out.flush();
        stopped.await();
        return SynthCommand.EXIT_OK;
    }

    private static void stopStack(LocalStack stack, Set<Component> startedHere, PrintWriter out) {
        if (!startedHere.isEmpty()) {
            stack.down(startedHere);
        } else {
            out.println("  (the stack was already running before the demo; left running: synth stack down stops it)");
        }
    }

    private static void printSummary(PrintWriter out, DemoRun.Outcome o, PlatformLauncher platform, StackEndpoints stack) {
        JsonNode d = o.dataset();
        JsonNode g = o.generation();
        EvaluationView e = o.evaluation();
        String url = platform.gatewayUrl();
        out.println();
        out.println("=== Synthline demo summary ===");
        out.println("platform    " + url + "   (API, dashboard and reports; synth login " + url + " --user NAME)");
        out.printf(Locale.ROOT, "dataset     %s  %s: %,d rows x %d columns, profiled%n", d.path("id").asText(),
                d.path("name").asText(), d.path("rowCount").asLong(), d.path("columnCount").asInt());
        out.printf(Locale.ROOT, "generation  %s  model %s, %,d rows, seed %d, sha256 %s%n", g.path("id").asText(),
                g.path("model").asText(), g.path("rows").asLong(), g.path("seed").asLong(),
                g.path("outputSha256").asText().substring(0, 16) + "...");
        out.printf(Locale.ROOT, "evaluation  %s  %s", e.id(), e.status());
        if (e.properties() != null) {
            e.properties().forEach((name, score) -> out.printf(Locale.ROOT, ", %s %.4f", name, score));
        }
        out.println();
        out.println("            report: " + url + "/dashboard/evaluations/" + e.id() + "/report");
        out.printf("audit       %d entries:%n", o.auditEntries().size());
        for (AuditEntryView a : o.auditEntries()) {
            out.printf("              #%-5s %-22s %-48s by %s%n", a.sequence(), a.eventType(), a.subject(), a.actor());
        }
        var api = platform.endpoints();
        out.println("URLs:");
        out.println("  platform     " + url + "   (everything below, routed as the Kubernetes Ingress routes it)");
        out.println("  dashboard    " + url + "/dashboard");
        out.println("  download     " + url + "/api/v1/generations/" + g.path("id").asText() + "/data");
        out.println("  keycloak     " + stack.keycloakUrl() + "   (realm " + stack.realm() + ", demo password '" + StackEndpoints.DEMO_PASSWORD + "')");
        out.println("  services     profiler " + api.profiler() + ", generator " + api.generator() + ", evaluator " + api.evaluator()
                + ", governance " + api.governance() + "   (/q/health, /q/openapi; /q/metrics on each port + 100)");
    }
}
