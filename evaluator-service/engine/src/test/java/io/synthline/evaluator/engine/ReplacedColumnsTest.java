package io.synthline.evaluator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ReplacedColumn;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.evaluation.EvaluationDocument;
import io.synthline.commons.evaluation.PiiReplacement;
import io.synthline.commons.evaluation.Quality;
import io.synthline.commons.events.ScoreNames;
import io.synthline.commons.json.Json;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.report.Html;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customers table whose names, e-mails and birth dates were replaced: the replaced columns made
 * without the model are reported apart (format, uniqueness, real values returned) and do not drag
 * the fidelity scores down; a birth date the model learned as its year stays in them.
 */
class ReplacedColumnsTest {
    static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hugo", "Ida", "Jonas"};
    static final String[] LAST = {"Smith", "Jones", "Brown", "Miller", "Davis", "Garcia", "Wilson", "Moore", "Clark", "Lewis"};
    static final String[] FAKE_FIRST = {"Mara", "Nils", "Olga", "Paul", "Rita", "Sven", "Tara", "Uwe", "Vera", "Anna"};
    static final String[] CITIES = {"Austin", "Boston", "Chicago", "Denver", "El Paso"};
    static final List<ReplacedColumn> REPLACED = List.of(new ReplacedColumn("first_name", "first_name", null),
            new ReplacedColumn("email", "email", null), new ReplacedColumn("birth_date", "date_of_birth", "year of birth"));

    @TempDir
    static Path dir;
    static Table real;
    static Table synthetic;
    static EvaluationDocument doc;

    @BeforeAll
    static void evaluate() throws IOException {
        real = table("real.csv", 600, new Random(1), false);
        synthetic = table("synthetic.csv", 600, new Random(2), true);
        doc = Evaluator.evaluate(real, synthetic, null, EvaluationOptions.defaults().withReplaced(REPLACED));
    }

