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
        Table real = read("real.csv", """
                a,b
                1,x
                2,y
                2,y
                3,z
                4,
                """, null);
        Table holdout = EvaluationInputs.readCompanion(write("holdout.csv", """
                b,a
                y,2
                ,4
                """), real, "holdout");

        Table training = EvaluationInputs.trainingRows(real, holdout);

        assertThat(csv(training)).isEqualTo("a,b\n1,x\n2,y\n3,z\n");
    }

    @Test
    void aRealFileThatIsAlreadyTheTrainingPartStaysAsItIs() throws Exception {
        Table real = read("real.csv", "a,b\n1,x\n2,y\n", null);
        Table holdout = EvaluationInputs.readCompanion(write("holdout.csv", "a,b\n2,y\n2,y\n"), real, "holdout");
        assertThat(EvaluationInputs.trainingRows(real, holdout)).as("one held-out row is not in it").isSameAs(real);
        Table other = EvaluationInputs.readCompanion(write("other.csv", "a,c\n2,y\n"), real, "holdout");
        assertThat(EvaluationInputs.trainingRows(real, other)).isSameAs(real);
    }

    private Table read(String name, String text, io.synthline.commons.table.TableSchema schema) throws Exception {
        return EvaluationInputs.readReal(write(name, text), schema);
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
