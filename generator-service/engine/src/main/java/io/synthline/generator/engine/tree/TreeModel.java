package io.synthline.generator.engine.tree;

import io.synthline.generator.engine.Domain;
import io.synthline.generator.engine.FittedModel;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.sampling.ColumnCondition;
import io.synthline.generator.engine.sampling.Condition;
import io.synthline.generator.engine.sampling.ConditionalSampling;
import io.synthline.generator.engine.sampling.GivenColumns;
import io.synthline.generator.engine.sampling.ImpossibleConditionException;
import io.synthline.generator.engine.sampling.RowDrawer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fitted tree synthesis model. Unconditionally, every column comes from a tree's leaf, the
 * first from a tree without predictors (its marginal). Conditioning is exact with respect to
 * the training data: the conditioned columns are taken jointly from a training row that
 * satisfies the condition (drawn uniformly among them), and the other columns from trees grown
 * with the conditioned columns first, i.e. from the model's estimate of p(rest | conditioned
 * columns). Such chains are grown on first use and kept; this is why the model keeps (and
 * stores) the training cells.
 */
final class TreeModel implements FittedModel, ConditionalSampling, GivenColumns {
    private final TrainingData data;
    private final int[] order;
    private final CartBuilder.Limits limits;
    private final Chain chain;
    /** Rows the prefix (the conditioned columns) is copied from; null when there is no prefix. */
    private final int[] candidates;
    private final int threads;
    private final Map<String, Chain> chains;

    TreeModel(TrainingData data, int[] order, CartBuilder.Limits limits, Chain chain, int[] candidates, int threads) {
        this(data, order, limits, chain, candidates, threads, new ConcurrentHashMap<>());
        chains.put(chain.key(), chain);
    }

    private TreeModel(TrainingData data, int[] order, CartBuilder.Limits limits, Chain chain, int[] candidates,
            int threads, Map<String, Chain> chains) {
        this.data = data;
        this.order = order;
        this.limits = limits;
        this.chain = chain;
        this.candidates = candidates;
        this.threads = threads;
        this.chains = chains;
    }

    @Override
    public String synthesizer() {
        return TreeSynthesizer.NAME;
    }

    @Override
    public Domain domain() {
        return data.domain;
    }

    @Override
    public RowDrawer newDrawer() {
        int m = data.columns();
        int[] value = new int[m];
        int[] states = new int[m];
        int[] prefix = chain.prefix();
        int[] sequence = chain.sequence();
        Cart[] trees = chain.trees();
        double[][] cells = data.valueCells;
        byte[][] valueStates = data.valueStates;
        return (random, row) -> {
            if (prefix.length > 0) {
                int donor = candidates[random.nextInt(candidates.length)];
                for (int c : prefix) {
                    int v = data.valueOf(c, donor);
                    value[c] = v;
                    states[c] = valueStates[c][v] & 0xFF;
                }
            }
            for (int i = 0; i < sequence.length; i++) {
                Cart tree = trees[i];
                int v = tree.value(tree.leaf(states), random);
                int t = sequence[i];
                value[t] = v;
                states[t] = valueStates[t][v] & 0xFF;
            }
            for (int c = 0; c < m; c++) {
                row[c] = cells[c][value[c]];
            }
        };
    }

