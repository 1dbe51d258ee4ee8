package io.synthline.evaluator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for tests: scripts/ensure-browser.sh installs Debian's chromium and npm's
 * playwright-core if missing, then screenshot.js opens a page, measures its charts and takes a
 * screenshot.
 */
final class BrowserHarness {
    static final Path REPO = Path.of("../..");

    private BrowserHarness() {
    }

    static JsonNode screenshot(Path html, Path png) throws IOException, InterruptedException {
        Map<String, String> tools = ensureBrowser();
        Path script = Path.of("target/screenshot.js");
        try (InputStream in = BrowserHarness.class.getResourceAsStream("report/screenshot.js")) {
            Files.write(script, in.readAllBytes());
        }
        ProcessBuilder pb = new ProcessBuilder("node", script.toAbsolutePath().toString(), tools.get("CHROMIUM"),
                html.toAbsolutePath().toString(), png.toAbsolutePath().toString());
        pb.environment().put("NODE_PATH", tools.get("NODE_PATH"));
        String out = run(pb, 180);
        return Json.mapper().readTree(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("no result from screenshot.js: " + out)));
    }

    private static Map<String, String> ensureBrowser() throws IOException, InterruptedException {
        String out = run(new ProcessBuilder("bash", REPO.resolve("scripts/ensure-browser.sh").toString()), 900);
        Map<String, String> tools = new HashMap<>();
        for (String line : out.lines().toList()) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                tools.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        for (String key : List.of("CHROMIUM", "NODE_PATH")) {
            if (!tools.containsKey(key)) {
                throw new AssertionError("scripts/ensure-browser.sh did not report " + key + ": " + out);
            }
        }
        return tools;
    }

    private static String run(ProcessBuilder pb, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("browser", ".log");
        pb.redirectError(log.toFile());
        Process p = pb.start();
        byte[] stdout = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + pb.command());
        }
        String err = Files.readString(log);
        Files.deleteIfExists(log);
        if (p.exitValue() != 0) {
            throw new AssertionError(pb.command() + " failed with " + p.exitValue() + ": " + err);
        }
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
