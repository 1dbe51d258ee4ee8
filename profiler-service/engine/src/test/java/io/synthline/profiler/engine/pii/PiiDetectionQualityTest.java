package io.synthline.profiler.engine.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableWriter;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.profile.PiiKind;
import io.synthline.profiler.engine.DatasetProfiler;
import io.synthline.profiler.engine.ProfileOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Precision and recall of PII detection on a labelled file: personal data generated with Datafaker
 * (several locales, half of the columns with uninformative names) next to decoys that look alike
 * (SSN-shaped product codes, card-length account numbers, version numbers, cities, companies,
 * states, recent dates, lorem text). A column counts as found when its top finding has the label's
 * kind. The numbers are printed so they can be reported.
 */
class PiiDetectionQualityTest {
    static final int ROWS = 1_000;

    @TempDir
    Path dir;

    private record Labelled(String name, PiiKind label, Supplier<String> values) {
    }

    @Test
    void precisionAndRecallOnALabelledFile() throws IOException {
        Faker us = new Faker(Locale.US, new Random(42));
        Faker de = new Faker(Locale.GERMANY, new Random(43));
        Faker uk = new Faker(Locale.UK, new Random(44));
        Faker fr = new Faker(Locale.FRANCE, new Random(45));
        Random random = new Random(46);
        String[] ibanCountries = {"DE", "FR", "GB", "NL", "ES", "IT", "BE", "AT"};
        List<Labelled> columns = List.of(
                // personal data: informative names
                new Labelled("email", PiiKind.EMAIL, () -> us.internet().emailAddress()),
                new Labelled("phone_number", PiiKind.PHONE, () -> us.phoneNumber().phoneNumber()),
                new Labelled("full_name", PiiKind.PERSON_NAME, () -> us.name().fullName()),
                new Labelled("first_name", PiiKind.PERSON_NAME, () -> us.name().firstName()),
                new Labelled("surname", PiiKind.PERSON_NAME, () -> us.name().lastName()),
                new Labelled("street_address", PiiKind.STREET_ADDRESS, () -> us.address().streetAddress()),
                new Labelled("ssn", PiiKind.NATIONAL_ID, () -> us.idNumber().ssnValid()),
                new Labelled("credit_card", PiiKind.CREDIT_CARD, () -> us.finance().creditCard()),
                new Labelled("iban", PiiKind.IBAN, () -> us.finance().iban(ibanCountries[random.nextInt(ibanCountries.length)])),
                new Labelled("ip_address", PiiKind.IP_ADDRESS, () -> us.internet().ipV4Address()),
                new Labelled("date_of_birth", PiiKind.DATE_OF_BIRTH, () -> us.timeAndDate().birthday(18, 90).toString()),
                new Labelled("notes", PiiKind.FREE_TEXT_WITH_PII, () -> random.nextInt(4) == 0
                        ? us.lorem().sentence() + " Contact " + us.internet().emailAddress() + " or " + us.phoneNumber().cellPhone() + "."
                        : us.lorem().sentence(12)),
                // personal data: names that say nothing
                new Labelled("col_a", PiiKind.EMAIL, () -> uk.internet().emailAddress()),
                new Labelled("col_b", PiiKind.PHONE, () -> us.phoneNumber().cellPhone()),
                new Labelled("col_c", PiiKind.PERSON_NAME, () -> us.name().fullName()),
                new Labelled("col_d", PiiKind.PERSON_NAME, () -> de.name().fullName()),
                new Labelled("col_e", PiiKind.STREET_ADDRESS, () -> us.address().fullAddress()),
                new Labelled("col_f", PiiKind.NATIONAL_ID, () -> us.idNumber().ssnValid()),
                new Labelled("col_g", PiiKind.CREDIT_CARD, () -> us.finance().creditCard()),
                new Labelled("col_h", PiiKind.IP_ADDRESS, () -> us.internet().ipV6Address()),
                new Labelled("col_i", PiiKind.DATE_OF_BIRTH, () -> us.timeAndDate().birthday(18, 90).toString()),
                new Labelled("col_j", PiiKind.IBAN, () -> de.finance().iban("DE")),
                new Labelled("kunde", PiiKind.PERSON_NAME, () -> de.name().fullName()),
                new Labelled("adresse", PiiKind.STREET_ADDRESS, () -> de.address().streetAddress()),
                // decoys
                new Labelled("id", null, counter()),
                new Labelled("order_id", null, () -> "ORD-" + (100_000 + random.nextInt(900_000))),
                new Labelled("product_code", null, () -> String.format("%03d-%02d-%04d", random.nextInt(1000), random.nextInt(100),
                        random.nextInt(10_000))),
                new Labelled("account_ref", null, () -> String.format("%016d", Math.floorMod(random.nextLong(), 10_000_000_000_000_000L))),
                new Labelled("version", null, () -> random.nextInt(5) + "." + random.nextInt(20) + "." + random.nextInt(50)),
                new Labelled("city", null, () -> us.address().city()),
                new Labelled("country", null, () -> us.address().country()),
                new Labelled("state", null, () -> us.address().state()),
                new Labelled("company", null, () -> us.company().name()),
                new Labelled("job_title", null, () -> us.job().title()),
                new Labelled("product", null, () -> us.commerce().productName()),
                new Labelled("department", null, () -> us.commerce().department()),
                new Labelled("color", null, () -> us.color().name()),
                new Labelled("price", null, () -> String.format(Locale.ROOT, "%.2f", random.nextDouble() * 500)),
                new Labelled("signup_date", null, () -> LocalDate.of(2018, 1, 1).plusDays(random.nextInt(2500)).toString()),
                new Labelled("hire_date", null, () -> LocalDate.of(1995, 1, 1).plusDays(random.nextInt(10_000)).toString()),
                new Labelled("uuid", null, () -> us.internet().uuid()),
                new Labelled("url", null, () -> us.internet().url()),
                new Labelled("username", null, () -> us.internet().username()),
                new Labelled("mac", null, () -> us.internet().macAddress()),
                new Labelled("zip", null, () -> us.address().zipCode()),
                new Labelled("review", null, () -> us.lorem().paragraph()),
                new Labelled("status", null, () -> List.of("open", "closed", "pending").get(random.nextInt(3))),
                new Labelled("ville", null, () -> fr.address().city()),
                new Labelled("timestamp", null, () -> LocalDate.of(2024, 1, 1).plusDays(random.nextInt(300)) + " 10:"
                        + String.format("%02d:%02d", random.nextInt(60), random.nextInt(60))));

        Path file = dir.resolve("labelled.csv");
        try (OutputStream out = Files.newOutputStream(file);
                CsvTableWriter w = CsvTableWriter.open(out, columns.stream().map(Labelled::name).toList())) {
            String[] row = new String[columns.size()];
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = columns.get(c).values().get();
                }
                w.writeRow(row);
            }
        }
        DatasetProfile profile = new DatasetProfiler(ProfileOptions.defaults()).profile(file, CsvOptions.defaults());

        int truePositives = 0;
        int falsePositives = 0;
        int positives = 0;
        Map<String, String> mistakes = new LinkedHashMap<>();
        Map<PiiKind, int[]> perKind = new TreeMap<>();
        for (Labelled l : columns) {
            List<PiiFinding> found = profile.piiOf(l.name());
            PiiKind predicted = found.isEmpty() ? null : found.getFirst().kind();
            if (l.label() != null) {
                positives++;
                perKind.computeIfAbsent(l.label(), k -> new int[2])[1]++;
            }
            if (predicted != null && predicted == l.label()) {
                truePositives++;
                perKind.get(l.label())[0]++;
            } else if (predicted != null) {
                falsePositives++;
                mistakes.put(l.name(), "predicted " + predicted + ", label " + l.label() + " " + found.getFirst().evidence());
            } else if (l.label() != null) {
                mistakes.put(l.name(), "missed " + l.label());
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) positives;
        System.out.printf(Locale.ROOT, "PII detection on %d columns x %d rows: %d PII columns, %d decoys%n", columns.size(), ROWS,
                positives, columns.size() - positives);
        System.out.printf(Locale.ROOT, "  precision %.3f (%d / %d), recall %.3f (%d / %d)%n", precision, truePositives,
                truePositives + falsePositives, recall, truePositives, positives);
        perKind.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-20s %d / %d found%n", k, v[0], v[1]));
        mistakes.forEach((c, m) -> System.out.println("  " + c + ": " + m));
        assertThat(precision).as("precision; mistakes " + mistakes).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("recall; mistakes " + mistakes).isGreaterThanOrEqualTo(0.95);
        // hints for replacement travel with the findings
        assertThat(profile.piiOf("phone_number").getFirst().locale()).isEqualTo("en-US");
        assertThat(profile.piiOf("ssn").getFirst().format()).isEqualTo("US_SSN");
        assertThat(profile.piiOf("first_name").getFirst().format()).isEqualTo("first");
        assertThat(profile.piiOf("date_of_birth").getFirst().format()).isEqualTo("uuuu-MM-dd");
        assertThat(profile.piiOf("notes").getFirst().embedded()).contains(PiiKind.EMAIL, PiiKind.PHONE);
        assertThat(profile.column("email").orElseThrow().examples()).isEmpty();
        assertThat(profile.column("email").orElseThrow().frequent()).isNull();
    }

    private static Supplier<String> counter() {
        int[] next = {0};
        return () -> Integer.toString(++next[0]);
    }

    @Test
    void validatorsKnowTheirChecksums() {
        assertThat(Validators.luhn("4111111111111111")).isTrue();
        assertThat(Validators.luhn("4111111111111112")).isFalse();
        assertThat(Validators.cardBrand("4111 1111 1111 1111")).isEqualTo("VISA");
        assertThat(Validators.cardBrand("5500-0000-0000-0004")).isEqualTo("MASTERCARD");
        assertThat(Validators.cardBrand("378282246310005")).isEqualTo("AMEX");
        assertThat(Validators.ibanCountry("DE89 3704 0044 0532 0130 00")).isEqualTo("DE");
        assertThat(Validators.ibanCountry("GB82WEST12345698765432")).isEqualTo("GB");
        assertThat(Validators.ibanCountry("GB82WEST12345698765433")).isNull();
        assertThat(Validators.isValidSsn("123-45-6789")).isTrue();
        assertThat(Validators.isValidSsn("666-45-6789")).isFalse();
        assertThat(Validators.isValidSsn("923-45-6789")).isFalse();
        assertThat(Validators.isValidSsn("123-00-6789")).isFalse();
        assertThat(Validators.isNino("AB 12 34 56 C")).isTrue();
        assertThat(Validators.isNino("BG123456C")).isFalse();
        assertThat(Validators.isIpv4("192.168.0.1")).isTrue();
        assertThat(Validators.isIpv4("256.1.1.1")).isFalse();
        assertThat(Validators.isIpv4("01.1.1.1")).isFalse();
        assertThat(Validators.isIpv6("2001:db8::8a2e:370:7334")).isTrue();
        assertThat(Validators.isIpv6("::ffff:192.0.2.128")).isTrue();
        assertThat(Validators.isIpv6("12:30:45")).isFalse();
        assertThat(Validators.isIpv6("00:1a:2b:3c:4d:5e")).isFalse();
        assertThat(Validators.isEmail("a.b+c@example.co.uk")).isTrue();
        assertThat(Validators.isEmail("not an email")).isFalse();
        assertThat(Validators.isPhone("(415) 555-0132")).isTrue();
        assertThat(Validators.isPhone("+49 30 901820")).isTrue();
        assertThat(Validators.isPhone("2024-01-01")).isFalse();
        assertThat(Validators.isPhone("192.168.100.100")).isFalse();
    }
}
