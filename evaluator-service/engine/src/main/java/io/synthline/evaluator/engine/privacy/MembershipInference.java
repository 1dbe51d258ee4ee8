package io.synthline.evaluator.engine.privacy;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.Privacy;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.stats.RocAuc;
import java.util.SplittableRandom;

/**
 * Distance-based membership inference: the attacker calls a row a member when it is close to some
 * synthetic row, i.e. scores it by minus its DCR to the synthetic data (ranges of the training
 * data). AUC over training rows (members) and holdout rows (non-members); 0.5 is no better than
 * chance.
 */
public final class MembershipInference {
    private MembershipInference() {
    }

    public static Privacy.MembershipInference run(EvalData data, int maxPerSide, SplittableRandom random, Parallel parallel) {
        AttackSetup setup = AttackSetup.of(data, maxPerSide, random);
        GowerSpace space = new GowerSpace(data.columns(), data.real());
        double[] members = NearestRecords.search(space, setup.targets(), data.synthetic(), parallel).nearest();
        double[] nonMembers = NearestRecords.search(space, setup.controls(), data.synthetic(), parallel).nearest();
        double[] pos = new double[members.length];
        double[] neg = new double[nonMembers.length];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = -members[i];
        }
        for (int i = 0; i < neg.length; i++) {
            neg[i] = -nonMembers[i];
        }
        double auc = RocAuc.auc(pos, neg);
        return new Privacy.MembershipInference(auc, RocAuc.hanleyMcNeil(auc, pos.length, neg.length), 0.5, 2 * auc - 1,
                pos.length, neg.length);
    }
}
