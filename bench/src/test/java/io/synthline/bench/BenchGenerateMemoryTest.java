package io.synthline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The memory bench: its generated table, and a child-JVM fit reported as a table row. */
class BenchGenerateMemoryTest {
    @Test
    void theWideTableIsTheSameForTheSameSeedAndCorrelated() {
        Table a = WideTable.generate(5_000, 6, 2026);
        Table b = WideTable.generate(5_000, 6, 2026);
        assertThat(a.schema().names()).containsExactly("x00", "x01", "x02", "k03", "k04", "k05");
        for (int c = 0; c < 6; c++) {
            for (int r = 0; r < 5_000; r += 97) {
                assertThat(a.column(c).text(r)).isEqualTo(b.column(c).text(r));
            }
        }
        double[] x = ((NumericColumn) a.column(2)).values();
        int[] k = ((CategoricalColumn) a.column(5)).codes();
        assertThat(Arrays.stream(x).filter(Double::isNaN).count()).isBetween(20L, 90L);
        // the shared factor: the mean of x rises with the category of k
        double[] sum = new double[WideTable.CATEGORIES];
        int[] count = new int[WideTable.CATEGORIES];
        for (int r = 0; r < x.length; r++) {
            if (!Double.isNaN(x[r])) {
                sum[k[r]] += x[r];
                count[k[r]]++;
            }
        }
        assertThat(sum[6] / count[6]).isGreaterThan(sum[1] / count[1] + 5);
    }

    @Test
    void eachModelIsFittedInAChildJvmAndReported() {
        BenchCommandTest.Result r = BenchCommandTest.run("generate", "--rows", "0", "--memory-rows", "3000",
                "--memory-columns", "6", "--memory-heap", "256m", "--models", "independent,tree");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("with -Xmx256m");
        assertThat(r.out().lines().filter(l -> l.startsWith("| independent |") || l.startsWith("| tree |")))
                .hasSize(2).allSatisfy(l -> assertThat(l).endsWith("| OK |"));
    }
}
