package io.synthline.evaluator.engine.relational;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.MultiTableQuality;
import io.synthline.commons.evaluation.RelationalEvaluation;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.evaluator.engine.fidelity.QualityReport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates a synthetic relational dataset: quality, integrity, sequences and (with a holdout) entity-level privacy. */
public final class RelationalEvaluator {
    /** The sections of the document, each computed on request (all of them by default). */
    public enum Section {
        QUALITY, INTEGRITY, SEQUENCES, PRIVACY;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private RelationalEvaluator() {
    }

    /**
     * @param real      the rows the synthesizer learned from
     * @param holdout   real entities it never saw (whole root rows with their descendants), or null
     * @param threads   worker threads; the result does not depend on them
     */
    public static RelationalEvaluation evaluate(RelationalDataset real, RelationalDataset synthetic, RelationalDataset holdout,
            QualityReport.Thresholds thresholds, long seed, int threads) {
        return evaluate(real, synthetic, holdout, thresholds, seed, EnumSet.allOf(Section.class), threads);
    }

    /** @param sections what to compute; the others are null (lists empty) and listed under {@code skipped} as not requested */
    public static RelationalEvaluation evaluate(RelationalDataset real, RelationalDataset synthetic, RelationalDataset holdout,
            QualityReport.Thresholds thresholds, long seed, Set<Section> sections, int threads) {
        try (Parallel parallel = Parallel.open(threads, "synthline-evaluate")) {
            return evaluate(real, synthetic, holdout, thresholds, seed, sections, parallel);
        }
    }

    private static RelationalEvaluation evaluate(RelationalDataset real, RelationalDataset synthetic, RelationalDataset holdout,
            QualityReport.Thresholds thresholds, long seed, Set<Section> sections, Parallel parallel) {
        Map<String, Long> timings = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Section s : Section.values()) {
            if (!sections.contains(s)) {
                skipped.put(s.key(), "not requested");
            }
        }
        List<RelationalEvaluation.TableInput> tables = new ArrayList<>();
        for (String t : real.tables().keySet()) {
            tables.add(new RelationalEvaluation.TableInput(t, real.table(t).rowCount(), synthetic.table(t).rowCount(),
                    holdout == null ? null : (long) holdout.table(t).rowCount()));
        }
        MultiTableQuality quality = null;
        RelationalEvaluation.Integrity integrity = null;
        List<RelationalEvaluation.SequenceQuality> sequences = List.of();
        RelationalEvaluation.EntityPrivacy privacy = null;
        if (sections.contains(Section.QUALITY)) {
            long t0 = System.nanoTime();
            quality = MultiTableQualityReport.generate(real, synthetic, thresholds, parallel);
            timings.put("quality", (System.nanoTime() - t0) / 1_000_000);
        }
        if (sections.contains(Section.INTEGRITY)) {
            long t0 = System.nanoTime();
            integrity = ReferentialIntegrity.check(real, synthetic);
            timings.put("integrity", (System.nanoTime() - t0) / 1_000_000);
        }
        if (sections.contains(Section.SEQUENCES)) {
            long t0 = System.nanoTime();
            sequences = SequenceMetrics.compare(real, synthetic);
            timings.put("sequences", (System.nanoTime() - t0) / 1_000_000);
        }
        if (sections.contains(Section.PRIVACY) && holdout == null) {
            skipped.put("privacy", "no holdout: entity-level attacks need real entities the synthesizer never saw");
        } else if (sections.contains(Section.PRIVACY)) {
            long t0 = System.nanoTime();
            privacy = EntityPrivacyEvaluation.evaluate(real, synthetic, holdout, seed, parallel);
            timings.put("privacy", (System.nanoTime() - t0) / 1_000_000);
        }
        return new RelationalEvaluation(RelationalEvaluation.SCHEMA_VERSION, tables, quality, integrity, sequences, privacy, skipped,
                timings);
    }
}
