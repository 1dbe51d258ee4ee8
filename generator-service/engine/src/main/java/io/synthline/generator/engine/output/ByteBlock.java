package io.synthline.generator.engine.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte buffer for one block of encoded rows. */
public final class ByteBlock {
    private byte[] bytes;
    private int size;

    public ByteBlock(int capacity) {
        this.bytes = new byte[capacity];
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public byte[] array() {
        return bytes;
    }

    void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }

    public void put(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    public void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    /** Decimal digits of a long. */
    public void putLong(long v) {
        ensure(20);
        if (v == Long.MIN_VALUE) {
            put(Long.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return;
        }
        if (v < 0) {
            bytes[size++] = '-';
            v = -v;
        }
        int from = size;
        do {
            bytes[size++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = from, j = size - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }
}
