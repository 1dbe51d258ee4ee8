package io.synthline.governance.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.AuditEntryView;
import io.synthline.commons.api.BadInputException;
import io.synthline.governance.engine.audit.AuditRecord;
import io.synthline.governance.engine.audit.ChainVerification;
import io.synthline.governance.engine.audit.ChainVerifier;
import io.synthline.governance.engine.audit.ChainedEntry;
import io.synthline.governance.engine.audit.Checkpoint;
import io.synthline.governance.engine.audit.EvidenceBundle;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.governance.repository.AuditRepository;
import io.synthline.service.scheduling.OncePerPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.governance.engine.audit.CausalOrder;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.Optional;

import java.util.List;
import org.jboss.logging.Logger;

/** Appends events to the tenants' audit chains (exactly once per event id), signs checkpoints, verifies chains. */
@ApplicationScoped
public class AuditService {
    public static final int MAX_LIMIT = 1000;
    private static final Logger LOG = Logger.getLogger(AuditService.class);

    @Inject
    AuditRepository repository;

    @Inject
    SigningKeys keys;

    @Inject
    GovernanceEvents events;

    @Inject
    io.synthline.governance.config.GovernanceConfig config;

    /** With several replicas, each scheduled run happens on one of them. */
    @Inject
    OncePerPeriod oncePerPeriod;

    /**
     * Appends in its own transaction; true when a new entry was written, false for a redelivery or an
     * event that waits for its cause ({@link CausalOrder}): that one is appended right after its cause,
     * in the cause's transaction, or after {@code synthline.governance.audit.order-wait} at the latest.
     */
    public Uni<Boolean> append(EventEnvelope event) {
        AuditRecord record = AuditRecord.of(event);
        return repository.pool().withTransaction(conn -> repository.isRecorded(conn, record.eventId()).chain(recorded -> {
            if (recorded) {
                return Uni.createFrom().item(false);
            }
            Optional<CausalOrder.Cause> cause = CausalOrder.causeOf(record);
            if (cause.isEmpty()) {
                return appendThenDependents(conn, record);
            }
            return repository.hasEntry(conn, record.tenant(), cause.get()).chain(present -> present ? appendThenDependents(conn, record)
                    : repository.defer(conn, record, cause.get(), event.toJson()).invoke(() -> LOG.debugf(
                            "%s %s waits for %s of %s", record.eventType(), record.eventId(), cause.get().eventTypes(),
                            cause.get().subject())).replaceWith(false));
        }));
    }

    /** Appends the record, then every event that waited for it (and for those, recursively). */
    private Uni<Boolean> appendThenDependents(SqlConnection conn, AuditRecord record) {
        return repository.append(conn, record).chain(entry -> entry == null ? Uni.createFrom().item(false)
                : repository.takeDeferred(conn, record.tenant(), record.subject(), record.eventType())
                        .chain(waiting -> appendAll(conn, waiting, 0)).replaceWith(true));
    }

    private Uni<Void> appendAll(SqlConnection conn, List<String> eventsJson, int i) {
        return i == eventsJson.size() ? Uni.createFrom().voidItem()
                : appendThenDependents(conn, AuditRecord.of(EventEnvelope.fromJson(eventsJson.get(i))))
                        .chain(() -> appendAll(conn, eventsJson, i + 1));
    }

