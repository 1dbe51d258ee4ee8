package io.synthline.generator.engine.tree;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A synthesis sequence: the prefix columns are copied together from one donor row, every later
 * column is drawn from the leaf its tree sends the row to (predictors: all columns before it).
 * Unconditional sampling has no prefix (the first tree has no predictors: it is the first
 * column's marginal); conditioning on columns puts them in the prefix, so they come jointly
 * from a training row that satisfies the condition.
 */
record Chain(int[] prefix, int[] sequence, Cart[] trees) {

    static Chain fit(TrainingData data, int[] prefix, int[] sequence, int[] rows, CartBuilder.Limits limits, int threads) {
        List<Cart> trees = Parallel.map(sequence.length, threads, "synthline-fit", i -> {
            int[] predictors = new int[prefix.length + i];
            System.arraycopy(prefix, 0, predictors, 0, prefix.length);
            System.arraycopy(sequence, 0, predictors, prefix.length, i);
            return new CartBuilder(data, sequence[i], predictors, rows, limits).build();
        });
        return new Chain(prefix.clone(), sequence.clone(), trees.toArray(Cart[]::new));
    }

    /** The prefix as a sorted key, to cache chains by the set of conditioned columns. */
    String key() {
        int[] sorted = prefix.clone();
        Arrays.sort(sorted);
        return Arrays.toString(sorted);
    }

    void write(ModelOutput out) throws IOException {
        out.writeInts(prefix);
        out.writeInts(sequence);
        for (Cart t : trees) {
            t.write(out);
        }
    }

    static Chain read(ModelInput in) throws IOException {
        int[] prefix = in.readInts();
        int[] sequence = in.readInts();
        Cart[] trees = new Cart[sequence.length];
        for (int i = 0; i < trees.length; i++) {
            trees[i] = Cart.read(in);
        }
        return new Chain(prefix, sequence, trees);
    }
}
