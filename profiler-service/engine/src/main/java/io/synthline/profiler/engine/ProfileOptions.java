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
 * @param kllK                  KLL parameter of quantile sketches; wide tables get less (see {@link #kllK(int)})
 * @param exactDistinctLimit    distinct values per column counted exactly before switching to sketches
 * @param piiSampleValues       values per column (reservoir sample) the PII and attribute detectors see; wide
 *                              tables get fewer (see {@link #piiSampleValues(int)})
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
    /**
     * Sum of the KLL parameter over columns: a sketch allocates k values up front and grows to
     * about 3k, so wide tables get smaller sketches (see {@link #kllK(int)}).
     */
    static final long KLL_K_BUDGET = 204_800L;
    /** The smallest KLL parameter any column gets (rank error about 1.3%). */
    static final int KLL_K_FLOOR = 200;

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
                100, 12, 800, 1024, 1000, 0.5, 10, 20, 2_000_000, true, AlertThresholds.defaults());
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

    /**
     * The KLL parameter for a table of {@code columns} columns: {@link #kllK}, shared out so that
     * together the columns stay within {@link #KLL_K_BUDGET}, but never below {@link #KLL_K_FLOOR}
     * (nor above {@link #kllK}). The default 800 gives a normalised rank error of about 0.35% and,
     * measured with DataSketches 9.0, costs less per update than 200 (about 19 against 28 ns):
     * larger levels compact less often.
     */
    public int kllK(int columns) {
        long share = KLL_K_BUDGET / Math.max(1, columns);
        return (int) Math.min(kllK, Math.max(Math.min(kllK, KLL_K_FLOOR), share));
    }

    /** Values each column's PII sample holds: {@link #piiSampleValues}, shared out within {@link #PII_SAMPLE_CELLS}, at least 50. */
    public int piiSampleValues(int columns) {
        return (int) Math.max(50, Math.min(piiSampleValues, PII_SAMPLE_CELLS / Math.max(1, columns)));
    }

    /** The settings a profile of {@code columns} columns used: the sizes wide tables share out are the ones applied. */
    ProfileSettings settings(int columns) {
        return new ProfileSettings(threads, seed, correlationRowLimit, hllLgK, kllK(columns), exactDistinctLimit,
                piiSampleValues(columns), piiMinConfidence);
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
