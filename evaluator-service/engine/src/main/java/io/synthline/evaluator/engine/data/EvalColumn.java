package io.synthline.evaluator.engine.data;

import java.util.List;

/**
 * One evaluated column.
 *
 * @param categories the dictionary shared by the real, synthetic and holdout tables (first seen in
 *                   real, then synthetic, then holdout order); empty for continuous columns
 */
public record EvalColumn(int index, String name, SdType type, List<String> categories) {
    public boolean isContinuous() {
        return type.isContinuous();
    }

    public int cardinality() {
        return categories.size();
    }
}
