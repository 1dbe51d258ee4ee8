package io.synthline.profiler.engine.relational;

import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.profile.RelationalProfile;
import io.synthline.commons.profile.RelationalProfile.SequenceProfile;
import io.synthline.commons.profile.RelationalProfile.Step;
import io.synthline.commons.profile.RelationalProfile.Summary;
import io.synthline.commons.profile.SourceInfo;
import io.synthline.commons.relational.KeyIndex;
import io.synthline.commons.relational.KeyProposal;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.TableMetadata;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.profiler.engine.DatasetProfiler;
import io.synthline.profiler.engine.ProfileOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Profiles every table of a relational dataset, proposes keys when none were declared, and describes sequential tables. */
public final class RelationalProfiler {
    /** Positions described per sequential table (the first events of every sequence). */
    public static final int MAX_STEPS = 10;

    private final ProfileOptions options;

    public RelationalProfiler(ProfileOptions options) {
        this.options = options;
    }

    /** @param declared whether the dataset's metadata came with it; if not, keys are proposed and applied */
    public RelationalProfile profile(RelationalDataset dataset, boolean declared) {
        KeyProposal proposal = declared ? null : KeyDiscovery.propose(dataset);
        RelationalDataset keyed = declared ? dataset : dataset.withMetadata(proposal.metadata());
        Map<String, DatasetProfile> tables = new LinkedHashMap<>();
        DatasetProfiler profiler = new DatasetProfiler(options);
        keyed.tables().forEach((name, table) -> {
            try (TableRows rows = new TableRows(table)) {
                tables.put(name, profiler.profile(rows, new SourceInfo(name + ".csv", "csv", null, null, null)));
            }
        });
        List<SequenceProfile> sequences = new ArrayList<>();
        for (TableMetadata t : keyed.metadata().tables()) {
            if (t.isSequential()) {
                sequences.add(sequence(keyed, t));
            }
        }
        return new RelationalProfile(tables, keyed.metadata(), declared ? "declared" : "proposed", proposal, sequences);
    }

    static SequenceProfile sequence(RelationalDataset dataset, TableMetadata meta) {
        Table table = dataset.table(meta.name());
        Column[] key = meta.sequence().entityKey().stream().map(table::column).toArray(Column[]::new);
        Column orderColumn = table.column(meta.sequence().orderColumn());
        double[] order = orderColumn instanceof NumericColumn n ? n.values() : null;
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            List<String> v = KeyIndex.value(key, r);
            if (v != null) {
                groups.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
            }
        }
        Set<String> keys = dataset.metadata().keyColumns(meta.name());
        List<NumericColumn> numeric = table.columns().stream().filter(c -> c instanceof NumericColumn && !keys.contains(c.name()))
                .map(c -> (NumericColumn) c).toList();
        double[] lengths = new double[groups.size()];
        List<Double> steps = new ArrayList<>();
        long[] reach = new long[MAX_STEPS];
        double[][] sums = new double[MAX_STEPS][numeric.size()];
        long[][] counts = new long[MAX_STEPS][numeric.size()];
        int g = 0;
        for (List<Integer> rows : groups.values()) {
            int[] sorted = rows.stream().sorted((a, b) -> order == null ? 0 : Double.compare(nanLast(order[a]), nanLast(order[b])))
                    .mapToInt(Integer::intValue).toArray();
            lengths[g++] = sorted.length;
            for (int t = 0; t < sorted.length; t++) {
                if (order != null && t > 0 && !Double.isNaN(order[sorted[t]] - order[sorted[t - 1]])) {
                    steps.add(order[sorted[t]] - order[sorted[t - 1]]);
                }
                if (t < MAX_STEPS) {
                    reach[t]++;
                    for (int c = 0; c < numeric.size(); c++) {
                        double v = numeric.get(c).value(sorted[t]);
                        if (!Double.isNaN(v)) {
                            sums[t][c] += v;
                            counts[t][c]++;
                        }
                    }
                }
            }
        }
        List<Step> perStep = new ArrayList<>();
        for (int t = 0; t < MAX_STEPS && reach[t] > 0; t++) {
            Map<String, Double> means = new LinkedHashMap<>();
            for (int c = 0; c < numeric.size(); c++) {
                means.put(numeric.get(c).name(), counts[t][c] == 0 ? null : sums[t][c] / counts[t][c]);
            }
            perStep.add(new Step(t + 1, reach[t], means));
        }
        return new SequenceProfile(meta.name(), meta.sequence().entityKey(), meta.sequence().orderColumn(), groups.size(),
                summary(lengths), summary(steps.stream().mapToDouble(Double::doubleValue).toArray()), perStep);
    }

    private static double nanLast(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    static Summary summary(double[] values) {
        if (values.length == 0) {
            return new Summary(0, null, null, null, null, null, null);
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return new Summary(s.length, Arrays.stream(s).average().orElse(Double.NaN), s[0], quantile(s, 0.25), quantile(s, 0.5),
                quantile(s, 0.75), s[s.length - 1]);
    }

    /** Linear interpolation between closest ranks (numpy's default). */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
