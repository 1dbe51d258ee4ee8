package io.synthline.generator.engine.dp;

import io.synthline.generator.engine.pgm.Attributes;
import io.synthline.generator.engine.pgm.CliqueMarginals;
import io.synthline.generator.engine.pgm.Factor;
import io.synthline.generator.engine.pgm.GraphicalModel;
import io.synthline.generator.engine.pgm.MarginalEstimator;
import io.synthline.generator.engine.pgm.Measurement;
import io.synthline.generator.engine.privacy.Mechanisms;
import io.synthline.generator.engine.privacy.ZeroConcentratedDp;
import java.util.ArrayList;
import java.util.List;

/**
 * MST (McKenna, Miklau and Sheldon 2021, "Winning the NIST Contest: A scalable and general
 * approach to differentially private synthetic data"). The budget is split in thirds:
 * <ol>
 * <li>all 1-way marginals, Gaussian noise; values whose noisy count is below 3 sigma are merged
 *     into one (domain compression, post-processing);</li>
 * <li>a maximum spanning tree over the attributes, chosen privately: Kruskal's algorithm where
 *     each of the d-1 edges is picked by the exponential mechanism among the edges that join two
 *     components, scored by the L1 distance between the pair's true 2-way marginal and the one
 *     the noisy 1-way marginals predict under independence (sensitivity 1);</li>
 * <li>the d-1 chosen 2-way marginals, Gaussian noise;</li>
 * </ol>
 * then Private-PGM estimation on the tree-structured model and sampling.
 */
public final class MstSynthesizer extends PrivateSynthesizer {
    public static final String NAME = "mst";
    static final String STAGE_ONE_WAY = "1-way marginals";
    static final String STAGE_SELECTION = "tree selection";
    static final String STAGE_TWO_WAY = "2-way marginals";
    private static final double COMPRESSION_SIGMAS = 3;

    private final MarginalEstimator.Options estimation;

    public MstSynthesizer(DpSettings settings) {
        this(settings, MarginalEstimator.Options.defaults());
    }

    public MstSynthesizer(DpSettings settings, MarginalEstimator.Options estimation) {
        super(settings);
        this.estimation = estimation;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected Learned learn(PrivateData data, Mechanisms mechanisms) {
        int d = data.attributes();
        double rho = mechanisms.accountant().rhoRemaining();
        double oneWayRho = d == 1 ? rho : rho / 3;
        double sigmaOne = ZeroConcentratedDp.gaussianSigma(1, oneWayRho / d);
        List<Measurement> oneWay = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            long[] noisy = mechanisms.gaussian(data.counts(new int[] {a}), sigmaOne, 1, STAGE_ONE_WAY,
                    "1-way marginal of " + data.codecs().get(a).name());
            oneWay.add(Measurement.of(new int[] {a}, noisy, sigmaOne));
        }
        DomainCompression.Result compressed = DomainCompression.compress(data, oneWay, COMPRESSION_SIGMAS * sigmaOne);
        data = compressed.data();
        oneWay = compressed.oneWay();
        List<Measurement> measurements = new ArrayList<>(oneWay);
        if (d > 1) {
            List<int[]> tree = selectTree(data, oneWay, rho / 3, mechanisms);
            double sigmaTwo = ZeroConcentratedDp.gaussianSigma(1, rho / 3 / (d - 1));
            for (int[] edge : tree) {
                long[] noisy = mechanisms.gaussian(data.counts(edge), sigmaTwo, 1, STAGE_TWO_WAY,
                        "2-way marginal of " + data.codecs().get(edge[0]).name() + "," + data.codecs().get(edge[1]).name());
                measurements.add(Measurement.of(edge, noisy, sigmaTwo));
            }
        }
        GraphicalModel model = new MarginalEstimator(data.domain(), measurements).estimate(estimation);
        return new Learned(data.codecs(), model);
    }

    /** Private Kruskal: d-1 exponential-mechanism picks among the edges joining two components. */
    private static List<int[]> selectTree(PrivateData data, List<Measurement> oneWay, double rho, Mechanisms mechanisms) {
        int d = data.attributes();
        CliqueMarginals independent = new MarginalEstimator(data.domain(), oneWay).estimate(MarginalEstimator.Options.defaults())
                .marginals();
        double total = independent.total();
        List<int[]> pairs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            Factor pi = independent.marginal(new int[] {i});
            for (int j = i + 1; j < d; j++) {
                Factor pj = independent.marginal(new int[] {j});
                long[] actual = data.counts(new int[] {i, j});
                double l1 = 0;
                int cols = pj.values().length;
                for (int x = 0; x < pi.values().length; x++) {
                    for (int y = 0; y < cols; y++) {
                        l1 += Math.abs(actual[x * cols + y] - pi.values()[x] * pj.values()[y] / total);
                    }
                }
                pairs.add(Attributes.of(i, j));
                weights.add(l1);
            }
        }
        double epsilon = ZeroConcentratedDp.exponentialEpsilon(rho / (d - 1));
        int[] component = new int[d];
        for (int i = 0; i < d; i++) {
            component[i] = i;
        }
        List<int[]> tree = new ArrayList<>();
        for (int k = 0; k < d - 1; k++) {
            List<Integer> candidates = new ArrayList<>();
            for (int p = 0; p < pairs.size(); p++) {
                if (find(component, pairs.get(p)[0]) != find(component, pairs.get(p)[1])) {
                    candidates.add(p);
                }
            }
            double[] scores = candidates.stream().mapToDouble(weights::get).toArray();
            int chosen = candidates.get(mechanisms.exponential(scores, 1, epsilon, STAGE_SELECTION,
                    "spanning-tree edge " + (k + 1) + " of " + (d - 1)));
            int[] edge = pairs.get(chosen);
            component[find(component, edge[0])] = find(component, edge[1]);
            tree.add(edge);
        }
        return tree;
    }

    private static int find(int[] component, int i) {
        while (component[i] != i) {
            i = component[i];
        }
        return i;
    }
}
