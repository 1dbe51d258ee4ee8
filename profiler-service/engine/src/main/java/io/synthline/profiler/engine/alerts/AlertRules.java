package io.synthline.profiler.engine.alerts;

import io.synthline.commons.profile.Alert;
import io.synthline.commons.profile.AlertKind;
import io.synthline.commons.profile.ColumnProfile;
import io.synthline.commons.profile.Correlations;
import io.synthline.commons.profile.CorrelationMeasure;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.profile.TableSummary;
import io.synthline.commons.table.ColumnType;
import io.synthline.profiler.engine.ProfileOptions.AlertThresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Data-quality and privacy warnings, with the rules and default thresholds of ydata-profiling where it has them. */
public final class AlertRules {
    private final AlertThresholds t;

    public AlertRules(AlertThresholds thresholds) {
        this.t = thresholds;
    }

    /**
     * @param imbalance per categorical column with exactly known counts, ydata-profiling's imbalance
     *                  1 - entropy / log(classes); see {@link #imbalance(java.util.Collection)}
     */
    public List<Alert> evaluate(long rows, List<ColumnProfile> columns, TableSummary table, Correlations correlations,
            List<PiiFinding> pii, java.util.Map<String, Double> imbalance) {
        List<Alert> out = new ArrayList<>();
        if (rows == 0) {
            out.add(new Alert(AlertKind.NO_ROWS, Alert.Severity.ERROR, List.of(), "the file has a header but no data rows",
                    0.0, null));
        }
        if (table.duplicates().count() > 0) {
            out.add(new Alert(AlertKind.DUPLICATE_ROWS, Alert.Severity.WARNING, List.of(),
                    String.format(Locale.ROOT, "%s%,d rows (%.2f%%) repeat an earlier row", table.duplicates().exact() ? "" : "about ",
                            table.duplicates().count(), 100 * table.duplicates().share()),
                    (double) table.duplicates().count(), 0.0));
        }
        for (ColumnProfile c : columns) {
            column(rows, c, imbalance.get(c.name()), out);
        }
        if (correlations != null) {
            for (Correlations.PairCorrelation p : correlations.pairs()) {
                if (p.measure() == CorrelationMeasure.SPEARMAN) {
                    continue;
                }
                if (Math.abs(p.value()) >= t.highCorrelation()) {
                    out.add(new Alert(AlertKind.HIGH_CORRELATION, Alert.Severity.INFO, List.of(p.first(), p.second()),
                            String.format(Locale.ROOT, "'%s' and '%s' are highly correlated (%s %.3f)", p.first(), p.second(),
                                    p.measure(), p.value()), p.value(), t.highCorrelation()));
                }
            }
        }
        for (PiiFinding f : pii) {
            out.add(new Alert(AlertKind.PII, Alert.Severity.WARNING, List.of(f.column()),
                    String.format(Locale.ROOT, "'%s' holds personal data: %s (confidence %.2f)", f.column(), f.kind(), f.confidence()),
                    f.confidence(), null));
        }
        return out;
    }

