package io.synthline.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.Problem;
import io.synthline.commons.table.TableSchema;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of generation requests and schemas through the services' JSON reading: each is read, or
 * refused with a 4xx problem in the user's terms; never another exception (a 500), never a class
 * name, never without end (the bound is loose: machines running tests are often busy).
 */
class RequestParsersFuzzTest {
    static final List<String> SEEDS = List.of(
            "{\"datasetId\":\"3f2c1e0a-5b7d-4c3e-9a1f-2b6d8e4f0a1c\",\"rows\":100,\"seed\":7,\"model\":\"tree\","
                    + "\"modelOptions\":{\"minLeaf\":\"5\"},\"conditions\":[{\"column\":\"age\",\"equals\":\"40\"}],"
                    + "\"constraints\":[{\"type\":\"range\",\"column\":\"age\",\"min\":0,\"max\":120}],"
                    + "\"output\":{\"format\":\"csv\",\"provenanceColumns\":true},\"privacy\":{\"epsilon\":1.0,\"delta\":1e-6},\"holdout\":0.2}",
            "{\"columns\":[{\"name\":\"age\",\"type\":\"INTEGER\"},{\"name\":\"when\",\"type\":\"DATETIME\",\"format\":\"yyyy-MM-dd\"}]}");

    /** A seed with a few characters replaced, inserted or deleted, or a deep or long fragment spliced in. */
    static final String CHARS = "{}[]\":,0123456789.-+eE\\ntrufalsu\u0000";
    static final List<String> PIECES = List.of("[".repeat(5000), "{\"a\":".repeat(2000), "1".repeat(300), "\"\\u0000\"", "1.5",
            "\"x\"", "null", "true", "-1", "1e999");

    static String mutated(Random random) {
        String seed = SEEDS.get(random.nextInt(SEEDS.size()));
        String piece;
        if (random.nextBoolean()) {
            StringBuilder chars = new StringBuilder();
            for (int n = random.nextInt(13); n > 0; n--) {
                chars.append(CHARS.charAt(random.nextInt(CHARS.length())));
            }
            piece = chars.toString();
        } else {
            piece = PIECES.get(random.nextInt(PIECES.size()));
        }
        int from = Math.min(random.nextInt(401), seed.length());
        int to = Math.min(seed.length(), from + random.nextInt(9));
        return seed.substring(0, from) + piece + seed.substring(to);
    }

    @Test
    void everyBodyIsReadOrRefusedInTheUsersTerms() {
        Random random = new Random(20261205);
        for (int i = 0; i < 1500; i++) {
            readOrRefused(mutated(random));
        }
    }

    void readOrRefused(String body) {
        for (Class<?> type : List.of(GenerationRequest.class, TableSchema.class)) {
            long t0 = System.nanoTime();
            try {
                JsonProblemsTest.MAPPER.readValue(body, type);
            } catch (JsonProcessingException e) {
                Problem p = JsonProblems.describe(e, JsonProblemsTest.LIMITS);
                assertThat(p.getStatus()).isBetween(400, 499);
                assertThat(p.getDetail()).isNotBlank().doesNotContain("java.", "io.synthline", "com.fasterxml", "`", "Exception");
            } catch (RuntimeException e) {
                // a record's own check (e.g. a required field) surfaces wrapped; anything else is a bug
                throw new AssertionError("reading " + type.getSimpleName() + " failed outside Jackson: " + e, e);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        }
    }
}
