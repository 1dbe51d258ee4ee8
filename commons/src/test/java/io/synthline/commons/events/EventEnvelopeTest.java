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
}
