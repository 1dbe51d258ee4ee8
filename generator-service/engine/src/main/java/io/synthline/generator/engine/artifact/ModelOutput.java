package io.synthline.generator.engine.artifact;

import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.ModelDomain;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Big-endian binary writer for model parameters, with helpers for the arrays models are made of.
 * Buffers in bulk (arrays go through {@link ByteBuffer} views, not byte by byte) because
 * parameters are written twice per fit: once to hash them, once to store them.
 */
public final class ModelOutput {
    private static final int BUFFER = 1 << 16;
    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

    public ModelOutput(OutputStream out) {
        this.out = out;
    }

    private ByteBuffer room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            drain();
        }
        return buffer;
    }

    private void drain() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    public void writeInt(int v) throws IOException {
        room(Integer.BYTES).putInt(v);
    }

    public void writeLong(long v) throws IOException {
        room(Long.BYTES).putLong(v);
    }

    public void writeDouble(double v) throws IOException {
        room(Double.BYTES).putDouble(v);
    }

    public void writeBoolean(boolean v) throws IOException {
        room(1).put((byte) (v ? 1 : 0));
    }

    public void writeString(String s) throws IOException {
        writeBoolean(s != null);
        if (s != null) {
            writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    public void writeInts(int[] values) throws IOException {
        writeChunks(values.length, Integer.BYTES, (bytes, from, n) -> bytes.asIntBuffer().put(values, from, n));
    }

    public void writeLongs(long[] values) throws IOException {
        writeChunks(values.length, Long.BYTES, (bytes, from, n) -> bytes.asLongBuffer().put(values, from, n));
    }

    public void writeDoubles(double[] values) throws IOException {
        writeChunks(values.length, Double.BYTES, (bytes, from, n) -> bytes.asDoubleBuffer().put(values, from, n));
    }

    /** Copies elements {@code [from, from + n)} of an array into a buffer, big-endian, from its position on. */
    private interface ChunkWriter {
        void copy(ByteBuffer bytes, int from, int n);
    }

    /** Writes a length prefix and {@code length} elements of {@code elementBytes} each, as many per buffer as fit. */
    private void writeChunks(int length, int elementBytes, ChunkWriter writer) throws IOException {
        writeInt(length);
        for (int from = 0; from < length; ) {
            int n = Math.min(length - from, room(elementBytes).remaining() / elementBytes);
            writer.copy(buffer, from, n);
            buffer.position(buffer.position() + n * elementBytes);
            from += n;
        }
    }

    public void writeBytes(byte[] values) throws IOException {
        writeInt(values.length);
        for (int from = 0; from < values.length; ) {
            int n = Math.min(values.length - from, room(1).remaining());
            buffer.put(values, from, n);
            from += n;
        }
    }

    public void writeStrings(List<String> values) throws IOException {
        writeInt(values.size());
        for (String s : values) {
            writeString(s);
        }
    }

    public void writeDomain(ModelDomain domain) throws IOException {
        writeInt(domain.size());
        for (ColumnDomain c : domain.columns()) {
            writeString(c.schema().name());
            writeString(c.schema().type().name());
            writeString(c.schema().format());
            writeStrings(c.categories());
            writeDouble(c.min());
            writeDouble(c.max());
            writeDouble(c.resolution());
        }
    }

    /** Writes out what is buffered and flushes the target. */
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    static ColumnSchema schema(String name, String type, String format) {
        return new ColumnSchema(name, ColumnType.valueOf(type), format);
    }
}
