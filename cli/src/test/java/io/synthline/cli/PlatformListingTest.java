package io.synthline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The text tables of {@code synth datasets} and {@code synth runs}, from the services' JSON, including absent fields. */
class PlatformListingTest {
    private static final String DATASETS = """
            [{"id":"d1","name":"adult census with a rather long name","owner":"acme-scientist","status":"PROFILED","sizeBytes":10,
              "rowCount":32561,"columnCount":15,"createdAt":"2026-01-02T03:04:05Z","extra":1},
             {"id":"d2","name":"fresh","owner":null,"status":"UPLOADED","sizeBytes":1,"rowCount":null,"createdAt":null}]""";

    private static final String RUNS = """
            [{"id":"r1","datasetId":"d1","status":"RUNNING","model":"gaussian-copula-long","rows":2000,"seed":1,"rowsDone":500,
              "releaseStatus":null,"createdAt":"2026-01-02T03:04:05Z"},
             {"id":"r2","datasetId":"gone","status":"COMPLETED","model":"mst","rows":10,"seed":2,"releaseStatus":"RELEASED",
              "createdAt":"2026-01-03T00:00:00Z"}]""";

    private static String print(Consumer<PrintWriter> printer) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            printer.accept(out);
        }
        return text.toString();
    }

    private static JsonNode json(String text) {
        return Json.read(text, JsonNode.class);
    }

    @Test
    void datasetsPrintAsBefore() {
        String printed = print(out -> PlatformCommands.Datasets.printDatasets(json(DATASETS), out));
        assertThat(printed).isEqualTo(EXPECTED_DATASETS);
        assertThat(print(out -> PlatformCommands.Datasets.printDatasets(json("[]"), out))).contains("(no datasets yet");
    }

    @Test
    void runsPrintAsBefore() {
        String printed = print(out -> PlatformCommands.Runs.printRuns(json(RUNS), json(DATASETS), out));
        assertThat(printed).isEqualTo(EXPECTED_RUNS);
    }

    // as printed from the JSON trees before the typed views (an explicit null owner printed as "null" then too)
    static final String EXPECTED_DATASETS = """
            DATASET                               NAME                               ROWS  COLS  UPLOADED          OWNER              STATUS
            d1                                    adult census with a rather …     32,561    15  %s  acme-scientist     PROFILED
            d2                                    fresh                                 0     0  -                 null               UPLOADED
            """.formatted(PlatformCommands.when(Instant.parse("2026-01-02T03:04:05Z")));
    static final String EXPECTED_RUNS = """
            RUN                                   DATASET                  MODEL              ROWS  STATUS           RELEASE      REQUESTED
            r1                                    adult census with a rat… gaussian-co…      2,000  RUNNING 25%%      -            %s
            r2                                    gone                     mst                  10  COMPLETED        RELEASED     %s
            """.formatted(PlatformCommands.when(Instant.parse("2026-01-02T03:04:05Z")),
            PlatformCommands.when(Instant.parse("2026-01-03T00:00:00Z")));
}
