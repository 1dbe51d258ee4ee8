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
}
