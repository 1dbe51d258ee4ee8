package io.synthline.profiler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.synthline.commons.csv.CsvOptions;
import java.util.Map;
import java.util.Optional;

/**
 * Upload guards and profiling settings. Every limit has a platform default and may be set per
 * tenant: {@code synthline.profiler.tenants."<tenant>".max-columns=...}.
 */
@ConfigMapping(prefix = "synthline.profiler")
public interface ProfilerConfig {
    long maxUploadBytes();

    /** Data rows of one upload. */
    @WithDefault("1000000000")
    long maxRows();

    /** Bytes all of a tenant's datasets may take in the store together. */
    @WithDefault("1099511627776")
    long maxStoredBytes();

    int maxColumns();

    int maxFieldChars();

    /** Profiler worker threads; 0 means one per core. */
    @WithDefault("0")
    int threads();

    /** Correlations use all rows up to this count, a uniform sample of this size above it. */
    @WithDefault("100000")
    int correlationRows();

    /** Above this size the dataset.profiled event leaves out per-column summaries, then the schema (see docs/profile.md). */
    @WithDefault("524288")
    int eventInlineBytes();

    Map<String, TenantLimits> tenants();

    interface TenantLimits {
        Optional<Long> maxUploadBytes();

        Optional<Long> maxRows();

        Optional<Long> maxStoredBytes();

        Optional<Integer> maxColumns();

        Optional<Integer> maxFieldChars();
    }

    /** The limits in force for one tenant. */
    record Limits(long maxUploadBytes, int maxColumns, int maxFieldChars, long maxRows, long maxStoredBytes) {
        public CsvOptions apply(CsvOptions options) {
            return options.withLimits(maxFieldChars, maxColumns);
        }

        /** Refuses (413) an upload of {@code rows} rows and {@code bytes} bytes when the tenant already stores {@code stored}. */
        public void checkQuota(long rows, long bytes, long stored) {
            if (rows > maxRows) {
                throw new io.synthline.commons.api.BadInputException("too-many-rows", 413, "the file has " + rows
                        + " data rows; this tenant may upload at most " + maxRows + " per dataset").detail("limitRows", maxRows);
            }
            if (stored + bytes > maxStoredBytes) {
                throw new io.synthline.commons.api.BadInputException("storage-quota-exceeded", 413, "storing this dataset ("
                        + bytes + " bytes) would take the tenant's datasets to " + (stored + bytes) + " bytes, over its quota of "
                        + maxStoredBytes + "; delete datasets or ask for a larger quota").detail("limitBytes", maxStoredBytes)
                        .detail("storedBytes", stored);
            }
        }
    }

    default Limits limitsFor(String tenant) {
        TenantLimits t = tenants().get(tenant);
        if (t == null) {
            return new Limits(maxUploadBytes(), maxColumns(), maxFieldChars(), maxRows(), maxStoredBytes());
        }
        return new Limits(t.maxUploadBytes().orElse(maxUploadBytes()), t.maxColumns().orElse(maxColumns()),
                t.maxFieldChars().orElse(maxFieldChars()), t.maxRows().orElse(maxRows()), t.maxStoredBytes().orElse(maxStoredBytes()));
    }
}
