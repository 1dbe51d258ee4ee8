package io.synthline.generator.engine.tree;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.FittedModel;
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
import java.util.random.RandomGenerator;

/**
 * A fitted tree synthesis model. Unconditionally, every column comes from a tree's leaf, the
 * first from a tree without predictors (its marginal). A stored model is the trees and each
 * column's {@link ValueCodebook}: no training row or rare value.
 *
 * <p>Conditioning is exact with respect to the model's estimate from the training rows: the
 * conditioned columns come first, drawn from a chain of trees grown on the training rows that
 * satisfy the condition (so they satisfy it, and their joint distribution is estimated like any
 * other, from leaves of at least {@code minLeaf} rows: no row is copied), then the other columns
 * from trees grown with the conditioned columns first, i.e. from the model's estimate of
 * p(rest | conditioned columns). Growing those trees needs the training rows: a model just fitted
 * has them; a stored model gets them back with {@link #withTraining}.
 */
final class TreeModel implements FittedModel, ConditionalSampling, GivenColumns {
    private final ModelDomain domain;
    private final ValueCodebook[] codebook;
    private final int[] order;
    private final CartBuilder.Limits limits;
    private final Chain chain;
    /** Conditioned columns: drawn from this chain (grown on the matching rows), null when there are none. */
    private final Chain prefixChain;
    private final Condition condition;
    private final int threads;
    /** The training rows while they are at hand (after a fit, or given back); never stored. */
    private final TrainingData data;
    private final Map<String, Chain> chains;

    TreeModel(TrainingData data, int[] order, CartBuilder.Limits limits, Chain chain, int threads) {
        this(data, order, limits, chain, null, threads);
    }

    /**
     * A model whose chain starts with given columns ({@link TreeSynthesizer#fitGiven}): {@code
     * prefixChain} draws them when nothing is handed in.
     */
    TreeModel(TrainingData data, int[] order, CartBuilder.Limits limits, Chain chain, Chain prefixChain, int threads) {
        this(data.domain, data.codebook, order, limits, chain, prefixChain, Condition.NONE, threads, data, new ConcurrentHashMap<>());
        chains.put(chain.key(), chain);
    }

    private TreeModel(ModelDomain domain, ValueCodebook[] codebook, int[] order, CartBuilder.Limits limits, Chain chain, Chain prefixChain,
            Condition condition, int threads, TrainingData data, Map<String, Chain> chains) {
        this.domain = domain;
        this.codebook = codebook;
        this.order = order;
        this.limits = limits;
        this.chain = chain;
        this.prefixChain = prefixChain;
        this.condition = condition;
        this.threads = threads;
        this.data = data;
        this.chains = chains;
    }

    @Override
    public String synthesizer() {
        return TreeSynthesizer.NAME;
    }

    @Override
    public ModelDomain domain() {
        return domain;
    }

    /** This model with its training rows at hand again (the same table it was fitted on), so that it can be conditioned. */
    @Override
    public boolean conditioningNeedsTraining() {
        return data == null;
    }

    @Override
    public TreeModel withTraining(Table training) {
        TrainingData rows = TrainingData.of(training, domain, codebook);
        return new TreeModel(domain, codebook, order, limits, chain, prefixChain, condition, threads, rows, chains);
    }

    @Override
    public RowDrawer newDrawer() {
        int m = domain.size();
        int[] value = new int[m];
        int[] states = new int[m];
        // the prefix chain's own order (a cached chain may hold the same columns in another order)
        int[] prefix = prefixChain == null ? new int[0] : prefixChain.sequence();
        int[] sequence = chain.sequence();
        Cart[] trees = chain.trees();
        Cart[] prefixTrees = prefixChain == null ? new Cart[0] : prefixChain.trees();
        ColumnCondition[] onPrefix = new ColumnCondition[prefix.length];
        for (int i = 0; i < prefix.length; i++) {
            onPrefix[i] = condition.on(prefix[i]);
        }
        return (random, row) -> {
            for (int i = 0; i < prefix.length; i++) {
                Cart tree = prefixTrees[i];
                int c = prefix[i];
                int v = admittedValue(tree, tree.leaf(states), c, onPrefix[i], random);
                value[c] = v;
                states[c] = codebook[c].state(v);
                row[c] = conditionedCell(c, v, onPrefix[i], random);
            }
            for (int i = 0; i < sequence.length; i++) {
                Cart tree = trees[i];
                int t = sequence[i];
                int v = tree.value(tree.leaf(states), random, codebook[t]);
                value[t] = v;
                states[t] = codebook[t].state(v);
                row[t] = codebook[t].cell(v, random);
            }
        };
    }

