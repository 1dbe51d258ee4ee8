package io.synthline.profiler.config;

import io.smallrye.config.ConfigMapping;
import io.synthline.commons.csv.CsvOptions;

@ConfigMapping(prefix = "synthline.profiler")
public interface ProfilerConfig {
    long maxUploadBytes();

    int maxColumns();

    int maxFieldChars();

    default CsvOptions csvOptions() {
        return CsvOptions.defaults().withLimits(maxFieldChars(), maxColumns());
    }
}
