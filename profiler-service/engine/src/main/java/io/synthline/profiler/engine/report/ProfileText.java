package io.synthline.profiler.engine.report;

import io.synthline.commons.profile.Alert;
import io.synthline.commons.profile.AttributeTag;
import io.synthline.commons.profile.ColumnProfile;
import io.synthline.commons.profile.Correlations;
import io.synthline.commons.profile.CorrelationMeasure;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.profile.PiiFinding;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The profile as a terminal report (what {@code synth profile --format text} prints). */
public final class ProfileText {
    private ProfileText() {
    }

    public static String render(DatasetProfile p) {
        StringBuilder sb = new StringBuilder();
        var t = p.table();
        sb.append(String.format(Locale.ROOT, "%s: %,d rows, %d columns, %,d missing cells (%.2f%%), %s%,d duplicate rows%n",
                p.source() == null ? "dataset" : p.source().name(), p.rowCount(), p.columnCount(), t.missingCells(),
                100 * t.missingShare(), t.duplicates().exact() ? "" : "~", t.duplicates().count()));
        sb.append(String.format(Locale.ROOT, "%n%-28s %-12s %8s %12s  %s%n", "column", "type", "missing", "distinct", "summary"));
        for (ColumnProfile c : p.columns()) {
            sb.append(String.format(Locale.ROOT, "%-28s %-12s %7.1f%% %12s  %s%n", clip(c.name(), 28),
                    c.type() + (c.typeOverridden() ? "*" : ""), 100 * c.nullShare(),
                    (c.distinct().exact() ? "" : "~") + String.format(Locale.ROOT, "%,d", c.distinct().estimate()), summary(c)));
        }
        if (p.columns().stream().anyMatch(ColumnProfile::typeOverridden)) {
            sb.append("(* type set by the explicit schema)\n");
        }
        if (!p.pii().isEmpty()) {
            sb.append("\npersonal data\n");
            for (PiiFinding f : p.pii()) {
                sb.append(String.format(Locale.ROOT, "  %-28s %-18s confidence %.2f%s%s%s%n", clip(f.column(), 28), f.kind(),
                        f.confidence(), f.locale() == null ? "" : "  locale " + f.locale(),
                        f.format() == null ? "" : "  format " + f.format(),
                        f.embedded().isEmpty() ? "" : "  contains " + f.embedded()));
            }
        }
        if (!p.attributes().isEmpty()) {
            sb.append("\nquasi-identifiers and sensitive attributes\n");
            for (AttributeTag a : p.attributes()) {
                sb.append(String.format(Locale.ROOT, "  %-28s %-18s %s (confidence %.2f)%n", clip(a.column(), 28), a.category(),
                        a.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), a.confidence()));
            }
        }
        Correlations corr = p.correlations();
        if (corr != null && !corr.pairs().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nstrongest associations (%s %,d rows)%n", corr.sampled() ? "sample of" : "all",
                    corr.sampleSize()));
            corr.pairs().stream().filter(c -> c.measure() != CorrelationMeasure.SPEARMAN)
                    .sorted(Comparator.comparingDouble((Correlations.PairCorrelation c) -> -Math.abs(c.value()))
                            .thenComparing(Correlations.PairCorrelation::first).thenComparing(Correlations.PairCorrelation::second))
                    .limit(10)
                    .forEach(c -> sb.append(String.format(Locale.ROOT, "  %-24s %-24s %-17s %7.3f%n", clip(c.first(), 24),
                            clip(c.second(), 24), c.measure(), c.value())));
        }
        if (!p.alerts().isEmpty()) {
            sb.append("\nalerts\n");
            List<Alert> sorted = p.alerts().stream()
                    .sorted(Comparator.comparing((Alert a) -> -a.severity().ordinal()).thenComparing(a -> a.kind().name())).toList();
            for (Alert a : sorted) {
                sb.append(String.format(Locale.ROOT, "  %-7s %-17s %s%n", a.severity(), a.kind(), a.message()));
            }
        }
        return sb.toString().stripTrailing();
    }

    static String summary(ColumnProfile c) {
        if (c.numeric() != null) {
            var n = c.numeric();
            return String.format(Locale.ROOT, "min %s  median %s  max %s  mean %s  std %s", num(n.min()),
                    num(n.quantiles().at(0.5)), num(n.max()), num(n.mean()), n.stdDev() == null ? "-" : num(n.stdDev()));
        }
        if (c.datetime() != null) {
            return c.datetime().min() + " .. " + c.datetime().max() + " (" + c.format() + ")";
        }
        if (c.valuesWithheld()) {
            return "values withheld (personal data)";
        }
        if (c.frequent() != null && !c.frequent().items().isEmpty()) {
            var top = c.frequent().items().getFirst();
            String lengths = c.text() == null ? "" : String.format(Locale.ROOT, "  length %d..%d", c.text().minLength(), c.text().maxLength());
            return String.format(Locale.ROOT, "top '%s' %.1f%%%s", clip(top.value(), 24), 100 * top.share(), lengths);
        }
        return c.text() == null ? "" : String.format(Locale.ROOT, "length %d..%d", c.text().minLength(), c.text().maxLength());
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%,.4f", v);
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "~";
    }
}
