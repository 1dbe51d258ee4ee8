package io.synthline.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet file's footer the same on every JVM. parquet-java collects the encodings of a
 * column chunk (and those its page statistics count) in hash sets of enum constants, whose
 * iteration order follows identity hash codes and so changes from one JVM run to the next: the
 * same rows gave files that differed in a few footer bytes. The order of those lists means
 * nothing, so they are sorted by the format's enum values and the footer written again in place;
 * the data pages, the page indexes and every offset stay as they are.
 */
final class CanonicalFooter {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final Comparator<Encoding> ENCODINGS = Comparator.comparingInt(Encoding::getValue);
    private static final Comparator<PageEncodingStats> PAGE_ENCODINGS = Comparator
            .<PageEncodingStats>comparingInt(s -> s.getPage_type().getValue()).thenComparingInt(s -> s.getEncoding().getValue());

    private CanonicalFooter() {
    }

    /** Rewrites the footer of the closed, unencrypted Parquet file with its encoding lists sorted, if they are not already. */
    static void sortEncodings(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer tail = readFully(channel, size - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[4];
            tail.get(4, magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file.getFileName() + " does not end like a Parquet file");
            }
            int length = tail.getInt(0);
            long start = size - 8 - length;
            FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(readFully(channel, start, length).array()));
            boolean changed = false;
            for (RowGroup group : footer.getRow_groups()) {
                for (ColumnChunk chunk : group.getColumns()) {
                    ColumnMetaData meta = chunk.getMeta_data();
                    if (meta != null) {
                        changed |= sort(meta.getEncodings(), ENCODINGS);
                        changed |= sort(meta.getEncoding_stats(), PAGE_ENCODINGS);
                    }
                }
            }
            if (!changed) {
                return;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(length);
            Util.writeFileMetaData(footer, bytes);
            ByteBuffer rewritten = ByteBuffer.allocate(bytes.size() + 8).order(ByteOrder.LITTLE_ENDIAN);
            rewritten.put(bytes.toByteArray()).putInt(bytes.size()).put(MAGIC).flip();
            channel.truncate(start);
            for (long at = start; rewritten.hasRemaining(); ) {
                at += channel.write(rewritten, at);
            }
        }
    }

    /** Sorts the list in place; whether its order changed. */
    private static <T> boolean sort(List<T> list, Comparator<T> order) {
        if (list == null || list.size() < 2) {
            return false;
        }
        List<T> before = new ArrayList<>(list);
        list.sort(order);
        return !before.equals(list);
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        if (position < 0 || length < 0) {
            throw new IOException("not a Parquet file: its footer is out of range");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("not a Parquet file: it ends inside its footer");
            }
        }
        return buffer.flip();
    }
}
