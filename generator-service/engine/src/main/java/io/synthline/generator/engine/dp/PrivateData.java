package io.synthline.generator.engine.dp;

import io.synthline.generator.engine.pgm.AttributeDomain;
import java.util.ArrayList;
import java.util.List;

/**
 * The private table as model codes (codes[attribute][row]) with the codecs that produced them.
 * The only data access the algorithms have is {@link #counts}: a marginal query, the vector of
 * counts of each joint value of some attributes. Adding or removing one row changes exactly one
 * of those counts by one, so every marginal query has L2 (and L1) sensitivity 1.
 */
public final class PrivateData {
    private final List<AttributeCodec> codecs;
    private final AttributeDomain domain;
    private final int[][] codes;
    private final int rows;

    PrivateData(List<AttributeCodec> codecs, int[][] codes) {
        this.codecs = List.copyOf(codecs);
        this.codes = codes;
        this.rows = codes.length == 0 ? 0 : codes[0].length;
        int[] sizes = new int[codecs.size()];
        for (int a = 0; a < sizes.length; a++) {
            sizes[a] = codecs.get(a).size();
        }
        this.domain = new AttributeDomain(sizes);
    }

    public AttributeDomain domain() {
        return domain;
    }

    public List<AttributeCodec> codecs() {
        return codecs;
    }

    public int attributes() {
        return codecs.size();
    }

    /** The marginal query over {@code attrs} (sorted): counts of each joint value, in factor order. */
    public long[] counts(int[] attrs) {
        long[] out = new long[Math.toIntExact(domain.cells(attrs))];
        for (int r = 0; r < rows; r++) {
            int index = 0;
            for (int a : attrs) {
                index = index * domain.size(a) + codes[a][r];
            }
            out[index]++;
        }
        return out;
    }

    /** The same rows with one attribute's codes merged as {@code compressed} says. */
    PrivateData withCompressed(int attribute, AttributeCodec.Compressed compressed, int[] toCompressed) {
        List<AttributeCodec> next = new ArrayList<>(codecs);
        next.set(attribute, compressed);
        int[][] nextCodes = codes.clone();
        int[] mapped = new int[rows];
        for (int r = 0; r < rows; r++) {
            mapped[r] = toCompressed[codes[attribute][r]];
        }
        nextCodes[attribute] = mapped;
        return new PrivateData(next, nextCodes);
    }
}
