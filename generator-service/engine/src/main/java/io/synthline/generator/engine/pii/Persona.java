package io.synthline.generator.engine.pii;

import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * One fake person per row, so that all PII columns of a row agree (the e-mail is made from the
 * name). Reset for every row from the row's own seed; values are made lazily. Not thread-safe:
 * one per worker thread.
 */
public final class Persona {
    private final Random random = new Random(0);
    private final Faker faker;
    private String first;
    private String last;
    private String domain;

    Persona(Locale locale) {
        this.faker = new Faker(locale, random);
    }

    void reset(long seed) {
        random.setSeed(seed);
        first = null;
        last = null;
        domain = null;
    }

    Faker faker() {
        return faker;
    }

    String first() {
        if (first == null) {
            first = faker.name().firstName();
        }
        return first;
    }

    String last() {
        if (last == null) {
            last = faker.name().lastName();
        }
        return last;
    }

    String emailDomain() {
        if (domain == null) {
            domain = faker.internet().domainName();
        }
        return domain;
    }

    /** Letters and digits only, lower case: what an e-mail local part or user name is made of. */
    static String slug(String s) {
        String folded = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String cleaned = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return cleaned.isEmpty() ? "user" : cleaned;
    }
}
