package io.synthline.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.Problem;
import io.synthline.commons.table.TableSchema;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated generation requests and schemas through the services' JSON reading: each is read, or
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
    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.strings().withChars("{}[]\":,0123456789.-+eE\\ntrufalsu\u0000")
                .ofMaxLength(12), Arbitraries.of("[".repeat(5000), "{\"a\":".repeat(2000), "1".repeat(300), "\"\\u0000\"",
                "1.5", "\"x\"", "null", "true", "-1", "1e999"));
        return Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.integers().between(0, 400), Arbitraries.integers().between(0, 8),
                fragment).as((seed, at, cut, piece) -> {
                    int from = Math.min(at, seed.length());
                    int to = Math.min(seed.length(), from + cut);
                    return seed.substring(0, from) + piece + seed.substring(to);
                });
    }

    @Property(tries = 1500)
    void everyBodyIsReadOrRefusedInTheUsersTerms(@ForAll("mutated") String body) {
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
