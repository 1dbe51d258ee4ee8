package io.synthline.generator.engine.sampling;

import io.synthline.commons.api.BadInputException;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.FittedModel;
import java.util.List;

/**
 * A model whose distribution over a set of classes (disjoint conditions on one column) is
 * replaced by a target distribution, while the rest of each row follows the model's conditional
 * distribution given the class: p'(x) = target(class) * p(x | class, common condition). Works
 * for any model with {@link ConditionalSampling}. Each row first draws its class from the
 * target with its own random stream, so the class shares converge to the target within
 * multinomial sampling error.
 */
public final class Rebalanced implements FittedModel {
    private final FittedModel base;
    private final double[] cumulative;
    private final FittedModel[] conditionals;

    /**
     * @param common  a condition every row satisfies as well (may be empty)
     * @param classes disjoint predicates, one per class
     * @param weights their target shares (normalised here; zero = the class gets no rows)
     */
    public Rebalanced(FittedModel base, Condition common, List<ColumnCondition> classes, double[] weights) {
        if (!(base instanceof ConditionalSampling conditional)) {
            throw new BadInputException("rebalance-unsupported", "model '" + base.synthesizer()
                    + "' cannot sample conditionally, so it cannot be rebalanced");
        }
        if (classes.isEmpty() || classes.size() != weights.length) {
            throw new IllegalArgumentException("classes and weights must be non-empty and of equal length");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new BadInputException("invalid-rebalance", "rebalancing weights must be finite and non-negative");
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new BadInputException("invalid-rebalance", "rebalancing weights must not all be zero");
        }
        this.base = base;
        this.cumulative = new double[weights.length];
        this.conditionals = new FittedModel[weights.length];
        double running = 0;
        for (int i = 0; i < weights.length; i++) {
            running += weights[i] / total;
            cumulative[i] = weights[i] > 0 ? running : -1;
            if (weights[i] > 0) {
                conditionals[i] = conditional.given(common.and(classes.get(i)));
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                cumulative[i] = 1.0;
                break;
            }
        }
    }

    @Override
    public String synthesizer() {
        return base.synthesizer();
    }

    @Override
    public ModelDomain domain() {
        return base.domain();
    }

    @Override
    public RowDrawer newDrawer() {
        RowDrawer[] drawers = new RowDrawer[conditionals.length];
        for (int i = 0; i < drawers.length; i++) {
            drawers[i] = conditionals[i] == null ? null : conditionals[i].newDrawer();
        }
        return (random, row) -> {
            double u = random.nextDouble();
            int k = 0;
            while (cumulative[k] <= u) {
                k++;
            }
            drawers[k].draw(random, row);
        };
    }
}
