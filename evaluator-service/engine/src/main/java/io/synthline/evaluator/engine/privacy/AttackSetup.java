package io.synthline.evaluator.engine.privacy;

import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.Frame;
import io.synthline.evaluator.engine.data.Sampling;
import java.util.SplittableRandom;

/**
 * Targets of an attack in the Anonymeter manner: {@code targets} are training rows (members),
 * {@code controls} holdout rows the synthesizer never saw, equally many, so that the control
 * success rate is what the attack achieves on anyone, and only the excess is privacy risk.
 */
record AttackSetup(Frame train, Frame holdout, Frame synthetic, Frame targets, Frame controls, int attacks) {
    static AttackSetup of(EvalData data, int maxAttacks, SplittableRandom random) {
        Frame holdout = data.holdout().orElseThrow();
        int n = Math.min(maxAttacks, Math.min(data.real().rows(), holdout.rows()));
        Frame targets = data.real().select(Sampling.sample(data.real().rows(), n, random));
        Frame controls = holdout.select(Sampling.sample(holdout.rows(), n, random));
        return new AttackSetup(data.real(), holdout, data.synthetic(), targets, controls, n);
    }
}
