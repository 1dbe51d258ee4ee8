package io.synthline.evaluator.engine.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.evaluation.Privacy.DcrOverfittingProtection;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.SharedData;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.stats.SampleQuantiles;
import io.synthline.fixtures.Datasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Row-by-row DCRs and the DCROverfittingProtection breakdown of SDMetrics 0.29.1 (reference/dcr). */
class DcrReferenceTest {
    static EvalData data;
    static double[] expectedToTrain;
    static double[] expectedToHoldout;
    static JsonNode metrics;

    @BeforeAll
    static void load() {
        Table train = SharedData.read("reference/dcr/train.csv");
        Table synthetic = SharedData.read("reference/dcr/synthetic.csv");
        Table holdout = SharedData.read("reference/dcr/holdout.csv");
        data = EvalData.of(train, synthetic, holdout, java.util.Map.of());
        Table expected = CsvTableReader.read(Datasets.path("reference/dcr/synthetic_dcr.csv"));
        expectedToTrain = ((NumericColumn) expected.column("dcr_to_train")).values();
        expectedToHoldout = ((NumericColumn) expected.column("dcr_to_holdout")).values();
        metrics = SharedData.json("reference/dcr/dcr_metrics.json");
    }

    @Test
    void everySyntheticRowsDcrToTrainAndHoldout() {
        double[] toTrain = DcrMetrics.calculateDcr(data.columns(), data.synthetic(), data.real(), SharedData.pool());
        double[] toHoldout = DcrMetrics.calculateDcr(data.columns(), data.synthetic(), data.holdout().orElseThrow(),
                SharedData.pool());
        assertThat(toTrain).hasSize(3000);
        for (int i = 0; i < toTrain.length; i++) {
            assertThat(toTrain[i]).as("row %d to train", i).isCloseTo(expectedToTrain[i], within(1e-9));
            assertThat(toHoldout[i]).as("row %d to holdout", i).isCloseTo(expectedToHoldout[i], within(1e-9));
        }
        assertThat(SampleQuantiles.median(toTrain)).isCloseTo(metrics.get("median_dcr_to_train").asDouble(), within(1e-9));
        assertThat(SampleQuantiles.median(toHoldout)).isCloseTo(metrics.get("median_dcr_to_holdout").asDouble(), within(1e-9));

        DcrOverfittingProtection overfitting = DcrMetrics.overfittingProtection(toTrain, toHoldout);
        JsonNode expected = metrics.get("DCROverfittingProtection");
        assertThat(overfitting.score()).isCloseTo(expected.get("score").asDouble(), within(1e-12));
        assertThat(overfitting.syntheticDataPercentages().closerToTraining())
                .isCloseTo(expected.at("/synthetic_data_percentages/closer_to_training").asDouble(), within(1e-12));
        assertThat(overfitting.syntheticDataPercentages().closerToHoldout())
                .isCloseTo(expected.at("/synthetic_data_percentages/closer_to_holdout").asDouble(), within(1e-12));
    }

    @Test
    void nearestSearchAgreesWithBruteForceIncludingSecondNearest() {
        GowerSpace space = new GowerSpace(data.columns(), data.real());
        NearestRecords.Result result = NearestRecords.search(space, data.synthetic(), data.real(), SharedData.pool());
        for (int i = 0; i < 200; i++) {
            double d1 = Double.POSITIVE_INFINITY;
            double d2 = Double.POSITIVE_INFINITY;
            int i1 = -1;
            for (int j = 0; j < data.real().rows(); j++) {
                double d = space.distance(data.synthetic(), i, data.real(), j);
                if (d < d1) {
                    d2 = d1;
                    d1 = d;
                    i1 = j;
                } else if (d < d2) {
                    d2 = d;
                }
            }
            assertThat(result.nearest()[i]).isEqualTo(d1);
            assertThat(result.second()[i]).isEqualTo(d2);
            assertThat(result.nearestIndex()[i]).isEqualTo(i1);
        }
    }
}
