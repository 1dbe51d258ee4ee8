package io.synthline.profiler.engine;

import io.synthline.commons.profile.ProfileSettings;
import io.synthline.commons.table.TableSchema;

/**
 * How to profile. {@link #defaults()} suits files from a few rows to many gigabytes; every limit
 * exists to keep memory bounded by sketches and samples, never by rows.
 *
 * @param explicitSchema        user-declared types; they win over inference for the columns they name
 * @param threads               busy threads, the reading thread included; results are identical for any value
 * @param seed                  seed of the row sample and of sketch compaction
 * @param correlationRowLimit   correlations use all rows up to this count, a uniform sample of this size above it
 * @param maxCorrelationColumns at most this many columns take part in correlations (the first ones)
 * @param maxCorrelationCategories categorical columns with more distinct values are left out of correlations
 * @param exactDistinctLimit    distinct values per column counted exactly before switching to sketches
 * @param piiSampleValues       values per column (reservoir sample) the PII and attribute detectors see
 * @param piiMinConfidence      PII findings and attribute tags below this confidence are not reported
 * @param topValues             frequent items reported per column
 * @param histogramBins         bins of numeric and datetime histograms
 * @param duplicateTrackerRows  distinct row hashes kept for exact duplicate counting before sampling
 * @param requireRows           a file without data rows is bad input (services store nothing useful otherwise)
 */
public record ProfileOptions(
        TableSchema explicitSchema,
        int threads,
        long seed,
        int correlationRowLimit,
        int maxCorrelationColumns,
        int maxCorrelationCategories,
        int hllLgK,
        int kllK,
        int exactDistinctLimit,
        int piiSampleValues,
        double piiMinConfidence,
        int topValues,
        int histogramBins,
        int duplicateTrackerRows,
        boolean requireRows,
        AlertThresholds alerts) {

    /** Cells the correlation sample may hold (12 bytes each): bounds its memory for wide tables. */
    static final long CORRELATION_SAMPLE_CELLS = 6_000_000L;
    /** Values all PII reservoirs together may hold. */
    static final long PII_SAMPLE_CELLS = 2_000_000L;

    public ProfileOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (alerts == null) {
            alerts = AlertThresholds.defaults();
        }
    }

    public static ProfileOptions defaults() {
        return new ProfileOptions(null, Math.max(1, Runtime.getRuntime().availableProcessors()), 42L, 100_000, 200,
                100, 12, 200, 1024, 1000, 0.5, 10, 20, 2_000_000, true, AlertThresholds.defaults());
    }

    public ProfileOptions withExplicitSchema(TableSchema schema) {
        return new ProfileOptions(schema, threads, seed, correlationRowLimit, maxCorrelationColumns,
                maxCorrelationCategories, hllLgK, kllK, exactDistinctLimit, piiSampleValues, piiMinConfidence, topValues,
                histogramBins, duplicateTrackerRows, requireRows, alerts);
    }

    public ProfileOptions withThreads(int n) {
        return new ProfileOptions(explicitSchema, n, seed, correlationRowLimit, maxCorrelationColumns,
                maxCorrelationCategories, hllLgK, kllK, exactDistinctLimit, piiSampleValues, piiMinConfidence, topValues,
                histogramBins, duplicateTrackerRows, requireRows, alerts);
    }

    public ProfileOptions withCorrelationRowLimit(int rows) {
        return new ProfileOptions(explicitSchema, threads, seed, rows, maxCorrelationColumns, maxCorrelationCategories,
                hllLgK, kllK, exactDistinctLimit, piiSampleValues, piiMinConfidence, topValues, histogramBins,
                duplicateTrackerRows, requireRows, alerts);
    }

    public ProfileOptions withSeed(long s) {
        return new ProfileOptions(explicitSchema, threads, s, correlationRowLimit, maxCorrelationColumns,
                maxCorrelationCategories, hllLgK, kllK, exactDistinctLimit, piiSampleValues, piiMinConfidence, topValues,
                histogramBins, duplicateTrackerRows, requireRows, alerts);
    }

    public ProfileOptions withRequireRows(boolean require) {
        return new ProfileOptions(explicitSchema, threads, seed, correlationRowLimit, maxCorrelationColumns,
                maxCorrelationCategories, hllLgK, kllK, exactDistinctLimit, piiSampleValues, piiMinConfidence, topValues,
                histogramBins, duplicateTrackerRows, require, alerts);
    }

    public ProfileOptions withDuplicateTrackerRows(int rows) {
        return new ProfileOptions(explicitSchema, threads, seed, correlationRowLimit, maxCorrelationColumns,
                maxCorrelationCategories, hllLgK, kllK, exactDistinctLimit, piiSampleValues, piiMinConfidence, topValues,
                histogramBins, rows, requireRows, alerts);
    }

    ProfileSettings settings() {
        return new ProfileSettings(threads, seed, correlationRowLimit, hllLgK, kllK, exactDistinctLimit, piiSampleValues,
                piiMinConfidence);
    }

    /**
     * When a column or the table earns an alert. Defaults follow ydata-profiling where it has an
     * equivalent (skewness 20, cardinality 50, correlation 0.9, imbalance 0.5).
     */
    public record AlertThresholds(double highMissingShare, int highCardinality, double skewness, double imbalance,
            double highCorrelation, double zerosShare, double outlierShare, double mixedTypeShare) {
        public static AlertThresholds defaults() {
            return new AlertThresholds(0.2, 50, 20, 0.5, 0.9, 0.5, 0.001, 0.01);
        }
    }
}
