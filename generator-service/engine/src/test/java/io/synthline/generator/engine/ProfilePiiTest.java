package io.synthline.generator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.api.DeclaredColumn;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.commons.api.ReplacedColumn;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.profile.PiiKind;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.pii.ProfilePii;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Columns the profiler flags as PII are replaced with the kind and format it detected, and never learned from. */
class ProfilePiiTest {
    static PiiFinding finding(String column, PiiKind kind, double confidence, String locale, String format) {
        return new PiiFinding(column, kind, confidence, locale, format, 1.0, 100, List.of("test"), List.of());
    }

    @Test
    void findingsMapToReplacementKindsTheMostConfidentWinning() {
        List<PiiFinding> findings = List.of(
                finding("who", PiiKind.PERSON_NAME, 0.9, "en-US", "full"),
                finding("given", PiiKind.PERSON_NAME, 0.8, null, "first"),
                finding("mail", PiiKind.EMAIL, 0.99, "en-US", null),
                finding("ident", PiiKind.NATIONAL_ID, 0.7, "de-DE", "US_SSN"),
                finding("dob", PiiKind.DATE_OF_BIRTH, 0.8, null, "MM/dd/yyyy"),
                finding("notes", PiiKind.FREE_TEXT_WITH_PII, 0.6, null, null),
                finding("notes", PiiKind.EMAIL, 0.3, null, null));
        assertThat(ProfilePii.columns(findings)).containsExactly(Map.entry("who", "full_name"), Map.entry("given", "first_name"),
                Map.entry("mail", "email"), Map.entry("ident", "ssn"), Map.entry("dob", "date_of_birth"), Map.entry("notes", "free_text"));
        assertThat(ProfilePii.locale(findings)).isEqualTo("en-US");
        assertThat(ProfilePii.locale(List.of())).isNull();
    }

