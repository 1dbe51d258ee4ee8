package io.synthline.evaluator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthline.commons.evaluation.EvaluationDocument;
import io.synthline.commons.json.Json;
import io.synthline.commons.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evaluation does not depend on its thread count: every section of the document computed on
 * one thread equals, to the bit, the one computed on four (records compare their doubles bit by bit).
 */
class EvaluatorThreadsTest {
    @Test
    void oneAndFourThreadsGiveTheSameDocument() throws Exception {
        Table train = SharedData.read("reference/dcr/train.csv");
        Table holdout = SharedData.read("reference/dcr/holdout.csv");
        Table synthetic = SharedData.read("reference/dcr/synthetic.csv");
        // fewer detection rows and attacks than the defaults keep the test short; every section still runs
        EvaluationOptions options = EvaluationOptions.defaults().withLabel("income").withSensitive(List.of("sex", "race"))
                .withLimits(1_000, 3, 500);
        EvaluationDocument one = Evaluator.evaluate(train, synthetic, holdout, options.withThreads(1));
        EvaluationDocument four = Evaluator.evaluate(train, synthetic, holdout, options.withThreads(4));

        assertThat(one.quality()).isNotNull();
        assertThat(one.privacy().attacks()).isNotNull();
        assertThat(four.quality()).isEqualTo(one.quality());
        assertThat(four.accuracy()).isEqualTo(one.accuracy());
        assertThat(four.detection()).isEqualTo(one.detection());
        assertThat(four.utility()).isEqualTo(one.utility());
        assertThat(four.privacy()).isEqualTo(one.privacy());
        assertThat(four.fairness()).isEqualTo(one.fairness());
        assertThat(withoutTimings(four)).isEqualTo(withoutTimings(one));
    }

    private static ObjectNode withoutTimings(EvaluationDocument doc) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(Json.write(doc));
        assertThat(json.has("timingsMillis")).isTrue();
        json.remove("timingsMillis");
        return json;
    }
}
