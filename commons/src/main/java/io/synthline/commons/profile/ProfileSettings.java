package io.synthline.commons.profile;

/**
 * How the profile was computed, so that it can be reproduced and its error bounds understood.
 *
 * @param threads               worker threads (results do not depend on it)
 * @param seed                  seed of every randomized step (row sample, sketch compaction)
 * @param correlationRowLimit   above this many rows correlations are computed on a sample of this size
 * @param hllLgK                log2 of the HLL sketch's register count (distinct counts)
 * @param kllK                  KLL sketch size parameter (quantiles, histograms)
 * @param exactDistinctLimit    distinct values per column tracked exactly before switching to sketches
 * @param piiSampleValues       values per column the PII detectors check
 * @param piiMinConfidence      findings below this confidence are not reported
 */
public record ProfileSettings(int threads, long seed, long correlationRowLimit, int hllLgK, int kllK,
        int exactDistinctLimit, int piiSampleValues, double piiMinConfidence) {
}