    /** Draws before giving up on a condition in a leaf's pooled range (every leaf has rows that satisfy it). */
    private static final int MAX_POOLED_DRAWS = 1_000_000;

    /**
     * A value of the leaf that the condition admits. The chain was grown on rows that satisfy it,
     * but a leaf's pooled range (see {@link Cart}) spans values of other rows too: those are drawn
     * again, so that the pooled values keep the column's weights among the admitted ones.
     */
    private int admittedValue(Cart tree, int leaf, int column, ColumnCondition on, RandomGenerator random) {
        ValueCodebook book = codebook[column];
        for (int attempt = 0; attempt < MAX_POOLED_DRAWS; attempt++) {
            int v = tree.value(leaf, random, book);
            if (on == null || admits(book, v, on)) {
                return v;
            }
        }
        throw new ImpossibleConditionException("the condition on " + domain.column(column).name()
                + " admits too few of the values the model may draw; widen it");
    }

    private static boolean admits(ValueCodebook book, int value, ColumnCondition on) {
        if (value == book.missing()) {
            return on.test(Double.NaN);
        }
        if (!book.numeric()) {
            return on.test(value);
        }
        double lo = book.cells().low(value);
        double hi = book.cells().high(value);
        return switch (on) {
            case ColumnCondition.Between b -> hi >= b.min() && lo <= b.max();
            case ColumnCondition.OneOf o -> Arrays.stream(o.cells()).anyMatch(x -> x >= lo && x <= hi);
        };
    }

    /**
     * A conditioned column's cell from a value of a row that satisfies the condition: categories
     * and atoms satisfy it as they are; a number drawn from an interval is kept inside a range, or
     * is one of the values asked for.
     */
    private double conditionedCell(int column, int value, ColumnCondition on, RandomGenerator random) {
        ValueCodebook book = codebook[column];
        if (!book.numeric() || value == book.missing()) {
            return book.cell(value, random);
        }
        ColumnDomain d = domain.column(column);
        return switch (on) {
            case ColumnCondition.Between b -> d.conformWithin(book.cell(value, b.min(), b.max(), random), b.min(), b.max());
            case ColumnCondition.OneOf o -> oneOf(book, value, o, random);
            case null -> book.cell(value, random);
        };
    }

    /** One of the listed numbers inside the cell (the nearest to it when a coded tail put the row's own value outside). */
    private static double oneOf(ValueCodebook book, int value, ColumnCondition.OneOf o, RandomGenerator random) {
        double lo = book.cells().low(value);
        double hi = book.cells().high(value);
        double[] inside = Arrays.stream(o.cells()).filter(x -> x >= lo && x <= hi).toArray();
        if (inside.length > 0) {
            return inside[random.nextInt(inside.length)];
        }
        double best = Double.NaN;
        for (double x : o.cells()) {
            if (!Double.isNaN(x) && (Double.isNaN(best) || distance(x, lo, hi) < distance(best, lo, hi))) {
                best = x;
            }
        }
        return best;
    }

    private static double distance(double x, double lo, double hi) {
        return x < lo ? lo - x : x > hi ? x - hi : 0;
    }

