package io.synthline.generator.engine.artifact;

import io.synthline.generator.engine.ColumnDomain;
import io.synthline.generator.engine.Domain;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Big-endian binary writer for model parameters, with helpers for the arrays models are made of. */
public final class ModelOutput {
    private final DataOutputStream out;

    public ModelOutput(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    public void writeInt(int v) throws IOException {
        out.writeInt(v);
    }

    public void writeLong(long v) throws IOException {
        out.writeLong(v);
    }

    public void writeDouble(double v) throws IOException {
        out.writeDouble(v);
    }

    public void writeBoolean(boolean v) throws IOException {
        out.writeBoolean(v);
    }

    public void writeString(String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    public void writeInts(int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    public void writeLongs(long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    public void writeDoubles(double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    public void writeBytes(byte[] values) throws IOException {
        out.writeInt(values.length);
        out.write(values);
    }

    public void writeStrings(List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String s : values) {
            writeString(s);
        }
    }

    public void writeDomain(Domain domain) throws IOException {
        out.writeInt(domain.size());
        for (ColumnDomain c : domain.columns()) {
            writeString(c.schema().name());
            writeString(c.schema().type().name());
            writeString(c.schema().format());
            writeStrings(c.categories());
            out.writeDouble(c.min());
            out.writeDouble(c.max());
            out.writeDouble(c.resolution());
        }
    }

    public void flush() throws IOException {
        out.flush();
    }

    static ColumnSchema schema(String name, String type, String format) {
        return new ColumnSchema(name, ColumnType.valueOf(type), format);
    }
}
