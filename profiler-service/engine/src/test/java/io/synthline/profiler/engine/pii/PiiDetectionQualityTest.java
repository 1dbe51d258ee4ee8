package io.synthline.profiler.engine.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.profile.PiiKind;
import io.synthline.profiler.engine.pii.LabelledFile.Column;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Precision and recall of PII detection on a labelled file: personal data generated with Datafaker
 * (several locales, half of the columns with uninformative names) next to decoys that look alike
 * (SSN-shaped product codes, card-length account numbers, version numbers, cities, companies,
 * states, recent dates, lorem text), scored by {@link LabelledFile}. The numbers are printed so they
 * can be reported.
 */
class PiiDetectionQualityTest {
    static final int ROWS = 1_000;

    @TempDir
    Path dir;

    @Test
    void precisionAndRecallOnALabelledFile() throws IOException {
        Faker us = new Faker(Locale.US, new Random(42));
        Faker de = new Faker(Locale.GERMANY, new Random(43));
        Faker uk = new Faker(Locale.UK, new Random(44));
        Faker fr = new Faker(Locale.FRANCE, new Random(45));
        Random random = new Random(46);
        String[] ibanCountries = {"DE", "FR", "GB", "NL", "ES", "IT", "BE", "AT"};
        List<Column> columns = List.of(
                // personal data: informative names
                new Column("email", PiiKind.EMAIL, () -> us.internet().emailAddress()),
                new Column("phone_number", PiiKind.PHONE, () -> us.phoneNumber().phoneNumber()),
                new Column("full_name", PiiKind.PERSON_NAME, () -> us.name().fullName()),
                new Column("first_name", PiiKind.PERSON_NAME, () -> us.name().firstName()),
                new Column("surname", PiiKind.PERSON_NAME, () -> us.name().lastName()),
                new Column("street_address", PiiKind.STREET_ADDRESS, () -> us.address().streetAddress()),
                new Column("ssn", PiiKind.NATIONAL_ID, () -> us.idNumber().ssnValid()),
                new Column("credit_card", PiiKind.CREDIT_CARD, () -> us.finance().creditCard()),
                new Column("iban", PiiKind.IBAN, () -> us.finance().iban(ibanCountries[random.nextInt(ibanCountries.length)])),
                new Column("ip_address", PiiKind.IP_ADDRESS, () -> us.internet().ipV4Address()),
                new Column("date_of_birth", PiiKind.DATE_OF_BIRTH, () -> us.timeAndDate().birthday(18, 90).toString()),
                new Column("notes", PiiKind.FREE_TEXT_WITH_PII, () -> random.nextInt(4) == 0
                        ? us.lorem().sentence() + " Contact " + us.internet().emailAddress() + " or " + us.phoneNumber().cellPhone() + "."
                        : us.lorem().sentence(12)),
                // personal data: names that say nothing
                new Column("col_a", PiiKind.EMAIL, () -> uk.internet().emailAddress()),
                new Column("col_b", PiiKind.PHONE, () -> us.phoneNumber().cellPhone()),
                new Column("col_c", PiiKind.PERSON_NAME, () -> us.name().fullName()),
                new Column("col_d", PiiKind.PERSON_NAME, () -> de.name().fullName()),
                new Column("col_e", PiiKind.STREET_ADDRESS, () -> us.address().fullAddress()),
                new Column("col_f", PiiKind.NATIONAL_ID, () -> us.idNumber().ssnValid()),
                new Column("col_g", PiiKind.CREDIT_CARD, () -> us.finance().creditCard()),
                new Column("col_h", PiiKind.IP_ADDRESS, () -> us.internet().ipV6Address()),
                new Column("col_i", PiiKind.DATE_OF_BIRTH, () -> us.timeAndDate().birthday(18, 90).toString()),
                new Column("col_j", PiiKind.IBAN, () -> de.finance().iban("DE")),
                new Column("kunde", PiiKind.PERSON_NAME, () -> de.name().fullName()),
                new Column("adresse", PiiKind.STREET_ADDRESS, () -> de.address().streetAddress()),
                // decoys
                new Column("id", null, LabelledFile.counter(1)),
                new Column("order_id", null, () -> "ORD-" + (100_000 + random.nextInt(900_000))),
                new Column("product_code", null, () -> String.format("%03d-%02d-%04d", random.nextInt(1000), random.nextInt(100),
                        random.nextInt(10_000))),
                new Column("account_ref", null, () -> String.format("%016d", Math.floorMod(random.nextLong(), 10_000_000_000_000_000L))),
                new Column("version", null, () -> random.nextInt(5) + "." + random.nextInt(20) + "." + random.nextInt(50)),
                new Column("city", null, () -> us.address().city()),
                new Column("country", null, () -> us.address().country()),
                new Column("state", null, () -> us.address().state()),
                new Column("company", null, () -> us.company().name()),
                new Column("job_title", null, () -> us.job().title()),
                new Column("product", null, () -> us.commerce().productName()),
                new Column("department", null, () -> us.commerce().department()),
                new Column("color", null, () -> us.color().name()),
                new Column("price", null, () -> String.format(Locale.ROOT, "%.2f", random.nextDouble() * 500)),
                new Column("signup_date", null, () -> LocalDate.of(2018, 1, 1).plusDays(random.nextInt(2500)).toString()),
                new Column("hire_date", null, () -> LocalDate.of(1995, 1, 1).plusDays(random.nextInt(10_000)).toString()),
                // dates of events that span decades like birth dates do (careers, memberships)
                new Column("debut", null, () -> LocalDate.of(1950, 1, 1).plusDays(random.nextInt(24_000)).toString()),
                new Column("member_since", null, () -> LocalDate.of(1960, 1, 1).plusDays(random.nextInt(20_000)).toString()),
                new Column("uuid", null, () -> us.internet().uuid()),
                new Column("url", null, () -> us.internet().url()),
                new Column("username", null, () -> us.internet().username()),
                new Column("mac", null, () -> us.internet().macAddress()),
                new Column("zip", null, () -> us.address().zipCode()),
                new Column("review", null, () -> us.lorem().paragraph()),
                new Column("status", null, () -> List.of("open", "closed", "pending").get(random.nextInt(3))),
                new Column("ville", null, () -> fr.address().city()),
                new Column("timestamp", null, () -> LocalDate.of(2024, 1, 1).plusDays(random.nextInt(300)) + " 10:"
                        + String.format("%02d:%02d", random.nextInt(60), random.nextInt(60))));

        LabelledFile.Score score = LabelledFile.profileAndScore(dir.resolve("labelled.csv"), columns, ROWS);
        DatasetProfile profile = score.profile();
        System.out.print(score.report("PII detection", ROWS, columns.size()));
        assertThat(score.overall().precision()).as("precision; mistakes " + score.mistakes()).isGreaterThanOrEqualTo(0.95);
        assertThat(score.overall().recall()).as("recall; mistakes " + score.mistakes()).isGreaterThanOrEqualTo(0.95);
        // hints for replacement travel with the findings
        assertThat(profile.piiOf("phone_number").getFirst().locale()).isEqualTo("en-US");
        assertThat(profile.piiOf("ssn").getFirst().format()).isEqualTo("US_SSN");
        assertThat(profile.piiOf("first_name").getFirst().format()).isEqualTo("first");
        assertThat(profile.piiOf("date_of_birth").getFirst().format()).isEqualTo("uuuu-MM-dd");
        assertThat(profile.piiOf("notes").getFirst().embedded()).contains(PiiKind.EMAIL, PiiKind.PHONE);
        assertThat(profile.column("email").orElseThrow().examples()).isEmpty();
        assertThat(profile.column("email").orElseThrow().frequent()).isNull();
    }
}
