package io.synthline.governance.testing;

import static io.restassured.RestAssured.given;

import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.stack.testing.LocalStackTestResource;
import io.synthline.stack.testing.TestKafka;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Plays the other services (events on Kafka), reads governance's audit table and its API as a platform admin naming a tenant. */
public final class AuditTestSupport {
    private AuditTestSupport() {
    }

    /** A tenant of its own per test, so that tampering with one chain never touches another test's. */
    public static String freshTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static List<EventEnvelope> datasetEvents(String tenant, int n) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            events.add(EventEnvelope.create("/synthline/profiler", EventType.DATASET_REGISTERED, "datasets/" + id, tenant,
                    tenant + "-owner", new Payloads.DatasetRegistered(id, "d" + i, tenant + "/datasets/" + id + "/data.csv",
                            "ab".repeat(32), 1000 + i, tenant + "-owner", "internal"))
                    .withActorRoles(List.of("data-owner")));
        }
        return events;
    }

    public static void publish(List<EventEnvelope> events) {
        for (EventEnvelope e : events) {
            TestKafka.publish(EventType.fromWireName(e.type()).orElseThrow().topic(), e.subject(), e.toJson());
        }
    }

    /**
     * Event types of a tenant's chain in chain order, read from the database: reading them through
     * the API as a platform admin would itself be recorded in the chain (docs/security.md).
     */
    public static List<String> entries(String tenant) {
        return query("SELECT event_type FROM audit_entry WHERE tenant = ? ORDER BY chain_index", tenant);
    }

    /** Chain indexes of a tenant's entries, in chain order (from the database, like {@link #entries}). */
    public static List<String> chainIndexes(String tenant) {
        return query("SELECT chain_index::text FROM audit_entry WHERE tenant = ? ORDER BY chain_index", tenant);
    }

    /** Event types audited for one subject of a tenant, in chain order. */
    public static List<String> types(String tenant, String subject) {
        return query("SELECT event_type FROM audit_entry WHERE tenant = ? AND subject = ? ORDER BY chain_index", tenant, subject);
    }

    private static List<String> query(String sql, String... parameters) {
        try (java.sql.Connection c = GovernanceStackResource.superuser(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<String> types = new ArrayList<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
            return types;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int awaitEntries(String tenant, int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int seen = entries(tenant).size();
        while (seen < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            seen = entries(tenant).size();
        }
        return seen;
    }

    public static JsonPath verify(String tenant) {
        return given().auth().oauth2(LocalStackTestResource.serviceToken()).queryParam("tenant", tenant)
                .when().get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    public static void checkpointNow() {
        given().auth().oauth2(LocalStackTestResource.serviceToken()).when().post("/api/v1/audit/checkpoints").then().statusCode(200);
    }
}
