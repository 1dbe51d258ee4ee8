package io.synthline.evaluator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.csv.CsvTableWriter;
import io.synthline.commons.table.Table;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRowsTest {
    @TempDir
    Path dir;

    @Test
    void theHeldOutRowsAreTakenOutOnceEachWhateverTheColumnOrder() throws Exception {
        Path real = write("real.csv", """
                a,b
                1,x
                2,y
                2,y
                3,z
                4,
                """);
        Path holdout = write("holdout.csv", """
                b,a
                y,2.0
                ,4
                """);

        EvaluationInputs.Read tables = EvaluationInputs.read(real, null, real, holdout, Integer.MAX_VALUE, 1);

        assertThat(csv(tables.real())).isEqualTo("a,b\n1,x\n2,y\n3,z\n");
        assertThat(tables.heldOutRowsRemoved()).isEqualTo(2);
        assertThat(tables.holdout().rowCount()).isEqualTo(2);
        assertThat(tables.sampling()).isNull();
    }

    @Test
    void aRealFileThatIsAlreadyTheTrainingPartStaysAsItIs() throws Exception {
        Path real = write("real.csv", "a,b\n1,x\n2,y\n");
        EvaluationInputs.Read tables = EvaluationInputs.read(real, null, real, write("holdout.csv", "a,b\n2,y\n2,y\n"),
                Integer.MAX_VALUE, 1);
        assertThat(csv(tables.real())).as("one held-out row is not in it").isEqualTo("a,b\n1,x\n2,y\n");
        assertThat(tables.heldOutRowsRemoved()).isZero();
        EvaluationInputs.Read other = EvaluationInputs.read(real, null, real, write("other.csv", "a,c\n2,y\n"), Integer.MAX_VALUE, 1);
        assertThat(csv(other.real())).isEqualTo("a,b\n1,x\n2,y\n");
    }

    @Test
    void largeFilesAreSampledAndTheHeldOutRowsStillLeaveTheSample() throws Exception {
        StringBuilder whole = new StringBuilder("id,group\n");
        StringBuilder held = new StringBuilder("id,group\n");
        for (int i = 0; i < 5000; i++) {
            whole.append(i).append(',').append("g").append(i % 7).append('\n');
            if (i % 5 == 0) {
                held.append(i).append(',').append("g").append(i % 7).append('\n');
            }
        }
        Path real = write("whole.csv", whole.toString());
        Path holdout = write("held.csv", held.toString());

        EvaluationInputs.Read tables = EvaluationInputs.read(real, null, real, holdout, 1000, 42);

        assertThat(tables.sampling()).isNotNull();
        assertThat(tables.sampling().realFileRows()).isEqualTo(5000);
        assertThat(tables.sampling().holdoutFileRows()).isEqualTo(1000);
        assertThat(tables.heldOutRowsRemoved()).isEqualTo(1000);
        assertThat(tables.holdout().rowCount()).isEqualTo(1000);
        assertThat(tables.synthetic().rowCount()).isEqualTo(1000);
        // a sample of all 5,000 rows without its held-out ones: about 800 training rows, none held out, in file order
        Table training = tables.real();
        assertThat(training.rowCount()).isBetween(700, 900);
        double previous = -1;
        for (int r = 0; r < training.rowCount(); r++) {
            double id = Double.parseDouble(training.column("id").text(r));
            assertThat(id % 5).isNotZero();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
        assertThat(csv(EvaluationInputs.read(real, null, real, holdout, 1000, 42).real())).as("seeded").isEqualTo(csv(training));
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String csv(Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter.write(t, out);
        return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