    private void column(long rows, ColumnProfile c, Double imbalance, List<Alert> out) {
        List<String> col = List.of(c.name());
        if (c.count() == 0) {
            if (rows > 0) {
                out.add(new Alert(AlertKind.ALL_MISSING, Alert.Severity.WARNING, col, "'" + c.name() + "' is empty in every row", 1.0, null));
            }
            return;
        }
        if (c.nullShare() >= t.highMissingShare()) {
            out.add(new Alert(AlertKind.HIGH_MISSING, Alert.Severity.WARNING, col,
                    String.format(Locale.ROOT, "'%s' is missing in %.1f%% of rows", c.name(), 100 * c.nullShare()), c.nullShare(),
                    t.highMissingShare()));
        }
        long distinct = c.distinct().estimate();
        if (distinct == 1) {
            out.add(new Alert(AlertKind.CONSTANT, Alert.Severity.WARNING, col, "'" + c.name() + "' has a single value", 1.0, null));
        } else if (c.distinct().exact() && distinct == c.count() && c.count() > 1) {
            out.add(new Alert(AlertKind.UNIQUE, c.type() == ColumnType.IDENTIFIER ? Alert.Severity.INFO : Alert.Severity.WARNING,
                    col, "'" + c.name() + "' has a different value in every row", (double) distinct, null));
        } else if ((c.type() == ColumnType.CATEGORICAL || c.type() == ColumnType.TEXT) && distinct > t.highCardinality()) {
            out.add(new Alert(AlertKind.HIGH_CARDINALITY, Alert.Severity.INFO, col,
                    String.format(Locale.ROOT, "'%s' has %s%,d distinct values", c.name(), c.distinct().exact() ? "" : "about ", distinct),
                    (double) distinct, (double) t.highCardinality()));
        }
        if (c.numeric() != null) {
            Double skew = c.numeric().skewness();
            if (skew != null && Math.abs(skew) > t.skewness()) {
                out.add(new Alert(AlertKind.SKEWED, Alert.Severity.INFO, col,
                        String.format(Locale.ROOT, "'%s' is highly skewed (skewness %.2f)", c.name(), skew), skew, t.skewness()));
            }
            double zeros = (double) c.numeric().zeros() / c.count();
            if (zeros >= t.zerosShare() && distinct > 1) {
                out.add(new Alert(AlertKind.ZEROS, Alert.Severity.INFO, col,
                        String.format(Locale.ROOT, "'%s' is zero in %.1f%% of rows", c.name(), 100 * zeros), zeros, t.zerosShare()));
            }
            double outliers = (double) c.numeric().outliers() / c.count();
            if (c.numeric().outliers() > 0 && outliers >= t.outlierShare()) {
                out.add(new Alert(AlertKind.OUTLIERS, Alert.Severity.INFO, col,
                        String.format(Locale.ROOT, "'%s' has %s%,d values beyond 3 IQR from the quartiles", c.name(),
                                c.numeric().quantiles().exact() ? "" : "about ", c.numeric().outliers()),
                        outliers, t.outlierShare()));
            }
        }
        if ((c.type() == ColumnType.CATEGORICAL || c.type() == ColumnType.BOOLEAN) && c.frequent() != null
                && imbalance != null && distinct > 1) {
            if (imbalance > t.imbalance()) {
                out.add(new Alert(AlertKind.IMBALANCE, Alert.Severity.INFO, col,
                        String.format(Locale.ROOT, "'%s' is imbalanced (%.2f): '%s' makes up %.1f%%", c.name(), imbalance,
                                c.frequent().items().getFirst().value(), 100 * c.frequent().items().getFirst().share()),
                        imbalance, t.imbalance()));
            }
        }
        ColumnProfile.TypeCounts k = c.typeCounts();
        long numberLike = k.integer() + k.decimal() + k.datetime();
        if ((c.type() == ColumnType.TEXT || c.type() == ColumnType.CATEGORICAL || c.type() == ColumnType.IDENTIFIER)
                && k.kinds() >= 2 && numberLike > 0 && k.text() + k.bool() > 0) {
            double minority = (double) Math.min(numberLike, k.text() + k.bool()) / c.count();
            if (minority >= t.mixedTypeShare() || numberLike >= 0.5 * c.count()) {
                out.add(new Alert(AlertKind.MIXED_TYPES, Alert.Severity.WARNING, col,
                        String.format(Locale.ROOT, "'%s' mixes kinds of values: %,d numbers, %,d datetimes, %,d booleans, %,d text;"
                                + " declare placeholder values as null tokens or override the type", c.name(),
                                k.integer() + k.decimal(), k.datetime(), k.bool(), k.text()), minority, t.mixedTypeShare()));
            }
        }
        if (c.formulaLikeCount() > 0) {
            out.add(new Alert(AlertKind.FORMULA_INJECTION, Alert.Severity.WARNING, col,
                    String.format(Locale.ROOT, "'%s' has %,d values a spreadsheet would run as formulas (e.g. starting with '=')",
                            c.name(), c.formulaLikeCount()), (double) c.formulaLikeCount(), 0.0));
        }
        if (c.invalidCount() > 0) {
            out.add(new Alert(AlertKind.INVALID_VALUES, Alert.Severity.ERROR, col,
                    String.format(Locale.ROOT, "%,d values of '%s' are not valid %s (first at line %d)", c.invalidCount(),
                            c.name(), c.type(), c.firstInvalidLine()), (double) c.invalidCount(), 0.0));
        }
    }

    /** ydata-profiling's imbalance of a categorical distribution: 1 - entropy / log(classes); 0 is balanced. */
    public static double imbalance(java.util.Collection<Long> counts) {
        long total = 0;
        int classes = 0;
        for (long c : counts) {
            if (c > 0) {
                total += c;
                classes++;
            }
        }
        if (classes < 2) {
            return 0;
        }
        double entropy = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / total;
                entropy -= p * Math.log(p);
            }
        }
        return 1 - entropy / Math.log(classes);
    }
}
