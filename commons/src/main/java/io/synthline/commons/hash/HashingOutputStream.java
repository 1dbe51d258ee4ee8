package io.synthline.commons.hash;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Passes bytes on to another stream, counting and hashing (SHA-256) them on the way. */
public final class HashingOutputStream extends FilterOutputStream {
    private final MessageDigest digest = Sha256.digest();
    private long count;

    public HashingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        digest.update((byte) b);
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        digest.update(b, off, len);
        out.write(b, off, len);
        count += len;
    }

    /** How many bytes went through. */
    public long count() {
        return count;
    }

    /** The hex SHA-256 of the bytes that went through; call it once, at the end. */
    public String sha256() {
        return Sha256.hex(digest);
    }
}
