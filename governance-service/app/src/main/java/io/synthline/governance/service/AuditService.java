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
import io.synthline.governance.repository.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
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

    /** Appends in its own transaction; true when a new entry was written, false for a redelivery. */
    public Uni<Boolean> append(AuditRecord record) {
        return repository.pool().withTransaction(conn -> repository.append(conn, record)).map(e -> e != null);
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
        return checkpointNow().onFailure().invoke(e -> LOG.warnf("checkpointing failed, will retry: %s", e.getMessage()))
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

    public Uni<List<Checkpoint>> checkpoints(String tenant) {
        return repository.checkpoints(tenant, null, null);
    }

    public Uni<List<ChainedEntry>> segment(String tenant, long fromIndex, long toIndex) {
        return repository.chain(tenant, fromIndex, toIndex).collect().asList();
    }
}
