package io.synthline.cli.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.api.GovernedGenerationView;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.json.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Follows a run on the platform until its output is released (or until it cannot be: refused,
 * failed, cancelled, quarantined), showing each phase on one progress line: the policy decision,
 * the owner's approval, generation with rows done, the evaluation and the release gate.
 */
public final class RunWatch {
    /** The run ended without a released output; the message says why and what can be done. */
    public static final class NotReleased extends RuntimeException {
        public NotReleased(String message) {
            super(message);
        }
    }

    private final ApiClient client;
    private final PrintWriter log;
    private final boolean console;
    private String shown = "";

    public RunWatch(ApiClient client, PrintWriter log, boolean console) {
        this.client = client;
        this.log = log;
        this.console = console;
    }

    /**
     * Waits until the run's output is released (released by the gate or overridden by an owner) and
     * returns the generator's view of it.
     *
     * @throws NotReleased when it was refused, failed, was cancelled or quarantined
     */
    public JsonNode awaitRelease(String runId, Duration patience) {
        long t0 = System.nanoTime();
        long deadline = t0 + patience.toNanos();
        while (true) {
            JsonNode g = client.generation(runId);
            String status = g.path("status").asText();
            String release = g.path("releaseStatus").isTextual() ? g.path("releaseStatus").asText() : null;
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            switch (status) {
                case "FAILED", "CANCELLED", "REFUSED" -> {
                    finish();
                    throw new NotReleased(ended(runId, status, g));
                }
                default -> {
                }
            }
            if ("RELEASED".equals(release) || "OVERRIDDEN".equals(release)) {
                show(String.format(Locale.ROOT, "run %s %s after %d s", runId, release.equals("RELEASED")
                        ? "released: the evaluation passed the release gate" : "released by an owner's override", seconds));
                finish();
                return g;
            }
            if ("QUARANTINED".equals(release) && !overriddenAtGovernance(runId)) {
                finish();
                throw new NotReleased(quarantinedMessage(runId));
            }
            show(phase(runId, status, g, seconds));
            if (System.nanoTime() > deadline) {
                finish();
                throw new NotReleased("run " + runId + " is still " + status.toLowerCase(Locale.ROOT) + " after " + patience.toSeconds()
                        + " s; it goes on on the platform: follow it with synth runs, fetch it later with synth download " + runId);
            }
            sleep(console ? 500 : 1000);
        }
    }

    /**
     * Governance decides releases and the generator learns of them by event: right after an owner's
     * override the generator may still say quarantined, while governance already says overridden.
     */
    private boolean overriddenAtGovernance(String runId) {
        GovernedGenerationView gov = governedOrNull(runId);
        return gov != null && "OVERRIDDEN".equals(gov.releaseStatus());
    }

    private String phase(String runId, String status, JsonNode g, long seconds) {
        return switch (status) {
            case "REQUESTED" -> String.format(Locale.ROOT, "run %s: waiting for governance's policy decision (%d s)", runId, seconds);
            case "PENDING_APPROVAL" -> String.format(Locale.ROOT, "run %s: waiting for the data owner's approval%s (%d s)", runId,
                    reasonSuffix(runId), seconds);
            case "RUNNING" -> {
                long done = g.path("rowsDone").asLong(0);
                long rows = Math.max(1, g.path("rows").asLong(1));
                yield String.format(Locale.ROOT, "run %s: generating %s %,d / %,d rows (%d s)", runId, bar(done, rows), done, rows, seconds);
            }
            case "COMPLETED" -> String.format(Locale.ROOT, "run %s: generated; evaluating, then the release gate decides (%d s)",
                    runId, seconds);
            default -> String.format(Locale.ROOT, "run %s: %s (%d s)", runId, status.toLowerCase(Locale.ROOT), seconds);
        };
    }

    private String pendingReason;

    /** Why an approval is needed, asked once from governance. */
    private String reasonSuffix(String runId) {
        if (pendingReason == null) {
            try {
                String r = client.governedGeneration(runId).decisionReason();
                pendingReason = r == null || r.isBlank() ? "" : ": " + r;
            } catch (ApiException e) {
                pendingReason = "";
            }
        }
        return pendingReason;
    }

    private String ended(String runId, String status, JsonNode g) {
        String why = g.path("error").asText("");
        if ("REFUSED".equals(status)) {
            GovernedGenerationView gov = governedOrNull(runId);
            if (gov != null) {
                why = gov.decisionReason() != null ? gov.decisionReason() : why;
                if (gov.decidedBy() != null) {
                    why += " (decided by " + gov.decidedBy() + ")";
                }
            }
        }
        return "run " + runId + " " + status.toLowerCase(Locale.ROOT) + (why.isBlank() ? "" : ": " + why) + "; nothing was released";
    }

    /** The quarantine message: the gate's reason, its failed checks and how an owner can release the run anyway. */
    public String quarantinedMessage(String runId) {
        GovernedGenerationView gov = governedOrNull(runId);
        StringBuilder sb = new StringBuilder("run ").append(runId).append(" was quarantined by the release gate");
        if (gov != null) {
            if (gov.releaseReason() != null) {
                sb.append(": ").append(gov.releaseReason());
            }
            for (Payloads.GateCheck c : releaseChecks(gov)) {
                if (!c.passed()) {
                    sb.append(String.format(Locale.ROOT, "%n  failed check: %s = %s, the gate needs %s %s", c.metric(),
                            c.value() == null ? "not measured" : number(c.value()), "max".equals(c.comparator()) ? "<=" : ">=",
                            number(c.threshold())));
                }
            }
            if (gov.evaluationId() != null) {
                sb.append("\n  the evaluation: synth report ").append(runId);
            }
        }
        sb.append("\n  nothing was downloaded. A data owner of the dataset (or a tenant admin) can release it anyway, with a written")
                .append(" justification that goes into the audit trail:\n    synth approve ").append(runId)
                .append(" --override --justification \"...\"\n  or in the dashboard: Approvals, Quarantined releases.");
        return sb.toString();
    }

    private static String number(double n) {
        return String.format(Locale.ROOT, "%.4g", n);
    }

    /** The release gate's checks (none before the gate decided). */
    static List<Payloads.GateCheck> releaseChecks(GovernedGenerationView gov) {
        return gov.releaseChecks() == null || !gov.releaseChecks().isArray() ? List.of()
                : Json.mapper().convertValue(gov.releaseChecks(), new TypeReference<List<Payloads.GateCheck>>() { });
    }

    private GovernedGenerationView governedOrNull(String runId) {
        try {
            return client.governedGeneration(runId);
        } catch (ApiException e) {
            return null;
        }
    }

    private static String bar(long done, long total) {
        int width = 20;
        int filled = (int) Math.min(width, done * width / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    private void show(String line) {
        if (console) {
            log.print("\r" + line + " ".repeat(Math.max(0, shown.length() - line.length())));
            log.flush();
            shown = line;
        } else if (!strip(line).equals(strip(shown))) {
            log.println("synth: " + line);
            shown = line;
        }
    }

    /** A phase without its timer and row counts: a new line only when the phase changes. */
    private static String strip(String line) {
        return line.replaceAll("\\(\\d+ s\\)|\\[[#.]*\\][^()]*", "");
    }

    private void finish() {
        if (console && !shown.isEmpty()) {
            log.println();
        }
        shown = "";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