    /** Rows of a customers table; the synthetic one has fake names and e-mails, and three planted defects. */
    static Table table(String name, int rows, Random random, boolean fake) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("first_name,last_name,email,birth_date,city,spend");
        for (int r = 0; r < rows; r++) {
            String first = (fake ? FAKE_FIRST : FIRST)[random.nextInt(10)];
            String last = LAST[random.nextInt(10)];
            String email = (first + "." + last + r).toLowerCase(Locale.ROOT) + (fake ? "@example.org" : "@mail.test");
            int age = 20 + random.nextInt(60);
            LocalDate birth = LocalDate.of(2024 - age, 1, 1).plusDays(random.nextInt(365));
            if (fake && r == 0) {
                email = real.column("email").text(7).toUpperCase(Locale.ROOT); // a real value came back (case does not hide it)
            }
            if (fake && r == 1) {
                email = "nobody-at-example.org";
            }
            if (fake && r == 2) {
                first = "Mara1";
            }
            lines.add(String.join(",", first, last, email, birth.toString(), CITIES[random.nextInt(5)],
                    String.format(Locale.ROOT, "%.2f", 100 + 20 * age + 50 * random.nextGaussian())));
        }
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return CsvTableReader.read(file, CsvOptions.defaults(), name.equals("real.csv") ? null : real.schema());
    }

    @Test
    void replacedColumnsMadeWithoutTheModelAreLeftOutOfFidelity() {
        List<String> scored = doc.quality().details().columnShapes().stream().map(Quality.ColumnShape::column).toList();
        assertThat(scored).contains("birth_date", "city", "spend", "last_name").doesNotContain("first_name", "email");
        assertThat(doc.inputs().columns()).extracting(EvaluationDocument.ColumnInput::name).doesNotContain("first_name", "email");
        assertThat(doc.skipped().get("column first_name")).startsWith("replaced personal data (first_name), made without the model");
        // the same files without the manifest's word: the fake first names score 0.1 against the real ones (one name shared)
        EvaluationDocument unaware = Evaluator.evaluate(real, synthetic, null, EvaluationOptions.defaults());
        double firstNameShape = unaware.quality().details().columnShapes().stream()
                .filter(d -> d.column().equals("first_name")).findFirst().orElseThrow().score();
        assertThat(firstNameShape).isLessThan(0.15);
        assertThat(doc.quality().score()).isGreaterThan(unaware.quality().score());
    }

    @Test
    void eachReplacedColumnIsCheckedForFormatUniquenessAndRealValues() {
        PiiReplacement.Column email = column("email");
        assertThat(email.identifying()).isTrue();
        assertThat(email.inFidelity()).isFalse();
        assertThat(email.realValueMatches()).isEqualTo(1);
        assertThat(email.validShare()).isEqualTo(599 / 600.0);
        assertThat(email.distinctShare()).isEqualTo(1.0);
        assertThat(email.realDistinctShare()).isEqualTo(1.0);
        PiiReplacement.Column first = column("first_name");
        assertThat(first.identifying()).isFalse();
        assertThat(first.validShare()).isEqualTo(599 / 600.0);
        assertThat(first.realValueMatches()).as("Anna is a name of both").isPositive();
        PiiReplacement.Column birth = column("birth_date");
        assertThat(birth.inFidelity()).isTrue();
        assertThat(birth.learnedAs()).isEqualTo("year of birth");
        assertThat(birth.validShare()).isEqualTo(1.0);
        // only identifying kinds count as returned real values: the gate's piiRealValues
        assertThat(doc.pii().realValues()).isEqualTo(1);
        assertThat(EvaluationSummary.of(doc)).containsEntry(ScoreNames.PII_REAL_VALUES, 1.0);
    }

    @Test
    void theReportSaysSoInJsonAndHtml() throws Exception {
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                EvaluationDocument.class.getResourceAsStream(EvaluationDocument.SCHEMA_RESOURCE));
        assertThat(schema.validate(Json.mapper().readTree(Json.write(doc)))).isEmpty();
        String html = Html.render(doc);
        assertThat(html).contains("<h2>Replaced personal data</h2>", "not learned: left out of fidelity", "year of birth (in fidelity)",
                "<b>leak</b>");
    }

    @Test
    void theManifestNamesTheReplacedColumns() {
        String manifest = "{\"runId\":\"run-1\",\"replacedColumns\":[{\"column\":\"email\",\"kind\":\"email\",\"learnedAs\":null},"
                + "{\"column\":\"birth_date\",\"kind\":\"date_of_birth\",\"learnedAs\":\"year of birth\"}]}";
        assertThat(EvaluationInputs.replacedColumns(stream(manifest), "m.json")).containsExactly(
                new ReplacedColumn("email", "email", null), new ReplacedColumn("birth_date", "date_of_birth", "year of birth"));
        assertThat(EvaluationInputs.replacedColumns(stream("{\"runId\":\"run-1\"}"), "m.json")).isEmpty();
        assertThatThrownBy(() -> EvaluationInputs.replacedColumns(stream("{\"replacedColumns\":[{\"kind\":\"email\"}]}"), "m.json"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("needs 'column' and 'kind'");
        assertThatThrownBy(() -> Evaluator.evaluate(real, synthetic, null, EvaluationOptions.defaults()
                .withReplaced(List.of(new ReplacedColumn("phone", "phone", null)))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("replaced PII column 'phone' is not in the real data");
    }

    @Test
    void aReplacedLabelOrSensitiveColumnIsDroppedFromThoseRolesWithAReason() {
        EvaluationDocument d = Evaluator.evaluate(real, synthetic, null, EvaluationOptions.defaults().withReplaced(REPLACED)
                .withLabel("first_name").withSensitive(List.of("email", "city")).withSections(java.util.Set.of(
                        EvaluationOptions.Section.UTILITY, EvaluationOptions.Section.FAIRNESS)));
        assertThat(d.skipped().get("utility")).isEqualTo("the label 'first_name' was replaced by generated personal data");
        assertThat(d.inputs().sensitive()).containsExactly("city");
        assertThat(EvaluationSummary.notMeasured(d, EvaluationSummary.of(d))).containsEntry(ScoreNames.UTILITY_GAP,
                "the label 'first_name' was replaced by generated personal data");
    }

    private static PiiReplacement.Column column(String name) {
        return doc.pii().columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
