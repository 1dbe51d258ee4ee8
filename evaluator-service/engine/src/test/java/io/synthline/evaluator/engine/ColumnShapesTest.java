package io.synthline.evaluator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.table.Table;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnShapesTest {

    @Test
    void ksStatisticByHand() {
        // ECDFs of {1,2,3} and {2,3,4}: largest gap 1/3 at x=1 (and at x=3)
        assertThat(ColumnShapes.ksStatistic(new double[] {1, 2, 3}, new double[] {2, 3, 4})).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(ColumnShapes.ksStatistic(new double[] {1, 1, 2}, new double[] {1, 2, 2, Double.NaN})).isCloseTo(1.0 / 3, within(1e-12)); // F(1): 2/3 vs 1/3
        assertThat(ColumnShapes.ksStatistic(new double[] {0, 1}, new double[] {5, 6})).isEqualTo(1.0);
    }

    @Test
    void reproducesSdmetricsColumnShapesOnTheReferencePair() {
        Path shared = Path.of("../../../shared/datasets");
        Table real = CsvTableReader.read(shared.resolve("adult.csv"));
        Table synthetic = CsvTableReader.read(shared.resolve("reference/adult_sdv_gc.csv"), CsvOptions.defaults(), real.schema());
        List<ColumnShapeScore> scores = ColumnShapes.evaluate(real, synthetic);
        // "Column Shapes" property of the reference QualityReport (reference/adult_sdv_gc_metrics.json)
        assertThat(ColumnShapes.average(scores)).isCloseTo(0.8755505052056142, within(1e-6));
    }
}
