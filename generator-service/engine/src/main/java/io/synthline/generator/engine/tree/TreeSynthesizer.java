package io.synthline.generator.engine.tree;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.Domain;
import io.synthline.generator.engine.FittedModel;
import io.synthline.generator.engine.Synthesizer;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.sampling.GivenColumnsFit;
import java.io.IOException;
import java.util.Map;

/**
 * Sequential tree synthesis as in synthpop's CART method (Reiter 2005; Nowok, Raab and Dibben
 * 2016): the first column is drawn from its empirical distribution, every later column from
 * the leaf of a CART tree grown on all columns before it, by picking one training row of that
 * leaf and taking its value (leaves keep the histogram of those values, not the rows). Leaves
 * hold at least {@code minLeaf} rows, so values come from groups of similar people rather than
 * from one person.
 */
public final class TreeSynthesizer implements Synthesizer, GivenColumnsFit {
    public static final String NAME = "tree";

    private final CartBuilder.Limits limits;
    private final int threads;

    public TreeSynthesizer() {
        this(CartBuilder.Limits.DEFAULT.minLeaf(), CartBuilder.Limits.DEFAULT.maxDepth(), Parallel.defaultThreads());
    }

    public TreeSynthesizer(int minLeaf, int maxDepth, int threads) {
        if (minLeaf < 1 || maxDepth < 0) {
            throw new BadInputException("invalid-model-option", "tree: minLeaf must be >= 1 and maxDepth >= 0");
        }
        this.limits = new CartBuilder.Limits(minLeaf, maxDepth, CartBuilder.Limits.DEFAULT.complexity());
        this.threads = Math.max(1, threads);
    }

    /** Options by name ({@code minLeaf}, {@code maxDepth}); unknown names are a user mistake. */
    public static TreeSynthesizer withOptions(Map<String, String> options, int threads) {
        int minLeaf = CartBuilder.Limits.DEFAULT.minLeaf();
        int maxDepth = CartBuilder.Limits.DEFAULT.maxDepth();
        for (Map.Entry<String, String> e : options.entrySet()) {
            switch (e.getKey()) {
                case "minLeaf" -> minLeaf = parse(e);
                case "maxDepth" -> maxDepth = parse(e);
                default -> throw new BadInputException("invalid-model-option",
                        "tree has no option '" + e.getKey() + "'; options are minLeaf, maxDepth");
            }
        }
        return new TreeSynthesizer(minLeaf, maxDepth, threads);
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
        Domain domain = Synthesizer.trainingDomain(training);
        TrainingData data = TrainingData.of(training, domain);
        int m = domain.size();
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Chain chain = Chain.fit(data, new int[0], order, allRows(data.rows), limits, threads);
        return new TreeModel(data, order, limits, chain, null, threads);
    }

    /** Only the trees of the columns after the first {@code given}, each with every column before it as predictors. */
    @Override
    public FittedModel fitGiven(Table training, int given, long seed) {
        Domain domain = Synthesizer.trainingDomain(training);
        TrainingData data = TrainingData.of(training, domain);
        int m = domain.size();
        if (given < 0 || given > m) {
            throw new IllegalArgumentException("given must be between 0 and " + m + ", got " + given);
        }
        int[] order = allRows(m);
        int[] prefix = java.util.Arrays.copyOf(order, given);
        int[] sequence = java.util.Arrays.copyOfRange(order, given, m);
        int[] rows = allRows(data.rows);
        Chain chain = Chain.fit(data, prefix, sequence, rows, limits, threads);
        return new TreeModel(data, order, limits, chain, given == 0 ? null : rows, threads);
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
