package io.synthline.service.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.Problem;
import io.synthline.commons.json.Json;
import io.synthline.commons.table.TableSchema;
import io.synthline.service.http.JsonLimits;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Bodies Jackson cannot read are answered in the user's terms, with the field and the expected kind of value. */
class JsonProblemsTest {
    static final JsonLimits LIMITS = new JsonLimits(64 * 1024, 64);
    static final ObjectMapper MAPPER = LIMITS.configure(Json.configure(JsonMapper.builder().build()));

    record Grant(String grantee, Instant expiresAt) {
    }

    static Problem problem(String json, Class<?> type) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> MAPPER.readValue(json, type));
        assertThat(e).as("reading %s should fail", json).isNotNull();
        Problem p = JsonProblems.describe(e, LIMITS);
        assertThat(p.getDetail()).doesNotContain("java.", "io.synthline", "com.fasterxml", "`", "Exception", "Long", "Instant");
        return p;
    }

    @Test
    void aFractionIsNotAnInteger() {
        Problem p = problem("{\"datasetId\":\"x\",\"rows\":1.5}", GenerationRequest.class);
        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getDetail()).isEqualTo("rows: expected an integer, got 1.5");
        assertThat(p.getExtensions()).containsEntry("field", "rows").containsEntry("expected", "an integer");
    }

    @Test
    void aTextIsNotANumber() {
        assertThat(problem("{\"rows\":\"10\"}", GenerationRequest.class).getDetail())
                .isEqualTo("rows: expected an integer, got a text");
        assertThat(problem("{\"rows\":true}", GenerationRequest.class).getDetail()).startsWith("rows: expected an integer");
    }

    @Test
    void anUnknownColumnTypeListsTheKnownOnes() {
        Problem p = problem("{\"columns\":[{\"name\":\"a\",\"type\":\"BIGNUM\"}]}", TableSchema.class);
        assertThat(p.getDetail()).isEqualTo("columns[0].type: expected one of INTEGER, DECIMAL, BOOLEAN, CATEGORICAL, DATETIME, TEXT, "
                + "IDENTIFIER, got 'BIGNUM'");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        Problem p = problem("{\"columns\":[{\"type\":\"TEXT\"}]}", TableSchema.class);
        assertThat(p.getDetail()).isEqualTo("columns[0].name is required");
    }

    @Test
    void aDateThatIsNotOneSaysWhatADateLooksLike() {
        Problem p = problem("{\"grantee\":\"a\",\"expiresAt\":\"tomorrow\"}", Grant.class);
        assertThat(p.getDetail()).isEqualTo("expiresAt: expected a date-time such as 2026-01-31T00:00:00Z, got 'tomorrow'");
    }

    @Test
    void anUnknownConstraintTypeListsTheKnownOnes() {
        Problem p = problem("{\"constraints\":[{\"type\":\"magic\"}]}", GenerationRequest.class);
        assertThat(p.getDetail()).isEqualTo("constraints[0]: unknown type 'magic'; expected one of fixedCombinations, inequality, "
                + "range, format, unique");
    }

    @Test
    void anObjectWhereAListBelongs() {
        assertThat(problem("{\"conditions\":{\"a\":1}}", GenerationRequest.class).getDetail())
                .isEqualTo("conditions: expected a list, got an object");
    }

    @Test
    void deepNestingIsRefusedWhileParsing() {
        // an unknown field is skipped, not mapped: only the parser's depth limit stops it
        String deep = "{\"rows\":1,\"x\":" + "{\"x\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}";
        Problem p = problem(deep, GenerationRequest.class);
        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getType()).endsWith("/json-too-deep");
        assertThat(p.getDetail()).isEqualTo("the body is nested deeper than 64 levels of objects and lists");
        // inside a value of the body too, where the mapper wraps the parser's complaint
        String inner = "{\"columns\":[{\"name\":\"a\",\"type\":\"TEXT\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}]}";
        assertThat(problem(inner, TableSchema.class).getType()).endsWith("/json-too-deep");
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        String big = "{\"x\":[" + "\"abcdefgh\",".repeat(10_000) + "1]}";
        Problem p = problem(big, GenerationRequest.class);
        assertThat(p.getStatus()).isEqualTo(413);
        assertThat(p.getExtensions()).containsEntry("limitBytes", 64L * 1024);
    }

    @Test
    void brokenJsonSaysWhere() {
        Problem p = problem("{\"rows\": 10,\n \"model\": }", GenerationRequest.class);
        assertThat(p.getType()).endsWith("/invalid-json");
        assertThat(p.getDetail()).startsWith("the body is not valid JSON at line 2, column");
        assertThat(problem("{\"rows\": 10", GenerationRequest.class).getDetail()).contains("ends too early");
        assertThat(problem("{\"rows\": 10} trailing", GenerationRequest.class).getStatus()).isEqualTo(400);
    }

    @Test
    void aNulCharacterInATextIsRefused() {
        assertThat(problem("{\"datasetId\":\"a\\u0000b\"}", GenerationRequest.class).getDetail())
                .isEqualTo("datasetId: a text must not contain NUL characters");
    }

    @Test
    void validBodiesStillRead() throws Exception {
        GenerationRequest r = MAPPER.readValue("{\"datasetId\":\"d\",\"rows\":10,\"seed\":3,\"modelOptions\":{\"minLeaf\":5}}",
                GenerationRequest.class);
        assertThat(r.rows()).isEqualTo(10L);
        assertThat(r.modelOptions()).containsEntry("minLeaf", "5");
    }
}
