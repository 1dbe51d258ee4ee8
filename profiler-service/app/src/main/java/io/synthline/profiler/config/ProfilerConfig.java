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

        Optional<Integer> maxColumns();

        Optional<Integer> maxFieldChars();
    }

    /** The limits in force for one tenant. */
    record Limits(long maxUploadBytes, int maxColumns, int maxFieldChars) {
        public CsvOptions apply(CsvOptions options) {
            return options.withLimits(maxFieldChars, maxColumns);
        }
    }

    default Limits limitsFor(String tenant) {
        TenantLimits t = tenants().get(tenant);
        if (t == null) {
            return new Limits(maxUploadBytes(), maxColumns(), maxFieldChars());
        }
        return new Limits(t.maxUploadBytes().orElse(maxUploadBytes()), t.maxColumns().orElse(maxColumns()),
                t.maxFieldChars().orElse(maxFieldChars()));
    }
}