    @Override
    public FittedModel given(Condition condition) {
        if (condition.isEmpty()) {
            return this;
        }
        if (data == null) {
            throw new BadInputException("conditioning-needs-training-data", "a stored tree model keeps no training rows, and sampling it"
                    + " under conditions, ranges or rebalancing grows trees on them: give the training data with the stored model");
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
        Chain onMatching = Chain.fit(data, new int[0], prefix, matching, limits, threads);
        return new TreeModel(domain, codebook, order, limits, c, onMatching, condition, threads, data, chains);
    }

    /** The given columns are the chain's prefix: their predictor states come from the handed-in cells, not from a training row. */
    @Override
    public RowDrawer drawerGiven(int[] columns) {
        int m = domain.size();
        boolean[] isGiven = new boolean[m];
        for (int c : columns) {
            if (c < 0 || c >= m || isGiven[c]) {
                throw new IllegalArgumentException("given columns must be distinct columns of the model: " + Arrays.toString(columns));
            }
            isGiven[c] = true;
        }
        int[] sortedPrefix = columns.clone();
        Arrays.sort(sortedPrefix);
        Chain c = chains.get(Arrays.toString(sortedPrefix));
        if (c == null) {
            if (data == null) {
                throw new BadInputException("conditioning-needs-training-data", "a stored tree model keeps no training rows, and drawing"
                        + " columns given others grows trees on them: give the training data with the stored model");
            }
            int[] prefix = columns.clone();
            int[] sequence = Arrays.stream(order).filter(x -> !isGiven[x]).toArray();
            c = chains.computeIfAbsent(Arrays.toString(sortedPrefix),
                    k -> Chain.fit(data, prefix, sequence, TreeSynthesizer.allRows(data.rows), limits, threads));
        }
        int[] states = new int[m];
        int[] chainPrefix = c.prefix();
        int[] chainSequence = c.sequence();
        Cart[] trees = c.trees();
        return (random, row) -> {
            for (int g : chainPrefix) {
                states[g] = codebook[g].stateOfCell(row[g]);
            }
            for (int i = 0; i < chainSequence.length; i++) {
                Cart tree = trees[i];
                int t = chainSequence[i];
                int v = tree.value(tree.leaf(states), random, codebook[t]);
                states[t] = codebook[t].state(v);
                row[t] = codebook[t].cell(v, random);
            }
        };
    }

    @Override
    public double probability(Condition condition) {
        if (condition.isEmpty()) {
            return 1.0;
        }
        if (data == null) {
            throw new BadInputException("conditioning-needs-training-data", "a stored tree model keeps no training rows; give the"
                    + " training data with the stored model to weigh conditions");
        }
        return (double) matching(condition).length / data.rows;
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
        out.writeDomain(domain);
        for (ValueCodebook book : codebook) {
            book.write(out);
        }
        out.writeInts(order);
        out.writeInt(limits.minLeaf());
        out.writeInt(limits.maxDepth());
        out.writeDouble(limits.complexity());
        out.writeInt(limits.minCell());
        chain.write(out);
        out.writeBoolean(prefixChain != null && condition.isEmpty());
        if (prefixChain != null && condition.isEmpty()) {
            prefixChain.write(out);
        }
    }

    static TreeModel read(ModelInput in, int threads) throws IOException {
        ModelDomain domain = in.readDomain();
        ValueCodebook[] codebook = new ValueCodebook[domain.size()];
        for (int c = 0; c < codebook.length; c++) {
            codebook[c] = ValueCodebook.read(in, domain.column(c));
        }
        int[] order = in.readInts();
        CartBuilder.Limits limits = new CartBuilder.Limits(in.readInt(), in.readInt(), in.readDouble(), in.readInt());
        Chain chain = Chain.read(in);
        Chain prefixChain = in.readBoolean() ? Chain.read(in) : null;
        if ((prefixChain == null) != (chain.prefix().length == 0)) {
            throw new IOException("corrupt model: the tree chain's given columns have no chain of their own");
        }
        Map<String, Chain> chains = new ConcurrentHashMap<>();
        chains.put(chain.key(), chain);
        return new TreeModel(domain, codebook, order, limits, chain, prefixChain, Condition.NONE, threads, null, chains);
    }
}
