package io.synthline.evaluator.engine.report;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts. Every chart is an {@code <svg class="chart" data-chart=kind>}. */
final class Svg {
    static final String REAL = "#2b6cb0";
    static final String SYNTHETIC = "#dd6b20";
    static final String HOLDOUT = "#38a169";

    private Svg() {
    }

    /**
     * Grouped bars of two frequency series over the same bins, with a y-axis in percent of rows and
     * the bin labels slanted below the axis inside the chart (the margins grow with the longest label).
     */
    static String bars(String title, List<String> labels, List<Double> real, List<Double> synthetic) {
        int n = labels.size();
        boolean labelled = n <= 16;
        int longest = 0;
        for (String l : labels) {
            longest = Math.max(longest, Math.min(16, l.length()));
        }
        // a slanted label of c characters at 8 px: about 4.4 px per character, at 35 degrees
        int labelDrop = labelled ? (int) Math.ceil(longest * 4.4 * Math.sin(Math.toRadians(35))) + 12 : 6;
        int labelReach = labelled ? (int) Math.ceil(longest * 4.4 * Math.cos(Math.toRadians(35))) : 0;
        int w = 340;
        int top = 20;
        int plotH = 120;
        int left = Math.max(40, labelReach - 4);
        int h = top + plotH + labelDrop + 4;
        int plotW = w - left - 8;
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.max(real.get(i), synthetic.get(i)));
        }
        max = niceCeiling(max <= 0 ? 1 : max);
        StringBuilder s = open("distribution", w, h, title);
        s.append(text(8, 13, title, "start", 11, "bold"));
        yAxis(s, left, top, plotH, max, left + plotW);
        double slot = (double) plotW / Math.max(n, 1);
        double bar = Math.max(1, slot * 0.4);
        for (int i = 0; i < n; i++) {
            double x = left + i * slot + slot * 0.1;
            double rh = real.get(i) / max * plotH;
            double sh = synthetic.get(i) / max * plotH;
            s.append(rect(x, top + plotH - rh, bar, rh, REAL, labels.get(i) + ": real " + pct(real.get(i))));
            s.append(rect(x + bar, top + plotH - sh, bar, sh, SYNTHETIC, labels.get(i) + ": synthetic " + pct(synthetic.get(i))));
            if (labelled) {
                double cx = left + i * slot + slot / 2;
                int ly = top + plotH + 10;
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"8\" text-anchor=\"end\" "
                        + "transform=\"rotate(-35 %.1f %d)\">%s</text>", cx, ly, cx, ly, Html.escape(shorten(labels.get(i), 16))));
            }
        }
        s.append(axis(left, top + plotH, left + plotW));
        return s.append("</svg>").toString();
    }

    /**
     * A square heatmap with its columns named on both axes and a colour scale; values in [-1, 1]
     * (blue positive, red negative), missing values grey.
     */
    static String heatmap(String title, List<String> names, List<List<Double>> m) {
        int n = names.size();
        int cell = Math.max(10, Math.min(22, 330 / Math.max(n, 1)));
        int left = 112;
        int top = 96;
        int scaleW = 64;
        int w = left + n * cell + 16 + scaleW;
        int h = top + n * cell + 12;
        StringBuilder s = open("heatmap", w, h, title);
        s.append(text(8, 13, title, "start", 11, "bold"));
        for (int i = 0; i < n; i++) {
            s.append(text(left - 4, top + i * cell + cell * 0.7, shorten(names.get(i), 18), "end", 9, "normal"));
            double cx = left + i * cell + cell * 0.6;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" text-anchor=\"start\" "
                    + "transform=\"rotate(-60 %.1f %d)\">%s</text>", cx, top - 4, cx, top - 4, Html.escape(shorten(names.get(i), 16))));
            for (int j = 0; j < n; j++) {
                Double v = m.get(i).get(j);
                s.append(rect(left + j * cell, top + i * cell, cell - 1, cell - 1, colour(v),
                        names.get(i) + " / " + names.get(j) + ": " + (v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v))));
            }
        }
        // the colour scale: +1 at the top, -1 at the bottom
        int sx = left + n * cell + 16;
        int sh = Math.max(60, n * cell);
        int steps = 20;
        for (int k = 0; k < steps; k++) {
            double v = 1 - 2.0 * (k + 0.5) / steps;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"12\" height=\"%.1f\" fill=\"%s\"/>", sx,
                    top + (double) k * sh / steps, (double) sh / steps + 0.5, colour(v)));
        }
        s.append(text(sx + 16, top + 8, "+1", "start", 9, "normal"));
        s.append(text(sx + 16, top + sh / 2.0 + 3, "0", "start", 9, "normal"));
        s.append(text(sx + 16, top + sh, "\u22121", "start", 9, "normal"));
        s.append(rect(sx, top + sh + 6, 12, 8, colour(null), "not defined"));
        s.append(text(sx + 16, top + sh + 14, "n/a", "start", 9, "normal"));
        return s.append("</svg>").toString();
    }

    /** Overlaid histograms (as step outlines with light fill) sharing bin edges. */
    static String histograms(String title, List<Double> edges, List<List<Long>> series, List<String> names, List<String> colours) {
        int w = 460;
        int h = 200;
        int left = 40;
        int top = 20;
        int plotW = w - left - 130;
        int plotH = h - top - 30;
        int bins = edges.size() - 1;
        double max = 0;
        double[][] shares = new double[series.size()][bins];
        for (int k = 0; k < series.size(); k++) {
            long total = 0;
            for (long c : series.get(k)) {
                total += c;
            }
            for (int b = 0; b < bins; b++) {
                shares[k][b] = total == 0 ? 0 : (double) series.get(k).get(b) / total;
                max = Math.max(max, shares[k][b]);
            }
        }
        max = max <= 0 ? 1 : max;
        StringBuilder s = open("histogram", w, h, title);
        s.append(text(left, 13, title, "start", 11, "bold"));
        for (int k = 0; k < series.size(); k++) {
            StringBuilder path = new StringBuilder();
            path.append(String.format(Locale.ROOT, "M%.1f %.1f", (double) left, (double) top + plotH));
            for (int b = 0; b < bins; b++) {
                double x0 = left + (double) b / bins * plotW;
                double x1 = left + (double) (b + 1) / bins * plotW;
                double y = top + plotH - shares[k][b] / max * plotH;
                path.append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", x0, y, x1, y));
            }
            path.append(String.format(Locale.ROOT, " L%.1f %.1f Z", (double) left + plotW, (double) top + plotH));
            s.append("<path d=\"").append(path).append("\" fill=\"").append(colours.get(k))
                    .append("\" fill-opacity=\"0.25\" stroke=\"").append(colours.get(k)).append("\" stroke-width=\"1.5\"/>");
            s.append(rect(left + plotW + 12, top + 6 + k * 16, 10, 10, colours.get(k), names.get(k)));
            s.append(text(left + plotW + 26, top + 15 + k * 16, names.get(k), "start", 10, "normal"));
        }
        s.append(axis(left, top + plotH, left + plotW));
        s.append(text(left, top + plotH + 14, fmt(edges.getFirst()), "middle", 9, "normal"));
        s.append(text(left + plotW, top + plotH + 14, fmt(edges.getLast()), "middle", 9, "normal"));
        s.append(text(left - 3, top + 6, pct(max), "end", 8, "normal"));
        return s.append("</svg>").toString();
    }

    /** Which values of a score are good: its bar's colour follows it (green good, amber middling, red bad). */
    enum Good {
        /** 1 is best (quality, accuracy, protection scores). */
        HIGH,
        /** 0.5 is best, 1 (and 0) worst: AUCs of a classifier telling synthetic from real, or members from non-members. */
        HALF,
        /** 0 is best (risks, gaps). */
        LOW;

        /** The value's goodness in [0, 1]. */
        double goodness(double v) {
            return switch (this) {
                case HIGH -> v;
                case HALF -> 1 - 2 * Math.abs(v - 0.5);
                case LOW -> 1 - v;
            };
        }
    }

    /** A horizontal bar for a score in [0, 1] whose higher values are better. */
    static String scoreBar(Double v) {
        return scoreBar(v, Good.HIGH);
    }

    /** A horizontal bar as long as the value in [0, 1], coloured by how good the value is for this kind of score. */
    static String scoreBar(Double v, Good good) {
        double x = v == null || v.isNaN() ? 0 : Math.max(0, Math.min(1, v));
        double g = v == null || v.isNaN() ? 0 : good.goodness(x);
        return String.format(Locale.ROOT, "<svg class=\"bar\" width=\"120\" height=\"10\" viewBox=\"0 0 120 10\" role=\"img\" "
                + "aria-label=\"%s\"><rect width=\"120\" height=\"10\" fill=\"#e2e8f0\"/><rect width=\"%.1f\" height=\"10\" "
                + "fill=\"%s\"/></svg>", g >= 0.8 ? "good" : g >= 0.5 ? "fair" : "poor",
                x * 120, g >= 0.8 ? "#38a169" : g >= 0.5 ? "#d69e2e" : "#e53e3e");
    }

    static String colour(Double v) {
        if (v == null || v.isNaN()) {
            return "#cbd5e0";
        }
        double a = Math.min(1, Math.abs(v));
        int r = v >= 0 ? (int) Math.round(255 - a * (255 - 43)) : 255;
        int g = v >= 0 ? (int) Math.round(255 - a * (255 - 108)) : (int) Math.round(255 - a * 200);
        int b = v >= 0 ? (int) Math.round(255 - a * (255 - 176)) : (int) Math.round(255 - a * 200);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static StringBuilder open(String kind, int w, int h, String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart\" data-chart=\"%s\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", kind, w, h, w, h, Html.escape(title)));
    }

    private static String rect(double x, double y, double w, double h, String fill, String tip) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
                x, y, w, Math.max(h, 0), fill, Html.escape(tip));
    }

    private static String text(double x, double y, String t, String anchor, int size, String weight) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" text-anchor=\"%s\">%s</text>",
                x, y, size, weight, anchor, Html.escape(t));
    }

    /** A y-axis with gridlines at 0, half and the top of {@code max} (a share of rows, in percent). */
    static void yAxis(StringBuilder s, int left, int top, int plotH, double max, int right) {
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4a5568\"/>", left, top, left,
                top + plotH));
        for (int k = 0; k <= 2; k++) {
            double v = max * k / 2;
            double y = top + plotH - (double) plotH * k / 2;
            if (k > 0) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#edf2f7\"/>", left, y,
                        right, y));
            }
            s.append(text(left - 3, y + 3, pct(v), "end", 8, "normal"));
        }
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code v}: round axis ends. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v - 1e-12) {
                return Math.min(1, m * p);
            }
        }
        return v;
    }

    private static String axis(int x0, int y, int x1) {
        return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4a5568\"/>", x0, y, x1, y);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
