package io.synthline.evaluator.engine.ml;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/** The two model families of every ML-based metric. */
public enum ModelKind {
    /** Multinomial logistic regression, AdaGrad SGD (Tribuo). */
    LOGISTIC_REGRESSION("logistic_regression"),
    /** Gradient-boosted trees: XGBoost through Tribuo (native library bundled in xgboost4j). */
    GRADIENT_BOOSTED_TREES("gradient_boosted_trees");

    private final String id;

    ModelKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Trainer<Label> trainer(long seed) {
        return switch (this) {
            case LOGISTIC_REGRESSION -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 5, -1, 16, seed);
            // 100 trees of depth 6, eta 0.3 (XGBoost's defaults), histogram method; one OpenMP thread, because
            // XGBoost's spinning workers collapse on a busy two-core machine, and callers parallelise above
            case GRADIENT_BOOSTED_TREES -> new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE,
                    XGBoostTrainer.TreeMethod.HIST, 100, 0.3, 0, 6, 1, 1, 1, 1, 0, 1,
                    XGBoostTrainer.LoggingVerbosity.SILENT, seed);
        };
    }
}
