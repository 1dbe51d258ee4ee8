package io.synthline.evaluator.engine.privacy;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.EvaluationDocument.Rate;
import io.synthline.commons.evaluation.Privacy;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.stats.Intervals;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Linkability in the Anonymeter manner: the attacker holds two halves of a target's attributes
 * (say from two data sources) and links them when the same synthetic row is the nearest neighbour
 * of both halves. Main attack on training rows, control on holdout rows, baseline a random pair of
 * synthetic rows.
 */
public final class Linkability {
    private Linkability() {
    }

    public static Privacy.Risk run(EvalData data, List<EvalColumn> left, List<EvalColumn> right, int maxAttacks,
            SplittableRandom random, Parallel parallel) {
        AttackSetup setup = AttackSetup.of(data, maxAttacks, random);
        Projection a = Projection.of(left);
        Projection b = Projection.of(right);
        long main = links(setup, setup.targets(), a, b, parallel);
        long control = links(setup, setup.controls(), a, b, parallel);
        int nSyn = data.synthetic().rows();
        long baseline = 0;
        for (int i = 0; i < setup.attacks(); i++) {
            baseline += random.nextInt(nSyn) == random.nextInt(nSyn) ? 1 : 0;
        }
        Rate mainRate = Intervals.wilson(main, setup.attacks());
        Rate controlRate = Intervals.wilson(control, setup.attacks());
        return new Privacy.Risk("linkability: same nearest synthetic row for both halves", setup.attacks(), mainRate,
                controlRate, Intervals.wilson(baseline, setup.attacks()), Intervals.residualRisk(mainRate, controlRate),
                List.of("left: " + names(left), "right: " + names(right)));
    }

    private static long links(AttackSetup setup, io.synthline.evaluator.engine.data.Frame who, Projection a, Projection b,
            Parallel parallel) {
        int[] na = NearestRecords.search(a.space(setup.train()), a.apply(who), a.apply(setup.synthetic()), parallel).nearestIndex();
        int[] nb = NearestRecords.search(b.space(setup.train()), b.apply(who), b.apply(setup.synthetic()), parallel).nearestIndex();
        long n = 0;
        for (int i = 0; i < na.length; i++) {
            n += na[i] == nb[i] ? 1 : 0;
        }
        return n;
    }

    private static String names(List<EvalColumn> cols) {
        return String.join(", ", cols.stream().map(EvalColumn::name).toList());
    }
}