    @Override
    public FittedModel given(Condition condition) {
        if (condition.isEmpty()) {
            return this;
        }
        int[] matching = matching(condition);
        if (matching.length == 0) {
            throw new ImpossibleConditionException("no training row satisfies the condition, so the model gives it probability 0");
        }
        List<Integer> conditioned = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int c : order) {
            (condition.on(c) != null ? conditioned : rest).add(c);
        }
        int[] prefix = conditioned.stream().mapToInt(Integer::intValue).toArray();
        int[] sequence = rest.stream().mapToInt(Integer::intValue).toArray();
        int[] sortedPrefix = prefix.clone();
        Arrays.sort(sortedPrefix);
        Chain c = chains.computeIfAbsent(Arrays.toString(sortedPrefix),
                k -> Chain.fit(data, prefix, sequence, TreeSynthesizer.allRows(data.rows), limits, threads));
        return new TreeModel(data, order, limits, c, matching, threads, chains);
    }

    /** The given columns are the chain's prefix: their predictor states come from the handed-in cells, not from a donor row. */
    @Override
    public RowDrawer drawerGiven(int[] columns) {
        int m = data.columns();
        boolean[] isGiven = new boolean[m];
        for (int c : columns) {
            if (c < 0 || c >= m || isGiven[c]) {
                throw new IllegalArgumentException("given columns must be distinct columns of the model: " + Arrays.toString(columns));
            }
            isGiven[c] = true;
        }
        int[] prefix = columns.clone();
        int[] sequence = Arrays.stream(order).filter(c -> !isGiven[c]).toArray();
        int[] sortedPrefix = prefix.clone();
        Arrays.sort(sortedPrefix);
        Chain c = chains.computeIfAbsent(Arrays.toString(sortedPrefix),
                k -> Chain.fit(data, prefix, sequence, TreeSynthesizer.allRows(data.rows), limits, threads));
        int[] states = new int[m];
        int[] chainPrefix = c.prefix();
        int[] chainSequence = c.sequence();
        Cart[] trees = c.trees();
        double[][] cells = data.valueCells;
        byte[][] valueStates = data.valueStates;
        return (random, row) -> {
            for (int g : chainPrefix) {
                states[g] = data.stateOfCell(g, row[g]);
            }
            for (int i = 0; i < chainSequence.length; i++) {
                Cart tree = trees[i];
                int v = tree.value(tree.leaf(states), random);
                int t = chainSequence[i];
                states[t] = valueStates[t][v] & 0xFF;
                row[t] = cells[t][v];
            }
        };
    }

    @Override
    public double probability(Condition condition) {
        return condition.isEmpty() ? 1.0 : (double) matching(condition).length / data.rows;
    }

    private int[] matching(Condition condition) {
        int[] rows = new int[data.rows];
        int n = 0;
        List<ColumnCondition> predicates = condition.predicates();
        outer:
        for (int r = 0; r < data.rows; r++) {
            for (ColumnCondition p : predicates) {
                if (!p.test(data.cell(p.column(), r))) {
                    continue outer;
                }
            }
            rows[n++] = r;
        }
        return Arrays.copyOf(rows, n);
    }

    @Override
    public void write(ModelOutput out) throws IOException {
        out.writeDomain(data.domain);
        out.writeInt(data.rows);
        for (int c = 0; c < data.columns(); c++) {
            if (data.numeric[c]) {
                out.writeDoubles(data.values[c]);
            } else {
                out.writeInts(data.codes[c]);
            }
        }
        out.writeInts(order);
        out.writeInt(limits.minLeaf());
        out.writeInt(limits.maxDepth());
        out.writeDouble(limits.complexity());
        chain.write(out);
    }

    static TreeModel read(ModelInput in, int threads) throws IOException {
        Domain domain = in.readDomain();
        int rows = in.readInt();
        int m = domain.size();
        int[][] codes = new int[m][];
        double[][] values = new double[m][];
        for (int c = 0; c < m; c++) {
            if (domain.column(c).isCategorical()) {
                codes[c] = in.readInts();
            } else {
                values[c] = in.readDoubles();
            }
            int length = codes[c] != null ? codes[c].length : values[c].length;
            if (length != rows) {
                throw new IOException("corrupt model: column " + c + " has " + length + " rows, expected " + rows);
            }
        }
        TrainingData data = new TrainingData(domain, codes, values);
        int[] order = in.readInts();
        CartBuilder.Limits limits = new CartBuilder.Limits(in.readInt(), in.readInt(), in.readDouble());
        Chain chain = Chain.read(in);
        // a model fitted for given columns keeps their chain: unconditionally, they come from a random training row
        return new TreeModel(data, order, limits, chain, chain.prefix().length == 0 ? null : TreeSynthesizer.allRows(rows), threads);
    }
}