    /**
     * A birth date follows the learned ages and their relations: the model learns the year of birth
     * like any column (two generations: 70 % born 1955-65, 30 % 1985-2000; the score falls with
     * age; copula model) and the day is drawn within the year, so no real date is read. Before, a replaced date
     * was uniform over 1930-2005 and unrelated to anything (53 % before 1970, correlation 0).
     */
    @Test
    void datesOfBirthFollowTheLearnedAgesKeepTheirFormatAndFreeTextIsReplaced() throws Exception {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("id,dob,notes,score,spend\n");
        DateTimeFormatter us = DateTimeFormatter.ofPattern("MM/dd/uuuu");
        for (int i = 0; i < 3000; i++) {
            int year = random.nextDouble() < 0.7 ? 1955 + random.nextInt(11) : 1985 + random.nextInt(16);
            LocalDate dob = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
            csv.append(i).append(',').append(random.nextInt(20) == 0 ? "" : dob.format(us)).append(",called about account ").append(i)
                    .append(" by ").append(i % 7 == 0 ? "phone" : "mail").append(',').append(2100 - year + random.nextInt(10)).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 1000 * random.nextDouble())).append('\n');
        }
        Table table = Fixtures.read(csv.toString());
        List<PiiFinding> findings = List.of(finding("dob", PiiKind.DATE_OF_BIRTH, 0.9, "en-US", "MM/dd/yyyy"),
                finding("notes", PiiKind.FREE_TEXT_WITH_PII, 0.7, "en-US", null));
        SynthesisModel model = SynthesisModel.fit(table, new ModelSpec("copula", null, null, ProfilePii.columns(findings),
                ProfilePii.locale(findings)), 3, 2, null);
        assertThat(model.base().domain().names()).doesNotContain("dob", "notes").contains("__synth_birth_year_dob");
        assertThat(model.layout().replacedColumns()).contains(new ReplacedColumn("dob", "date_of_birth", "year of birth"),
                new ReplacedColumn("notes", "free_text", null));

        Table syn = Fixtures.read(Fixtures.csv(model, GenerationSettings.of(3000, 9)), table.schema());
        assertThat(syn.rowCount()).isEqualTo(3000);
        Set<String> realNotes = new HashSet<>();
        for (int r = 0; r < table.rowCount(); r++) {
            realNotes.add(table.column("notes").text(r));
        }
        double[] real = yearsAndScores(table, us);
        double[] synthetic = yearsAndScores(syn, us);
        assertThat(synthetic[0]).as("share born before 1970 (real %.3f)", real[0]).isCloseTo(real[0], within(0.04));
        // the Gaussian copula's linear dependence does not reach the real -0.98 over two generations; uniform dates had 0
        assertThat(synthetic[1]).as("correlation of birth year and score (real %.3f)", real[1]).isLessThan(-0.6);
        assertThat(synthetic[2]).as("share missing (real %.3f)", real[2]).isCloseTo(real[2], within(0.02));
        Set<String> dates = new HashSet<>();
        for (int r = 0; r < syn.rowCount(); r++) {
            String dob = syn.column("dob").text(r);
            if (dob != null) {
                assertThat(dob).matches("\\d{2}/\\d{2}/\\d{4}");
                dates.add(dob);
            }
            assertThat(realNotes).doesNotContain(syn.column("notes").text(r));
        }
        assertThat(dates).as("days spread over the years").hasSizeGreaterThan(1500);
        // the stored model holds the years' distribution, not the dates
        java.io.ByteArrayOutputStream artifact = new java.io.ByteArrayOutputStream();
        model.write(artifact);
        String bytes = artifact.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int r = 0; r < table.rowCount(); r++) {
            String dob = table.column("dob").text(r);
            assertThat(dob == null || !bytes.contains(dob)).as("real date of row %d in the artifact", r).isTrue();
        }
    }

    /**
     * For a differentially private model the year is learned privately like the other columns and
     * accounted in the same budget; its public domain (1900-2100) comes from the layout, so a request
     * that must declare every domain need not declare it.
     */
    @Test
    void aPrivateModelLearnsTheYearOfBirthWithinItsBudget() {
        Table table = birthTable(new Random(6), 4000);
        PrivacySpec privacy = new PrivacySpec(3.0, 1e-9, null, true, List.of(
                new DeclaredColumn("score", ColumnType.INTEGER, null, 0.0, 300.0, null, false),
                new DeclaredColumn("spend", ColumnType.DECIMAL, null, 0.0, 1000.0, null, false)));
        SynthesisModel model = SynthesisModel.fit(table, new ModelSpec("mst", null, null, Map.of("dob", "date_of_birth"), null,
                privacy), 3, 1, null);
        assertThat(model.privacy().epsilonSpent()).isLessThanOrEqualTo(3.0);
        assertThat(model.layout().replacedColumns()).containsExactly(new ReplacedColumn("dob", "date_of_birth", "year of birth"));
        DateTimeFormatter us = DateTimeFormatter.ofPattern("MM/dd/uuuu");
        Table syn = Fixtures.read(Fixtures.csv(model, GenerationSettings.of(4000, 9)), table.schema());
        assertThat(syn.rowCount()).isEqualTo(4000);
        double[] real = yearsAndScores(table, us);
        double[] synthetic = yearsAndScores(syn, us);
        assertThat(synthetic[0]).as("share born before 1970 (real %.3f)", real[0]).isCloseTo(real[0], within(0.08));
        assertThat(synthetic[1]).as("correlation of birth year and score (real %.3f)", real[1]).isLessThan(-0.5);
    }

    static Table birthTable(Random random, int rows) {
        StringBuilder csv = new StringBuilder("dob,score,spend\n");
        DateTimeFormatter us = DateTimeFormatter.ofPattern("MM/dd/uuuu");
        for (int i = 0; i < rows; i++) {
            int year = random.nextDouble() < 0.7 ? 1955 + random.nextInt(11) : 1985 + random.nextInt(16);
            LocalDate dob = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
            csv.append(dob.format(us)).append(',').append(2100 - year + random.nextInt(10)).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 1000 * random.nextDouble())).append('\n');
        }
        return Fixtures.read(csv.toString());
    }

    /** Share of dates before 1970, Pearson correlation of the year with the score, share missing. */
    private static double[] yearsAndScores(Table t, DateTimeFormatter format) {
        List<double[]> pairs = new java.util.ArrayList<>();
        int missing = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            String dob = t.column("dob").text(r);
            if (dob == null) {
                missing++;
                continue;
            }
            pairs.add(new double[] {LocalDate.parse(dob, format).getYear(), Double.parseDouble(t.column("score").text(r))});
        }
        double before = pairs.stream().filter(p -> p[0] < 1970).count() / (double) pairs.size();
        double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
        double r = new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(x, y);
        return new double[] {before, r, missing / (double) t.rowCount()};
    }
}
