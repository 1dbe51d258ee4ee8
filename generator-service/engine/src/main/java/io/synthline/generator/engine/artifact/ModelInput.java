package io.synthline.generator.engine.artifact;

import io.synthline.generator.engine.ColumnDomain;
import io.synthline.generator.engine.Domain;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads what {@link ModelOutput} wrote. Lengths are checked against a sanity limit so a corrupt file fails cleanly. */
public final class ModelInput {
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 16;
    private final DataInputStream in;

    public ModelInput(InputStream in) {
        this.in = new DataInputStream(in);
    }

    public int readInt() throws IOException {
        return in.readInt();
    }

    public long readLong() throws IOException {
        return in.readLong();
    }

    public double readDouble() throws IOException {
        return in.readDouble();
    }

    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    public String readString() throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        byte[] bytes = new byte[length()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int[] readInts() throws IOException {
        int[] v = new int[length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readInt();
        }
        return v;
    }

    public long[] readLongs() throws IOException {
        long[] v = new long[length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readLong();
        }
        return v;
    }

    public double[] readDoubles() throws IOException {
        double[] v = new double[length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    public byte[] readBytes() throws IOException {
        byte[] v = new byte[length()];
        in.readFully(v);
        return v;
    }

    public List<String> readStrings() throws IOException {
        int n = length();
        List<String> v = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            v.add(readString());
        }
        return v;
    }

    public Domain readDomain() throws IOException {
        int n = length();
        List<ColumnDomain> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = readString();
            String type = readString();
            String format = readString();
            List<String> categories = readStrings();
            double min = in.readDouble();
            double max = in.readDouble();
            double resolution = in.readDouble();
            columns.add(new ColumnDomain(ModelOutput.schema(name, type, format), categories, min, max, resolution));
        }
        return new Domain(columns);
    }

    private int length() throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_LENGTH) {
            throw new IOException("corrupt model: length " + n);
        }
        return n;
    }
}
