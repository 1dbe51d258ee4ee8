package io.synthline.generator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.profile.PiiKind;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.pii.ProfilePii;
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

    @Test
    void datesOfBirthKeepTheirFormatAndFreeTextIsReplacedNeverRepeatingARealValue() {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("id,dob,notes,score\n");
        DateTimeFormatter us = DateTimeFormatter.ofPattern("MM/dd/uuuu");
        for (int i = 0; i < 2000; i++) {
            LocalDate dob = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20000));
            csv.append(i).append(',').append(dob.format(us)).append(",called about account ").append(i).append(" by ")
                    .append(i % 7 == 0 ? "phone" : "mail").append(',').append(random.nextInt(100)).append('\n');
        }
        Table table = Fixtures.read(csv.toString());
        List<PiiFinding> findings = List.of(finding("dob", PiiKind.DATE_OF_BIRTH, 0.9, "en-US", "MM/dd/yyyy"),
                finding("notes", PiiKind.FREE_TEXT_WITH_PII, 0.7, "en-US", null));
        SynthesisModel model = SynthesisModel.fit(table, new ModelSpec("tree", null, null, ProfilePii.columns(findings),
                ProfilePii.locale(findings)), 3, 2, null);
        assertThat(model.base().domain().names()).doesNotContain("dob", "notes");

        Table syn = Fixtures.read(Fixtures.csv(model, GenerationSettings.of(3000, 9)), table.schema());
        Set<String> realDates = new HashSet<>();
        Set<String> realNotes = new HashSet<>();
        for (int r = 0; r < table.rowCount(); r++) {
            realDates.add(table.column("dob").text(r));
            realNotes.add(table.column("notes").text(r));
        }
        int dates = 0;
        for (int r = 0; r < syn.rowCount(); r++) {
            String dob = syn.column("dob").text(r);
            if (dob != null) {
                dates++;
                assertThat(dob).matches("\\d{2}/\\d{2}/\\d{4}");
                LocalDate parsed = LocalDate.parse(dob, us);
                assertThat(parsed).isBetween(LocalDate.of(1930, 1, 1), LocalDate.of(2005, 12, 31));
                assertThat(realDates).doesNotContain(dob);
            }
            assertThat(realNotes).doesNotContain(syn.column("notes").text(r));
        }
        assertThat(dates).isEqualTo(syn.rowCount());
    }
}
