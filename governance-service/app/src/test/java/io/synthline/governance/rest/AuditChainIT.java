package io.synthline.governance.rest;

import static io.synthline.governance.testing.AuditTestSupport.awaitEntries;
import static io.synthline.governance.testing.AuditTestSupport.checkpointNow;
import static io.synthline.governance.testing.AuditTestSupport.datasetEvents;
import static io.synthline.governance.testing.AuditTestSupport.freshTenant;
import static io.synthline.governance.testing.AuditTestSupport.publish;
import static io.synthline.governance.testing.AuditTestSupport.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.synthline.governance.testing.GovernanceStackResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Tamper evidence on the real PostgreSQL: a superuser who bypasses the append-only trigger edits,
 * deletes and reorders rows directly in SQL, and {@code GET /api/v1/audit/verify} names the first
 * broken link each time.
 */
@QuarkusTest
@QuarkusTestResource(GovernanceStackResource.class)
class AuditChainIT {
    static final int ENTRIES = 6;

    @Test
    void anIntactChainVerifiesWithItsCheckpoint() throws Exception {
        String tenant = seeded("intact");
        checkpointNow();
        JsonPath r = verify(tenant);
        assertThat(r.getBoolean("chain.valid")).isTrue();
        assertThat(r.getLong("chain.entriesChecked")).isEqualTo(ENTRIES);
        assertThat(r.getLong("chain.checkpointsChecked")).isGreaterThanOrEqualTo(1);
        assertThat(r.getLong("chain.lastIndex")).isEqualTo(ENTRIES);
        assertThat(r.getString("chain.firstBreak")).isNull();
    }

    @Test
    void aTamperedRowIsDetected() throws Exception {
        String tenant = seeded("tamper");
        bypassingTrigger(c -> update(c, "UPDATE audit_entry SET data_json = replace(data_json, '\"sizeBytes\":1002', '\"sizeBytes\":9') "
                + "WHERE tenant = ? AND chain_index = 3", tenant));
        JsonPath r = verify(tenant);
        assertThat(r.getBoolean("chain.valid")).isFalse();
        assertThat(r.getLong("chain.firstBreak.chainIndex")).isEqualTo(3);
        assertThat(r.getString("chain.firstBreak.problem")).isEqualTo("content-altered");
        assertThat(r.getList("chain.breaks")).hasSize(1);
    }

    @Test
    void aTamperedRowWhoseHashWasRecomputedBreaksTheNextLink() throws Exception {
        String tenant = seeded("rehash");
        // the forger also rewrites the stored hash (any 64 hex digits do: the next entry still points at the old one)
        bypassingTrigger(c -> update(c, "UPDATE audit_entry SET actor = 'mallory', entry_hash = repeat('f', 64) "
                + "WHERE tenant = ? AND chain_index = 2", tenant));
        JsonPath r = verify(tenant);
        assertThat(r.getList("chain.breaks.problem")).contains("link-broken");
        assertThat(r.getLong("chain.firstBreak.chainIndex")).isEqualTo(2);
    }

    @jakarta.inject.Inject
    io.synthline.governance.service.Monitoring monitoring;

