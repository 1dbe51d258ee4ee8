package io.synthline.evaluator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Everything the evaluator service can be tuned with ({@code synthline.evaluator.*}). */
@ConfigMapping(prefix = "synthline.evaluator")
public interface EvaluatorConfig {
    /** The report sections every evaluation runs: quality, accuracy, detection, utility, privacy, fairness. */
    List<String> sections();

    /** Rows per table an evaluation reads at most: larger files are sampled while they are read (seeded by the job's seed). */
    int maxRows();

    /** Worker threads per evaluation (models, column pairs, nearest-record searches); 0 = all cores. Never changes the results. */
    @WithDefault("0")
    int threads();
}