    /** Events that waited longer than the order wait for their cause are appended anyway: nothing is withheld for good. */
    @Scheduled(every = "${synthline.governance.audit.order-sweep-interval:30s}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> appendOverdue() {
        return repository.pool().withTransaction(conn -> repository.takeOverdue(conn, config.audit().orderWait())
                        .chain(overdue -> {
                            if (!overdue.isEmpty()) {
                                LOG.warnf("audit: %d events waited %s for their cause and are appended without it", overdue.size(),
                                        config.audit().orderWait());
                            }
                            return appendAll(conn, overdue, 0);
                        }))
                .onFailure().invoke(e -> LOG.warnf("audit order sweep failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<List<AuditEntryView>> query(AuditRepository.Filter filter) {
        if (filter.limit() < 1 || filter.limit() > MAX_LIMIT) {
            throw new BadInputException("invalid-limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return repository.find(filter);
    }

    /** Recomputes the whole chain of a tenant against every checkpoint and every key that ever signed. */
    public Uni<VerificationResult> verify(String tenant) {
        return keys.publicKeys().chain(publicKeys -> repository.checkpoints(tenant, null, null).chain(checkpoints -> {
            ChainVerifier verifier = ChainVerifier.wholeChain(tenant, checkpoints, publicKeys);
            return repository.chain(tenant, null, null)
                    .onItem().invoke(verifier::accept)
                    .collect().last()
                    .chain(() -> repository.unchainedCount(tenant))
                    .map(unchained -> new VerificationResult(verifier.finish(), unchained, Instant.now()));
        }));
    }

    /**
     * @param unchainedEntries entries written before chaining existed (not covered by the chain)
     */
    public record VerificationResult(ChainVerification chain, long unchainedEntries, Instant verifiedAt) {
    }

    /** Signs the head of every chain that moved since its last checkpoint. */
    @Scheduled(every = "${synthline.governance.audit.checkpoint-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledCheckpoints() {
        return oncePerPeriod.run("audit-checkpoints", config.audit().checkpointInterval(), this::checkpointNow)
                .onFailure().invoke(e -> LOG.warnf("checkpointing failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Returns the checkpoints written. */
    public Uni<List<Checkpoint>> checkpointNow() {
        return repository.headsWithoutCheckpoint().chain(heads -> {
            List<Checkpoint> signed = heads.stream().map(h -> keys.current().checkpoint(h.getString("tenant"),
                    h.getLong("chain_index"), h.getString("entry_hash"), Instant.now())).toList();
            if (signed.isEmpty()) {
                return Uni.createFrom().item(signed);
            }
            return io.smallrye.mutiny.Multi.createFrom().iterable(signed)
                    .onItem().transformToUniAndConcatenate(repository::insertCheckpoint)
                    .collect().last().replaceWith(signed);
        });
    }

    /**
     * The evidence bundle of a tenant's entries that occurred in [from, to) (the whole chain when both
     * are null), extended to the contiguous chain segment between the first and last of them. The
     * export itself is audited (audit.exported).
     */
    public Uni<byte[]> export(String tenant, Instant from, Instant to, String exportedBy) {
        Instant start = from == null ? Instant.EPOCH : from;
        Instant end = to == null ? Instant.now().plusSeconds(1) : to;
        if (!start.isBefore(end)) {
            throw new BadInputException("invalid-range", "from must be before to");
        }
        return repository.indexRange(tenant, start, end).chain(range -> {
            long lo = range == null ? 1 : range[0];
            long hi = range == null ? 0 : range[1];
            Uni<List<ChainedEntry>> entries = range == null ? Uni.createFrom().item(List.of()) : segment(tenant, lo, hi);
            return entries.chain(es -> repository.checkpoints(tenant, lo, hi).chain(cps -> keys.allPem().map(pems -> {
                String bundleId = java.util.UUID.randomUUID().toString();
                return new Export(bundleId, es.size(), EvidenceBundle.write(bundleId, tenant, start, end, exportedBy, es, cps, pems,
                        keys.current(), Instant.now()));
            })));
        }).call(export -> repository.pool().withTransaction(conn -> events.publish(conn, EventType.AUDIT_EXPORTED,
                "audit/" + tenant, tenant, exportedBy, new Payloads.AuditExported(export.bundleId(), start, end, export.entries(),
                        io.synthline.commons.hash.Sha256.hex(export.zip()))))).map(Export::zip);
    }

    record Export(String bundleId, long entries, byte[] zip) {
    }

    public Uni<List<Checkpoint>> checkpoints(String tenant) {
        return repository.checkpoints(tenant, null, null);
    }

    public Uni<List<ChainedEntry>> segment(String tenant, long fromIndex, long toIndex) {
        return repository.chain(tenant, fromIndex, toIndex).collect().asList();
    }
}
