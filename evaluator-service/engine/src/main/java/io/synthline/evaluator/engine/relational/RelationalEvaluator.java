package io.synthline.evaluator.engine.relational;

import static io.synthline.evaluator.engine.Evaluator.timed;

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
        MultiTableQuality quality = sections.contains(Section.QUALITY)
                ? timed("quality", timings, () -> MultiTableQualityReport.generate(real, synthetic, thresholds, parallel)) : null;
        RelationalEvaluation.Integrity integrity = sections.contains(Section.INTEGRITY)
                ? timed("integrity", timings, () -> ReferentialIntegrity.check(real, synthetic)) : null;
        List<RelationalEvaluation.SequenceQuality> sequences = sections.contains(Section.SEQUENCES)
                ? timed("sequences", timings, () -> SequenceMetrics.compare(real, synthetic)) : List.of();
        RelationalEvaluation.EntityPrivacy privacy = null;
        if (sections.contains(Section.PRIVACY) && holdout == null) {
            skipped.put("privacy", "no holdout: entity-level attacks need real entities the synthesizer never saw");
        } else if (sections.contains(Section.PRIVACY)) {
            privacy = timed("privacy", timings, () -> EntityPrivacyEvaluation.evaluate(real, synthetic, holdout, seed, parallel));
        }
        return new RelationalEvaluation(RelationalEvaluation.SCHEMA_VERSION, tables, quality, integrity, sequences, privacy, skipped,
                timings);
    }
}
