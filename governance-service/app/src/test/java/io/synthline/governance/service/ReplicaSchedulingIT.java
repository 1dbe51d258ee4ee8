package io.synthline.governance.service;

import static io.synthline.governance.testing.AuditTestSupport.awaitEntries;
import static io.synthline.governance.testing.AuditTestSupport.datasetEvents;
import static io.synthline.governance.testing.AuditTestSupport.freshTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.governance.testing.GovernanceStackResource;
import io.synthline.service.scheduling.OncePerPeriod;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What makes several replicas of a service safe on the real PostgreSQL: a scheduled task runs once
 * per period whichever replica's scheduler fires, and the outbox relays on one replica at a time (the
 * others, finding the relay's lock taken, publish nothing, so no event overtakes an earlier one).
 */
@QuarkusTest
@QuarkusTestResource(GovernanceStackResource.class)
class ReplicaSchedulingIT {
    private static final String RELAY_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('synthline.outbox-relay', 0))";

    @Inject
    OncePerPeriod oncePerPeriod;

    @Test
    void aPeriodIsClaimedOnceWhicheverReplicaAsks() throws Exception {
        String task = "it-" + UUID.randomUUID();
        Duration hour = Duration.ofHours(1);
        assertThat(claim(task, hour)).as("the first replica to ask").isTrue();
        assertThat(claim(task, hour)).as("a second replica within the period").isFalse();

        String shortTask = "it-short-" + UUID.randomUUID();
        Duration period = Duration.ofMillis(300);
        assertThat(claim(shortTask, period)).isTrue();
        assertThat(claim(shortTask, period)).isFalse();
        Thread.sleep(period.toMillis());
        assertThat(claim(shortTask, period)).as("the next period").isTrue();
    }

    @Test
    void whileAnotherReplicaRelaysThisOnePublishesNothing() throws Exception {
        String tenant = freshTenant("relay");
        EventEnvelope event = datasetEvents(tenant, 1).getFirst();
        UUID id = UUID.randomUUID();
        try (Connection relaying = GovernanceStackResource.superuser(); Connection writer = GovernanceStackResource.superuser()) {
            relaying.setAutoCommit(false);
            try (Statement s = relaying.createStatement()) {
                s.execute(RELAY_LOCK);
            }
            try (PreparedStatement ps = writer.prepareStatement("INSERT INTO outbox_event (id, topic, message_key, payload, created_at) "
                    + "VALUES (?, ?, ?, ?, now())")) {
                ps.setObject(1, id);
                ps.setString(2, EventType.DATASET_REGISTERED.topic());
                ps.setString(3, event.subject());
                ps.setString(4, event.toJson());
                ps.executeUpdate();
            }
            Thread.sleep(3000);
            assertThat(published(writer, id)).as("the relay of this replica skips its turns while the lock is held").isFalse();
            relaying.commit();
            assertThat(awaitEntries(tenant, 1, Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(published(writer, id)).isTrue();
        }
    }

    private boolean claim(String task, Duration period) {
        return oncePerPeriod.claim(task, period).await().atMost(Duration.ofSeconds(10));
    }

    private static boolean published(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT published_at IS NOT NULL FROM outbox_event WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