    @Test
    void aDeletedRowIsDetectedAndTheMonitorRaisesAnAlert() throws Exception {
        String tenant = seeded("delete");
        bypassingTrigger(c -> update(c, "DELETE FROM audit_entry WHERE tenant = ? AND chain_index = 4", tenant));
        JsonPath r = verify(tenant);
        assertThat(r.getBoolean("chain.valid")).isFalse();
        assertThat(r.getLong("chain.firstBreak.chainIndex")).isEqualTo(4);
        assertThat(r.getString("chain.firstBreak.problem")).isEqualTo("entry-missing");

        assertThat(monitoring.verifyAllChains().await().atMost(Duration.ofSeconds(60))).isPositive();
        try (Connection c = GovernanceStackResource.superuser();
                PreparedStatement ps = c.prepareStatement("SELECT kind, severity, message FROM alert WHERE tenant = ?")) {
            ps.setString(1, tenant);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).as("an alert for the broken chain").isTrue();
                assertThat(rs.getString(1)).isEqualTo("audit-chain-broken");
                assertThat(rs.getString(2)).isEqualTo("critical");
                assertThat(rs.getString(3)).contains("entry 4", "entry-missing");
            }
        }
    }

    @Test
    void twoReorderedRowsAreDetected() throws Exception {
        String tenant = seeded("reorder");
        bypassingTrigger(c -> {
            update(c, "UPDATE audit_entry SET chain_index = -2 WHERE tenant = ? AND chain_index = 2", tenant);
            update(c, "UPDATE audit_entry SET chain_index = 2 WHERE tenant = ? AND chain_index = 3", tenant);
            update(c, "UPDATE audit_entry SET chain_index = 3 WHERE tenant = ? AND chain_index = -2", tenant);
        });
        JsonPath r = verify(tenant);
        assertThat(r.getBoolean("chain.valid")).isFalse();
        assertThat(r.getLong("chain.firstBreak.chainIndex")).isEqualTo(2);
        assertThat(r.getString("chain.firstBreak.problem")).isEqualTo("content-altered");
    }

    @Test
    void aDeletedLastRowIsCaughtByTheSignedCheckpoint() throws Exception {
        String tenant = seeded("truncate");
        checkpointNow();
        bypassingTrigger(c -> update(c, "DELETE FROM audit_entry WHERE tenant = ? AND chain_index = " + ENTRIES, tenant));
        JsonPath r = verify(tenant);
        assertThat(r.getBoolean("chain.valid")).isFalse();
        assertThat(r.getString("chain.firstBreak.problem")).isEqualTo("chain-truncated");
        assertThat(r.getLong("chain.firstBreak.chainIndex")).isEqualTo(ENTRIES);
    }

    @Test
    void theServiceRunsAsARoleThatCannotRewriteHistory() throws Exception {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class))
                .isEqualTo(GovernanceStackResource.RUNTIME_USER);
        String tenant = seeded("privileges");
        try (Connection runtime = GovernanceStackResource.runtimeRole()) {
            for (String sql : new String[] {"UPDATE audit_entry SET actor = 'x' WHERE tenant = ?",
                    "DELETE FROM audit_entry WHERE tenant = ?", "UPDATE audit_checkpoint SET signature = 'x' WHERE tenant = ?"}) {
                assertThatThrownBy(() -> update(runtime, sql, tenant)).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
            assertThatThrownBy(() -> runtime.createStatement().execute("TRUNCATE audit_entry"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
        try (Connection owner = GovernanceStackResource.superuser()) {
            // the owner has the privileges, but the trigger still refuses
            assertThatThrownBy(() -> update(owner, "DELETE FROM audit_entry WHERE tenant = ?", tenant))
                    .hasMessageContaining("append-only");
            try (Statement s = owner.createStatement();
                    var rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = 'governance' AND usename = '"
                            + GovernanceStackResource.RUNTIME_USER + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("connections of the service as the runtime role").isPositive();
            }
        }
        assertThat(verify(tenant).getBoolean("chain.valid")).isTrue();
    }

    @Test
    void anExportedBundleVerifiesOfflineAndATamperedChainDoesNot() throws Exception {
        String tenant = seeded("export");
        checkpointNow();
        byte[] zip = io.restassured.RestAssured.given().auth().oauth2(io.synthline.stack.testing.LocalStackTestResource.serviceToken())
                .queryParam("tenant", tenant).queryParam("reason", "evidence for the chain test").when().get("/api/v1/audit/export")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        io.synthline.governance.engine.audit.EvidenceBundle bundle = io.synthline.governance.engine.audit.EvidenceBundle.read(zip);
        assertThat(bundle.entries()).hasSize(ENTRIES);
        assertThat(bundle.verify(java.util.Map.of()).valid()).isTrue();
        // the export is audited too, after the bundle's range: audit.exported, and the platform admin's access to the tenant
        assertThat(awaitEntries(tenant, ENTRIES + 2, Duration.ofSeconds(60))).isEqualTo(ENTRIES + 2);

        bypassingTrigger(c -> update(c, "UPDATE audit_entry SET outcome = 'failure' WHERE tenant = ? AND chain_index = 5", tenant));
        byte[] after = io.restassured.RestAssured.given().auth().oauth2(io.synthline.stack.testing.LocalStackTestResource.serviceToken())
                .queryParam("tenant", tenant).queryParam("reason", "evidence for the chain test").when().get("/api/v1/audit/export")
                .then().statusCode(200).extract().asByteArray();
        io.synthline.governance.engine.audit.EvidenceBundle.Verification v =
                io.synthline.governance.engine.audit.EvidenceBundle.read(after).verify(java.util.Map.of());
        assertThat(v.valid()).isFalse();
        assertThat(v.chain().firstBreak().chainIndex()).isEqualTo(5);
    }

    /**
     * Offsets are committed only after the database commit, and failures are retried rather than
     * dead-lettered: while the runtime role may not insert, nothing is recorded; once the grant is
     * back, every event appears exactly once.
     */
    @Test
    void aFailingDatabaseDelaysTheTrailButLosesNothing() throws Exception {
        String tenant = freshTenant("outage");
        try (Connection owner = GovernanceStackResource.superuser(); Statement s = owner.createStatement()) {
            s.execute("REVOKE INSERT ON audit_entry FROM " + GovernanceStackResource.RUNTIME_USER);
            try {
                publish(datasetEvents(tenant, ENTRIES));
                Thread.sleep(4000);
                assertThat(io.synthline.governance.testing.AuditTestSupport.entries(tenant)).isEmpty();
            } finally {
                s.execute("GRANT INSERT ON audit_entry TO " + GovernanceStackResource.RUNTIME_USER);
            }
            assertThat(awaitEntries(tenant, ENTRIES, Duration.ofSeconds(90))).isEqualTo(ENTRIES);
            Thread.sleep(1000);
            try (var rs = s.executeQuery("SELECT count(*), count(DISTINCT event_id) FROM audit_entry WHERE tenant = '" + tenant + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(ENTRIES);
                assertThat(rs.getInt(2)).isEqualTo(ENTRIES);
            }
        }
        assertThat(verify(tenant).getBoolean("chain.valid")).isTrue();
    }

    private static String seeded(String prefix) throws InterruptedException {
        String tenant = freshTenant(prefix);
        publish(datasetEvents(tenant, ENTRIES));
        assertThat(awaitEntries(tenant, ENTRIES, Duration.ofSeconds(60))).isEqualTo(ENTRIES);
        return tenant;
    }

    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /** What only a superuser can do: switch off triggers for the session (session_replication_role = replica). */
    private static void bypassingTrigger(SqlWork work) throws SQLException {
        try (Connection c = GovernanceStackResource.superuser()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
            }
            work.run(c);
        }
    }

    private static void update(Connection c, String sql, String tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.executeUpdate();
        }
    }
}
