package io.synthline.commons.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.json.Json;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    @Test
    void serialisesAsStructuredCloudEvent() throws Exception {
        EventEnvelope e = EventEnvelope.create("/synthline/generator", EventType.GENERATION_REQUESTED, "generations/g1",
                "acme", "acme-scientist", new Payloads.GenerationRequested("g1", "d1", "independent", 100, 7));
        JsonNode json = Json.mapper().readTree(e.toJson());
        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("type").asText()).isEqualTo("generation.requested");
        assertThat(json.get("tenant").asText()).isEqualTo("acme");
        assertThat(json.get("actor").asText()).isEqualTo("acme-scientist");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("time").asText()).endsWith("Z");
        assertThat(json.get("data").get("rows").asLong()).isEqualTo(100);

        EventEnvelope back = EventEnvelope.fromJson(e.toJson());
        assertThat(back.toJson()).isEqualTo(e.toJson());
        assertThat(back.dataAs(Payloads.GenerationRequested.class).seed()).isEqualTo(7);
        assertThat(back.is(EventType.GENERATION_REQUESTED)).isTrue();
    }

    @Test
    void everyTypeHasATopicAndUniqueWireName() {
        assertThat(EventType.values()).extracting(EventType::wireName).doesNotHaveDuplicates();
        for (EventType t : EventType.values()) {
            assertThat(Topics.ALL).contains(t.topic());
            assertThat(EventType.fromWireName(t.wireName())).contains(t);
        }
    }

    @Test
    void actorRolesTravelAsAStringExtensionAndOldPayloadsStillRead() throws Exception {
        EventEnvelope e = EventEnvelope.create("/synthline/governance", EventType.GENERATION_APPROVED, "generations/g1",
                "acme", "acme-owner", new Payloads.GenerationApproved("g1", "d1", "restricted", "policy",
                        new Payloads.BudgetReservation("g1", "d1", 0.5, 1e-6), null))
                .withActorRoles(java.util.List.of("tenant-admin", "data-owner"));
        JsonNode json = Json.mapper().readTree(e.toJson());
        assertThat(json.get("actorroles").asText()).isEqualTo("data-owner,tenant-admin");
        assertThat(EventEnvelope.fromJson(e.toJson()).actorRoleList()).containsExactly("data-owner", "tenant-admin");
        assertThat(EventEnvelope.fromJson(e.toJson()).dataAs(Payloads.GenerationApproved.class).reservation().epsilon())
                .isEqualTo(0.5);

        // an event written before the privacy block existed reads with privacy == null
        String old = "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"generation.requested\","
                + "\"tenant\":\"acme\",\"data\":{\"generationId\":\"g\",\"datasetId\":\"d\",\"model\":\"m\",\"rows\":5,\"seed\":1}}";
        Payloads.GenerationRequested req = EventEnvelope.fromJson(old).dataAs(Payloads.GenerationRequested.class);
        assertThat(req.privacy()).isNull();
        assertThat(req.rows()).isEqualTo(5);
        assertThat(EventEnvelope.fromJson(old).actorRoleList()).isEmpty();
    }

    @Test
    void generationCompletedListsTheTablesOfARunOnSeveralTablesAndKeepsTheOneTableShape() throws Exception {
        // one table: the same JSON as before the tables existed, an empty list included
        Payloads.GenerationCompleted one = new Payloads.GenerationCompleted("g1", "d1", "independent", 5, 7, "s", "o", "ab".repeat(32),
                10, null, null, java.util.List.of());
        assertThat(Json.write(one)).isEqualTo(Json.write(new Payloads.GenerationCompleted("g1", "d1", "independent", 5, 7, "s", "o",
                "ab".repeat(32), 10))).doesNotContain("tables");

        Payloads.GenerationCompleted several = new Payloads.GenerationCompleted("g2", "d2", "tree", 30, 7, "s/relational.json",
                "o/relational.json", "cd".repeat(32), 10, null, "h/relational.json", java.util.List.of(
                        new Payloads.GeneratedTable("customers", 10, 6, "ef".repeat(32), 400),
                        new Payloads.GeneratedTable("orders", 20, null, "01".repeat(32), 900)));
        EventEnvelope e = EventEnvelope.create("/synthline/generator", EventType.GENERATION_COMPLETED, "generations/g2", "acme",
                "acme-scientist", several);
        JsonNode data = Json.mapper().readTree(e.toJson()).get("data");
        assertThat(data.at("/tables/1/name").asText()).isEqualTo("orders");
        assertThat(data.at("/tables/1").has("columns")).isFalse();
        assertThat(EventEnvelope.fromJson(e.toJson()).dataAs(Payloads.GenerationCompleted.class)).isEqualTo(several);

        // an event written before the tables existed (in Kafka or an outbox) still reads, with tables == null
        String old = "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"generation.completed\",\"tenant\":\"acme\","
                + "\"data\":{\"generationId\":\"g\",\"datasetId\":\"d\",\"model\":\"tree\",\"rows\":5,\"seed\":1,"
                + "\"outputStorageKey\":\"o\",\"outputSha256\":\"x\",\"durationMillis\":3,\"holdoutStorageKey\":\"h\"}}";
        Payloads.GenerationCompleted read = EventEnvelope.fromJson(old).dataAs(Payloads.GenerationCompleted.class);
        assertThat(read.tables()).isNull();
        assertThat(read.holdoutStorageKey()).isEqualTo("h");
    }
}
