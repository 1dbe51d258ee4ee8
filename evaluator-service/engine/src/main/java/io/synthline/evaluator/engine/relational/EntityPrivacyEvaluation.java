package io.synthline.evaluator.engine.relational;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.Privacy;
import io.synthline.commons.evaluation.RelationalEvaluation.EntityPrivacy;
import io.synthline.commons.relational.Entities;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.Frame;
import io.synthline.evaluator.engine.data.SdType;
import io.synthline.evaluator.engine.privacy.DcrMetrics;
import io.synthline.evaluator.engine.privacy.MembershipInference;
import io.synthline.evaluator.engine.stats.SampleQuantiles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Privacy at entity level: the single-table distance metrics and membership inference applied to
 * one feature row per entity ({@link EntityFeatures}), training entities against held-out ones.
 * A synthesizer that reproduces a real person's orders leaks that person even when no single
 * order row is copied: the entity's row of counts and summaries is then close to a synthetic one.
 */
public final class EntityPrivacyEvaluation {
    /** As the single-table report: at most this many members and as many non-members. */
    public static final int MAX_PER_SIDE = 2_000;

    private EntityPrivacyEvaluation() {
    }

    public static EntityPrivacy evaluate(RelationalDataset training, RelationalDataset synthetic, RelationalDataset holdout, long seed,
            Parallel parallel) {
        String root = Entities.root(training.metadata());
        Table train = EntityFeatures.of(training, root);
        Table syn = EntityFeatures.of(synthetic, root);
        Table held = EntityFeatures.of(holdout, root);
        Map<String, SdType> sdtypes = new LinkedHashMap<>();
        for (Column c : train.columns()) {
            sdtypes.put(c.name(), SdType.forColumnType(c.type()).orElse(SdType.CATEGORICAL));
        }
        EvalData data = EvalData.of(RelationalFrames.numbersAsPandasReadsThem(train), RelationalFrames.numbersAsPandasReadsThem(syn),
                RelationalFrames.numbersAsPandasReadsThem(held), sdtypes);
        Privacy.MembershipInference mia = MembershipInference.run(data, MAX_PER_SIDE, new SplittableRandom(seed), parallel);
        Frame trainFrame = data.real();
        Frame synFrame = data.synthetic();
        Frame holdFrame = data.holdout().orElseThrow();
        double[] synToTrain = DcrMetrics.calculateDcr(data.columns(), synFrame, trainFrame, parallel);
        double[] holdoutToTrain = DcrMetrics.calculateDcr(data.columns(), holdFrame, trainFrame, parallel);
        // as the single-table report: both distances of the share on one scale
        Privacy.Share share = DcrMetrics.closerToTrainingShare(data.columns(), synFrame, trainFrame, holdFrame, parallel);
        return new EntityPrivacy(root, trainFrame.rows(), holdFrame.rows(), synFrame.rows(),
                data.columns().stream().map(c -> c.name()).toList(), mia, share, SampleQuantiles.median(synToTrain),
                SampleQuantiles.median(holdoutToTrain));
    }
}
