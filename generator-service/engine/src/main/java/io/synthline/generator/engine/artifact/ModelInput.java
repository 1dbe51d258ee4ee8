package io.synthline.generator.engine.artifact;

import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.ModelDomain;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link ModelOutput} wrote, from at most a given number of bytes. Every length is
 * checked against the bytes left, so a corrupt file fails cleanly instead of allocating
 * whatever a flipped bit asks for.
 */
public final class ModelInput {
    private static final int CHUNK = 1 << 16;
    private final DataInputStream in;
    private final byte[] chunk = new byte[CHUNK];
    private long remaining;

    /** @param length the bytes the parameters take; reading past them is an error */
    public ModelInput(InputStream in, long length) {
        this.in = new DataInputStream(in);
        this.remaining = length;
    }

    /** Bytes not read yet. */
    public long remaining() {
        return remaining;
    }

    private void take(long bytes) throws IOException {
        if (bytes > remaining) {
            throw new EOFException("corrupt model: " + bytes + " bytes wanted, " + remaining + " left");
        }
        remaining -= bytes;
    }

    public int readInt() throws IOException {
        take(Integer.BYTES);
        return in.readInt();
    }

    public long readLong() throws IOException {
        take(Long.BYTES);
        return in.readLong();
    }

    public double readDouble() throws IOException {
        take(Double.BYTES);
        return in.readDouble();
    }

    public boolean readBoolean() throws IOException {
        take(1);
        return in.readBoolean();
    }

    public String readString() throws IOException {
        if (!readBoolean()) {
            return null;
        }
        return new String(readBytes(), StandardCharsets.UTF_8);
    }

    public int[] readInts() throws IOException {
        int[] v = new int[length(Integer.BYTES)];
        readChunks(v.length, Integer.BYTES, (bytes, from, n) -> bytes.asIntBuffer().get(v, from, n));
        return v;
    }

    public long[] readLongs() throws IOException {
        long[] v = new long[length(Long.BYTES)];
        readChunks(v.length, Long.BYTES, (bytes, from, n) -> bytes.asLongBuffer().get(v, from, n));
        return v;
    }

    public double[] readDoubles() throws IOException {
        double[] v = new double[length(Double.BYTES)];
        readChunks(v.length, Double.BYTES, (bytes, from, n) -> bytes.asDoubleBuffer().get(v, from, n));
        return v;
    }

    /** Copies elements {@code [from, from + n)} of an array out of a buffer holding them big-endian. */
    private interface ChunkReader {
        void copy(ByteBuffer bytes, int from, int n);
    }

    /** Reads {@code length} elements of {@code elementBytes} each, a buffer's worth at a time. */
    private void readChunks(int length, int elementBytes, ChunkReader reader) throws IOException {
        take((long) length * elementBytes);
        for (int from = 0; from < length; ) {
            int n = Math.min(length - from, CHUNK / elementBytes);
            in.readFully(chunk, 0, n * elementBytes);
            reader.copy(ByteBuffer.wrap(chunk), from, n);
            from += n;
        }
    }

    public byte[] readBytes() throws IOException {
        byte[] v = new byte[length(1)];
        take(v.length);
        in.readFully(v);
        return v;
    }

    public List<String> readStrings() throws IOException {
        // a null string takes at least one byte
        int n = length(1);
        List<String> v = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            v.add(readString());
        }
        return v;
    }

    public ModelDomain readDomain() throws IOException {
        int n = length(1);
        List<ColumnDomain> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = readString();
            String type = readString();
            String format = readString();
            List<String> categories = readStrings();
            double min = readDouble();
            double max = readDouble();
            double resolution = readDouble();
            columns.add(new ColumnDomain(ModelOutput.schema(name, type, format), categories, min, max, resolution));
        }
        return new ModelDomain(columns);
    }

    /** A length prefix, checked against the bytes left for that many elements of the given size. */
    private int length(int elementBytes) throws IOException {
        int n = readInt();
        if (n < 0 || (long) n * elementBytes > remaining) {
            throw new IOException("corrupt model: length " + n + " with " + remaining + " bytes left");
        }
        return n;
    }
}
