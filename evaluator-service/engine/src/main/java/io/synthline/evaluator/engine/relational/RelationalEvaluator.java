package io.synthline.evaluator.engine.relational;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.MultiTableQuality;
import io.synthline.commons.evaluation.RelationalEvaluation;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.evaluator.engine.fidelity.QualityReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates a synthetic relational dataset: quality, integrity, sequences and (with a holdout) entity-level privacy. */
public final class RelationalEvaluator {
    private RelationalEvaluator() {
    }

    /**
     * @param real      the rows the synthesizer learned from
     * @param holdout   real entities it never saw (whole root rows with their descendants), or null
     * @param threads   worker threads; the result does not depend on them
     */
    public static RelationalEvaluation evaluate(RelationalDataset real, RelationalDataset synthetic, RelationalDataset holdout,
            QualityReport.Thresholds thresholds, long seed, int threads) {
        try (Parallel parallel = Parallel.open(threads, "synthline-evaluate")) {
            return evaluate(real, synthetic, holdout, thresholds, seed, parallel);
        }
    }

    private static RelationalEvaluation evaluate(RelationalDataset real, RelationalDataset synthetic, RelationalDataset holdout,
            QualityReport.Thresholds thresholds, long seed, Parallel parallel) {
        Map<String, Long> timings = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        List<RelationalEvaluation.TableInput> tables = new ArrayList<>();
        for (String t : real.tables().keySet()) {
            tables.add(new RelationalEvaluation.TableInput(t, real.table(t).rowCount(), synthetic.table(t).rowCount(),
                    holdout == null ? null : (long) holdout.table(t).rowCount()));
        }
        long t0 = System.nanoTime();
        MultiTableQuality quality = MultiTableQualityReport.generate(real, synthetic, thresholds, parallel);
        long t1 = System.nanoTime();
        timings.put("quality", (t1 - t0) / 1_000_000);
        RelationalEvaluation.Integrity integrity = ReferentialIntegrity.check(real, synthetic);
        long t2 = System.nanoTime();
        timings.put("integrity", (t2 - t1) / 1_000_000);
        List<RelationalEvaluation.SequenceQuality> sequences = SequenceMetrics.compare(real, synthetic);
        long t3 = System.nanoTime();
        timings.put("sequences", (t3 - t2) / 1_000_000);
        RelationalEvaluation.EntityPrivacy privacy = null;
        if (holdout == null) {
            skipped.put("privacy", "no holdout: entity-level attacks need real entities the synthesizer never saw");
        } else {
            privacy = EntityPrivacyEvaluation.evaluate(real, synthetic, holdout, seed, parallel);
            timings.put("privacy", (System.nanoTime() - t3) / 1_000_000);
        }
        return new RelationalEvaluation(RelationalEvaluation.SCHEMA_VERSION, tables, quality, integrity, sequences, privacy, skipped,
                timings);
    }
}
