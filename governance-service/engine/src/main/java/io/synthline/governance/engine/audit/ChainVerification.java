package io.synthline.governance.engine.audit;

import java.util.List;

/**
 * The outcome of recomputing a chain.
 *
 * @param firstBreak the first problem in chain order, null when {@code valid}
 * @param breaks     up to {@link ChainVerifier#MAX_REPORTED_BREAKS} problems, in chain order
 */
public record ChainVerification(String tenant, boolean valid, long entriesChecked, long checkpointsChecked,
        Long firstIndex, Long lastIndex, String headHash, Break firstBreak, List<Break> breaks) {

    /**
     * @param problem {@code content-altered}, {@code link-broken}, {@code entry-missing}, {@code entry-out-of-order},
     *                {@code tenant-mismatch}, {@code checkpoint-mismatch}, {@code checkpoint-signature-invalid},
     *                {@code checkpoint-key-unknown} or {@code chain-truncated}
     */
    public record Break(long chainIndex, String eventId, String problem, String detail) {
    }
}
