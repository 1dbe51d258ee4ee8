package io.synthline.generator.engine.tree;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.model.Synthesizer;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.disclosure.DisclosureLimits;
import io.synthline.generator.engine.sampling.GivenColumnsFit;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Sequential tree synthesis as in synthpop's CART method (Reiter 2005; Nowok, Raab and Dibben
 * 2016): the first column is drawn from its empirical distribution, every later column from
 * the leaf of a CART tree grown on all columns before it, by picking one training row of that
 * leaf and taking its value (leaves keep the histogram of those values, not the rows). Leaves
 * hold at least {@code minLeaf} rows, so values come from groups of similar people rather than
 * from one person; numbers come from {@link io.synthline.generator.engine.disclosure.NumericCells
 * cells} of at least {@code minGroup} rows and are drawn inside them (synthpop's smoothing, in
 * the form that stores no real value), so a synthetic row sits no closer to a training row than
 * to an unseen one.
 */
public final class TreeSynthesizer implements Synthesizer, GivenColumnsFit {
    public static final String NAME = "tree";
    /**
     * Default leaf size: the smallest that keeps membership inference at chance on the benchmark
     * tables (docs/privacy.md, "Fidelity and privacy of the default models"); synthpop's 5 lets a
     * leaf stand for a handful of people.
     */
    public static final int DEFAULT_MIN_LEAF = 200;

    private final CartBuilder.Limits limits;
    private final DisclosureLimits disclosure;
    private final int threads;

    public TreeSynthesizer() {
        this(DEFAULT_MIN_LEAF, CartBuilder.Limits.DEFAULT.maxDepth(), DisclosureLimits.DEFAULT, Parallel.defaultThreads());
    }

    public TreeSynthesizer(int minLeaf, int maxDepth, DisclosureLimits disclosure, int threads) {
        this(minLeaf, maxDepth, CartBuilder.Limits.DEFAULT.complexity(), disclosure, threads);
    }

    TreeSynthesizer(int minLeaf, int maxDepth, double complexity, DisclosureLimits disclosure, int threads) {
        if (minLeaf < 1 || maxDepth < 0 || !(complexity >= 0)) {
            throw new BadInputException("invalid-model-option", "tree: minLeaf must be >= 1, maxDepth >= 0 and complexity >= 0");
        }
        this.limits = new CartBuilder.Limits(minLeaf, maxDepth, complexity, disclosure.minGroup());
        this.disclosure = disclosure;
        this.threads = Math.max(1, threads);
    }

    /** Options by name ({@code minLeaf}, {@code maxDepth}, {@code minGroup}, {@code maxIntervals}); unknown names are a user mistake. */
    public static TreeSynthesizer withOptions(Map<String, String> options, int threads) {
        int minLeaf = DEFAULT_MIN_LEAF;
        int maxDepth = CartBuilder.Limits.DEFAULT.maxDepth();
        int minGroup = DisclosureLimits.DEFAULT.minGroup();
        int maxIntervals = DisclosureLimits.DEFAULT.maxIntervals();
        double complexity = CartBuilder.Limits.DEFAULT.complexity();
        for (Map.Entry<String, String> e : options.entrySet()) {
            switch (e.getKey()) {
                case "minLeaf" -> minLeaf = parse(e);
                case "maxDepth" -> maxDepth = parse(e);
                case "minGroup" -> minGroup = parse(e);
                case "maxIntervals" -> maxIntervals = parse(e);
                case "complexity" -> complexity = parseDouble(e);
                default -> throw new BadInputException("invalid-model-option",
                        "tree has no option '" + e.getKey() + "'; options are minLeaf, maxDepth, complexity, minGroup, maxIntervals");
            }
        }
        return new TreeSynthesizer(minLeaf, maxDepth, complexity, new DisclosureLimits(minGroup, maxIntervals), threads);
    }

    private static double parseDouble(Map.Entry<String, String> e) {
        try {
            return Double.parseDouble(e.getValue().strip());
        } catch (NumberFormatException ex) {
            throw new BadInputException("invalid-model-option", "tree option " + e.getKey() + " must be a number, got '" + e.getValue() + "'");
        }
    }

    private static int parse(Map.Entry<String, String> e) {
        try {
            return Integer.parseInt(e.getValue().strip());
        } catch (NumberFormatException ex) {
            throw new BadInputException("invalid-model-option", "tree option " + e.getKey() + " must be an integer, got '" + e.getValue() + "'");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FittedModel fit(Table training, long seed) {
        TrainingData data = trainingData(training);
        int[] order = allRows(data.columns());
        Chain chain = Chain.fit(data, new int[0], order, allRows(data.rows), limits, threads);
        return new TreeModel(data, order, limits, chain, threads);
    }

    /**
     * Only the trees of the columns after the first {@code given}, each with every column before
     * it as predictors, and a chain drawing the given columns themselves when none are handed in.
     */
    @Override
    public FittedModel fitGiven(Table training, int given, long seed) {
        TrainingData data = trainingData(training);
        int m = data.columns();
        if (given < 0 || given > m) {
            throw new IllegalArgumentException("given must be between 0 and " + m + ", got " + given);
        }
        int[] order = allRows(m);
        int[] prefix = Arrays.copyOf(order, given);
        int[] sequence = Arrays.copyOfRange(order, given, m);
        int[] rows = allRows(data.rows);
        Chain chain = Chain.fit(data, prefix, sequence, rows, limits, threads);
        Chain prefixChain = given == 0 ? null : Chain.fit(data, new int[0], prefix, rows, limits, threads);
        return new TreeModel(data, order, limits, chain, prefixChain, threads);
    }

    private TrainingData trainingData(Table training) {
        Synthesizer.trainingDomain(training);
        ModelDomain domain = new ModelDomain(training.columns().stream().map((Column c) -> ColumnDomain.of(c, disclosure)).toList());
        return TrainingData.of(training, domain, disclosure);
    }

    /** A stored model given back the table it was fitted on, so that it can be conditioned again. */
    static FittedModel withTraining(TreeModel model, Table training) {
        return model.withTraining(training);
    }

    static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    @Override
    public FittedModel read(ModelInput in) throws IOException {
        return TreeModel.read(in, threads);
    }
}
