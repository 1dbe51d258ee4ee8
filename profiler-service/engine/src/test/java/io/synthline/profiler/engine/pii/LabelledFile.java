package io.synthline.profiler.engine.pii;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableWriter;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.profile.PiiKind;
import io.synthline.profiler.engine.DatasetProfiler;
import io.synthline.profiler.engine.ProfileOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A CSV file whose columns carry the PII kind they hold (null: none), profiled, with precision and
 * recall of the detection per kind and overall. A column counts as found when its top finding has
 * the label's kind; any finding on a column labelled otherwise is a false positive of the
 * predicted kind.
 */
final class LabelledFile {
    record Column(String name, PiiKind label, Supplier<String> values) {
    }

    /** Detection counts of one kind: true positives, predicted, labelled. */
    record Counts(int truePositives, int predicted, int labelled) {
        double precision() {
            return predicted == 0 ? 1 : truePositives / (double) predicted;
        }

        double recall() {
            return labelled == 0 ? 1 : truePositives / (double) labelled;
        }
    }

    record Score(DatasetProfile profile, Counts overall, Map<PiiKind, Counts> perKind, Map<String, String> mistakes) {
        /** One line per kind and the mistakes, for the test log (the numbers docs/profile.md reports). */
        String report(String title, int rows, int columns) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %d columns x %d rows, %d labelled PII%n", title,
                    columns, rows, overall.labelled()));
            sb.append(String.format(Locale.ROOT, "  overall              precision %.3f (%d / %d), recall %.3f (%d / %d)%n",
                    overall.precision(), overall.truePositives(), overall.predicted(), overall.recall(), overall.truePositives(),
                    overall.labelled()));
            perKind.forEach((k, c) -> sb.append(String.format(Locale.ROOT, "  %-20s precision %.3f (%d / %d), recall %.3f (%d / %d)%n",
                    k, c.precision(), c.truePositives(), c.predicted(), c.recall(), c.truePositives(), c.labelled())));
            mistakes.forEach((c, m) -> sb.append("  ").append(c).append(": ").append(m).append('\n'));
            return sb.toString();
        }
    }

    private LabelledFile() {
    }

    static Score profileAndScore(Path file, List<Column> columns, int rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                CsvTableWriter w = CsvTableWriter.open(out, columns.stream().map(Column::name).toList())) {
            String[] row = new String[columns.size()];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = columns.get(c).values().get();
                }
                w.writeRow(row);
            }
        }
        DatasetProfile profile = new DatasetProfiler(ProfileOptions.defaults()).profile(file, CsvOptions.defaults());
        Map<PiiKind, int[]> perKind = new TreeMap<>();
        Map<String, String> mistakes = new LinkedHashMap<>();
        int tp = 0;
        int predictedAll = 0;
        int labelledAll = 0;
        for (Column l : columns) {
            List<PiiFinding> found = profile.piiOf(l.name());
            PiiKind predicted = found.isEmpty() ? null : found.getFirst().kind();
            if (l.label() != null) {
                labelledAll++;
                perKind.computeIfAbsent(l.label(), k -> new int[3])[2]++;
            }
            if (predicted != null) {
                predictedAll++;
                perKind.computeIfAbsent(predicted, k -> new int[3])[1]++;
            }
            if (predicted != null && predicted == l.label()) {
                tp++;
                perKind.get(predicted)[0]++;
            } else if (predicted != null) {
                mistakes.put(l.name(), "predicted " + predicted + ", label " + l.label() + " " + found.getFirst().evidence());
            } else if (l.label() != null) {
                mistakes.put(l.name(), "missed " + l.label());
            }
        }
        Map<PiiKind, Counts> counts = new TreeMap<>();
        perKind.forEach((k, v) -> counts.put(k, new Counts(v[0], v[1], v[2])));
        return new Score(profile, new Counts(tp, predictedAll, labelledAll), counts, mistakes);
    }

    static Supplier<String> counter(long start) {
        long[] next = {start};
        return () -> Long.toString(next[0]++);
    }
}
