package io.synthline.evaluator.engine;

import io.synthline.commons.api.ReplacedColumn;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.evaluator.engine.data.SdType;
import io.synthline.evaluator.engine.fidelity.QualityReport;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to evaluate and how.
 *
 * @param label            label column for ML utility and fairness, or null
 * @param sensitive        sensitive columns (fairness groups, attribute-inference secrets)
 * @param quasiIdentifiers what an attacker knows; empty: every other column
 * @param favourable       the favourable label value for fairness; null: the less frequent one
 * @param sdtypes          explicit SDMetrics sdtypes that win over inference
 * @param detectionRows    rows per side sampled for the detection classifiers
 * @param maxAttacks       targets (and control rows) per privacy attack
 * @param replaced         columns whose values replaced personal data (from the output's manifest): reported
 *                         under {@code pii}; the ones made without the model are left out of every other section
 * @param threads          worker threads (models, column pairs, nearest-record searches); the result does not depend on them
 */
public record EvaluationOptions(String label, List<String> sensitive, List<String> quasiIdentifiers, String favourable,
        Map<String, SdType> sdtypes, Set<Section> sections, QualityReport.Thresholds thresholds, long seed,
        int detectionRows, int detectionFolds, int maxAttacks, List<ReplacedColumn> replaced, int threads) {

    public enum Section { QUALITY, ACCURACY, DETECTION, UTILITY, PRIVACY, FAIRNESS }

    public static final long DEFAULT_SEED = 20260101L;

    public EvaluationOptions {
        sensitive = sensitive == null ? List.of() : List.copyOf(sensitive);
        quasiIdentifiers = quasiIdentifiers == null ? List.of() : List.copyOf(quasiIdentifiers);
        sdtypes = sdtypes == null ? Map.of() : Map.copyOf(sdtypes);
        sections = sections == null || sections.isEmpty() ? EnumSet.allOf(Section.class) : EnumSet.copyOf(sections);
        thresholds = thresholds == null ? QualityReport.Thresholds.DEFAULT : thresholds;
        replaced = replaced == null ? List.of() : List.copyOf(replaced);
        if (detectionRows <= 0 || detectionFolds < 2 || maxAttacks <= 0 || threads < 1) {
            throw new IllegalArgumentException("detectionRows, maxAttacks and threads must be positive and detectionFolds at least 2");
        }
    }

    public static EvaluationOptions defaults() {
        return new EvaluationOptions(null, List.of(), List.of(), null, Map.of(), null, null, DEFAULT_SEED, 10_000, 3, 2_000, List.of(),
                Parallel.defaultThreads());
    }

    public EvaluationOptions withLabel(String l) {
        return new EvaluationOptions(l, sensitive, quasiIdentifiers, favourable, sdtypes, sections, thresholds, seed,
                detectionRows, detectionFolds, maxAttacks, replaced, threads);
    }

    public EvaluationOptions withSensitive(List<String> s) {
        return new EvaluationOptions(label, s, quasiIdentifiers, favourable, sdtypes, sections, thresholds, seed,
                detectionRows, detectionFolds, maxAttacks, replaced, threads);
    }

    public EvaluationOptions withQuasiIdentifiers(List<String> q) {
        return new EvaluationOptions(label, sensitive, q, favourable, sdtypes, sections, thresholds, seed, detectionRows,
                detectionFolds, maxAttacks, replaced, threads);
    }

    public EvaluationOptions withSections(Set<Section> s) {
        return new EvaluationOptions(label, sensitive, quasiIdentifiers, favourable, sdtypes, s, thresholds, seed,
                detectionRows, detectionFolds, maxAttacks, replaced, threads);
    }

    public EvaluationOptions withSeed(long s) {
        return new EvaluationOptions(label, sensitive, quasiIdentifiers, favourable, sdtypes, sections, thresholds, s,
                detectionRows, detectionFolds, maxAttacks, replaced, threads);
    }

    public EvaluationOptions withThresholds(QualityReport.Thresholds t) {
        return new EvaluationOptions(label, sensitive, quasiIdentifiers, favourable, sdtypes, sections, t, seed,
                detectionRows, detectionFolds, maxAttacks, replaced, threads);
    }

    public EvaluationOptions withLimits(int detectionRowsPerSide, int folds, int attacks) {
        return new EvaluationOptions(label, sensitive, quasiIdentifiers, favourable, sdtypes, sections, thresholds, seed,
                detectionRowsPerSide, folds, attacks, replaced, threads);
    }

    public EvaluationOptions withFavourable(String f) {
        return new EvaluationOptions(label, sensitive, quasiIdentifiers, f, sdtypes, sections, thresholds, seed,
                detectionRows, detectionFolds, maxAttacks, replaced, threads);
    }

    public EvaluationOptions withReplaced(List<ReplacedColumn> r) {
        return new EvaluationOptions(label, sensitive, quasiIdentifiers, favourable, sdtypes, sections, thresholds, seed,
                detectionRows, detectionFolds, maxAttacks, r, threads);
    }

    public EvaluationOptions withSdtypes(Map<String, SdType> types) {
        return new EvaluationOptions(label, sensitive, quasiIdentifiers, favourable, types, sections, thresholds, seed,
                detectionRows, detectionFolds, maxAttacks, replaced, threads);
    }

    /** @param n worker threads, at least 1 */
    public EvaluationOptions withThreads(int n) {
        return new EvaluationOptions(label, sensitive, quasiIdentifiers, favourable, sdtypes, sections, thresholds, seed,
                detectionRows, detectionFolds, maxAttacks, replaced, n);
    }
}
