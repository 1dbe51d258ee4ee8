package io.synthline.generator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.tree.TreeSynthesizer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Fidelity on UCI Adult against the QualityReport formulas (the evaluator's report gives the official numbers). */
class ModelQualityTest {
    static final Table ADULT = CsvTableReader.read(Path.of("../../../shared/datasets/adult.csv"));

    @Test
    void probeReproducesTheReferenceScoreOfSdvGaussianCopula() {
        Table sdv = CsvTableReader.read(Path.of("../../../shared/datasets/reference/adult_sdv_gc.csv"),
                io.synthline.commons.csv.CsvOptions.defaults(), ADULT.schema());
        QualityProbe.Scores s = QualityProbe.score(ADULT, sdv);
        System.out.println("SDV GC reference: " + s);
        assertThat(s.pairsScored()).isEqualTo(13);
        assertThat(s.overall()).isCloseTo(0.8143099460657275, org.assertj.core.api.Assertions.within(5e-4));
    }

    @Test
    void copulaModelOnAdult() {
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            FittedModel model = new io.synthline.generator.engine.copula.GaussianCopulaSynthesizer().fit(ADULT, 1);
            long t1 = System.nanoTime();
            Table syn = QualityProbe.sampleTable(model, ADULT.rowCount(), 7);
            long t2 = System.nanoTime();
            QualityProbe.Scores s = QualityProbe.score(ADULT, syn);
            System.out.printf("copula: fit %d ms, sample %d ms: %s%n%s%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, s, s.pairs());
        }
    }

    @Test
    void treeModelOnAdult() {
        for (int i = 0; i < 2; i++) {
            long t0 = System.nanoTime();
            FittedModel model = new TreeSynthesizer().fit(ADULT, 1);
            long t1 = System.nanoTime();
            Table syn = QualityProbe.sampleTable(model, ADULT.rowCount(), 7);
            long t2 = System.nanoTime();
            QualityProbe.Scores s = QualityProbe.score(ADULT, syn);
            System.out.printf("tree: fit %d ms, sample %d ms: %s%n%s%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, s, s.pairs());
        }
    }
}
