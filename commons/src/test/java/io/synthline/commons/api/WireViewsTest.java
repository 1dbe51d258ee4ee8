package io.synthline.commons.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The views that replaced ad-hoc maps and service-private records in the REST answers write the
 * JSON those wrote (the CLI, the dashboard and the ITs read these fields by name).
 */
class WireViewsTest {

    static JsonNode json(Object value) {
        return Json.mapper().valueToTree(value);
    }

    @Test
    void theSmallAnswersKeepTheirFields() {
        assertThat(json(new StatusView("updated"))).isEqualTo(json(Map.of("status", "updated")));
        assertThat(json(new RevocationView(2))).isEqualTo(json(Map.of("revoked", 2)));
        assertThat(json(new AcknowledgementView(true))).isEqualTo(json(Map.of("acknowledged", true)));
        assertThat(json(new ReevaluationView("r-1", "g-1"))).isEqualTo(json(Map.of("requestId", "r-1", "generationId", "g-1")));
        Map<String, String> pems = new LinkedHashMap<>();
        pems.put("k2", "-----BEGIN PUBLIC KEY-----");
        pems.put("k1", "-----BEGIN PUBLIC KEY-----");
        assertThat(json(new AuditKeysView("k2", "Ed25519", pems)))
                .isEqualTo(json(Map.of("currentKeyId", "k2", "algorithm", "Ed25519", "keys", pems)));
    }

    @Test
    void grantsAlertsAndEvaluationsKeepTheirFieldNames() {
        UUID id = UUID.fromString("00000000-0000-4000-8000-000000000001");
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        assertThat(fieldNames(json(new AccessGrantView(7, id, "bob", "research", t, "alice", t, t, "alice"))))
                .containsExactly("id", "datasetId", "grantee", "purpose", "expiresAt", "grantedBy", "grantedAt", "revokedAt", "revokedBy");
        assertThat(json(new AccessGrantView(7, id, "bob", "research", t, "alice", t, null, null)).path("expiresAt").asText())
                .isEqualTo("2026-01-02T03:04:05Z");
        assertThat(fieldNames(json(new AlertView(id, "budget-nearly-spent", "warning", "datasets/x", "m", t, t, "alice"))))
                .containsExactly("id", "kind", "severity", "resource", "message", "raisedAt", "acknowledgedAt", "acknowledgedBy");
        EvaluationView.Settings settings = new EvaluationView.Settings("income", List.of("sex"), List.of(), "profile", "none",
                List.of("QUALITY", "PRIVACY"), List.of());
        JsonNode evaluation = json(new EvaluationView("e", "g", "d", null, "COMPLETED", 0.9, Map.of("Column Shapes", 0.93), Map.of(),
                settings, null, t, null, null));
        assertThat(fieldNames(evaluation)).containsExactly("id", "generationId", "datasetId", "status", "score", "properties",
                "summary", "settings", "createdAt");
        assertThat(evaluation.path("settings").path("sections").toString()).isEqualTo("[\"QUALITY\",\"PRIVACY\"]");
        assertThat(Json.mapper().convertValue(evaluation, EvaluationView.class)).isEqualTo(new EvaluationView("e", "g", "d", null,
                "COMPLETED", 0.9, Map.of("Column Shapes", 0.93), Map.of(), settings, null, t, null, null));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
