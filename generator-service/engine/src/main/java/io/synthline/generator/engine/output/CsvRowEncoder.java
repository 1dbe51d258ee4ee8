package io.synthline.generator.engine.output;

import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.ValueFormatter;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.ModelDomain;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes output rows straight to CSV bytes (RFC 4180, comma, LF, UTF-8, quotes only where
 * needed, missing values as empty fields: the same conventions as the commons CSV writer), with
 * the text of every category encoded once. Not thread-safe: one per worker.
 */
public final class CsvRowEncoder {
    public static final String RUN_COLUMN = "_synth_run";
    public static final String ROW_COLUMN = "_synth_row";

    private final ColumnEncoder[] encoders;
    private final boolean provenance;
    private final byte[] runId;

    private interface ColumnEncoder {
        void encode(double cell, String text, ByteBlock out);
    }

    public CsvRowEncoder(ModelDomain output, boolean[] generated, boolean provenance, String runId) {
        this.encoders = new ColumnEncoder[output.size()];
        for (int c = 0; c < encoders.length; c++) {
            encoders[c] = generated[c] ? (cell, text, out) -> text(text, out) : encoder(output.column(c));
        }
        this.provenance = provenance;
        this.runId = escape(runId == null ? "" : runId);
    }

    public static List<String> header(ModelDomain output, boolean provenance) {
        List<String> names = new ArrayList<>(output.names());
        if (provenance) {
            names.add(RUN_COLUMN);
            names.add(ROW_COLUMN);
        }
        return names;
    }

    public static byte[] headerBytes(ModelDomain output, boolean provenance) {
        ByteBlock b = new ByteBlock(256);
        List<String> names = header(output, provenance);
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                b.put((byte) ',');
            }
            b.put(escape(names.get(i)));
        }
        b.put((byte) '\n');
        return java.util.Arrays.copyOf(b.array(), b.size());
    }

    public void encode(double[] cells, String[] texts, long row, ByteBlock out) {
        for (int c = 0; c < encoders.length; c++) {
            if (c > 0) {
                out.put((byte) ',');
            }
            encoders[c].encode(cells[c], texts[c], out);
        }
        if (provenance) {
            out.put((byte) ',');
            out.put(runId);
            out.put((byte) ',');
            out.putLong(row);
        }
        out.put((byte) '\n');
    }

    private static ColumnEncoder encoder(ColumnDomain d) {
        if (d.isCategorical()) {
            byte[][] bytes = new byte[d.cardinality()][];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = escape(d.categories().get(k));
            }
            return (cell, text, out) -> {
                if (!Double.isNaN(cell)) {
                    out.put(bytes[(int) cell]);
                }
            };
        }
        ColumnType type = d.schema().type();
        if (type == ColumnType.INTEGER) {
            return (cell, text, out) -> {
                if (!Double.isNaN(cell)) {
                    out.putLong(Math.round(cell));
                }
            };
        }
        if (type == ColumnType.DECIMAL && d.resolution() > 0 && d.resolution() <= 1) {
            int decimals = (int) Math.round(-Math.log10(d.resolution()));
            long scale = (long) Math.pow(10, decimals);
            return (cell, text, out) -> {
                if (Double.isNaN(cell)) {
                    return;
                }
                double scaled = cell * scale;
                if (Math.abs(scaled) >= 0x1p53) {
                    out.put(ValueFormatter.decimal(cell).getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                decimal(Math.round(scaled), decimals, out);
            };
        }
        ValueFormatter formatter = ValueFormatter.forSchema(d.schema());
        double[] lastValue = {Double.NaN};
        byte[][] lastText = {null};
        return (cell, text, out) -> {
            if (Double.isNaN(cell)) {
                return;
            }
            if (cell != lastValue[0]) {
                lastValue[0] = cell;
                lastText[0] = escape(formatter.format(cell));
            }
            out.put(lastText[0]);
        };
    }

    /** A fixed-point number with trailing fractional zeros dropped, as {@link ValueFormatter#decimal} writes it. */
    static void decimal(long scaled, int decimals, ByteBlock out) {
        if (scaled < 0) {
            out.put((byte) '-');
            scaled = -scaled;
        }
        long unit = 1;
        for (int i = 0; i < decimals; i++) {
            unit *= 10;
        }
        long whole = scaled / unit;
        long fraction = scaled % unit;
        out.putLong(whole);
        if (fraction == 0) {
            return;
        }
        int digits = decimals;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        out.put((byte) '.');
        long bound = 1;
        for (int i = 1; i < digits; i++) {
            bound *= 10;
        }
        while (bound > fraction && bound > 1) {
            out.put((byte) '0');
            bound /= 10;
        }
        out.putLong(fraction);
    }

    private static void text(String text, ByteBlock out) {
        if (text != null) {
            out.put(escape(text));
        }
    }

    static byte[] escape(String s) {
        boolean quote = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        return ("\"" + s.replace("\"", "\"\"") + "\"").getBytes(StandardCharsets.UTF_8);
    }
}
