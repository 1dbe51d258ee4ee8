package io.synthline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * A realistic customers table made with Datafaker: personal data (first and last name, e-mail,
 * phone, birth date, street address) next to ordinary columns that depend on age (segment, annual
 * spend, orders, churn) and on each other, so a replaced birth date that ignores the age
 * distribution or its relations shows in the scores.
 */
final class CustomersTable {
    private static final String[] CITIES = {"New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia",
            "San Antonio", "San Diego", "Dallas", "Austin", "Seattle", "Denver"};
    private static final double[] CITY_WEIGHTS = {18, 12, 9, 7, 6, 5, 4, 4, 4, 3, 3, 3};
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    private CustomersTable() {
    }

    static void write(Path file, int rows, long seed) throws IOException {
        Random r = new Random(seed);
        Faker f = new Faker(Locale.US, r);
        double total = java.util.Arrays.stream(CITY_WEIGHTS).sum();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("customer_id,first_name,last_name,email,phone,birth_date,street_address,city,segment,signup_date,annual_spend,"
                    + "orders,churned");
            for (int i = 0; i < rows; i++) {
                String first = f.name().firstName();
                String last = f.name().lastName();
                double age = Math.max(18, Math.min(90, 44 + 15 * r.nextGaussian() + (r.nextDouble() < 0.2 ? -12 : 0)));
                LocalDate birth = AS_OF.minusDays((long) (age * 365.2425));
                double u = r.nextDouble() * total;
                String city = CITIES[CITIES.length - 1];
                for (int k = 0, acc = 0; k < CITIES.length; k++) {
                    acc += (int) CITY_WEIGHTS[k];
                    if (u < acc) {
                        city = CITIES[k];
                        break;
                    }
                }
                String segment = age < 26 ? (r.nextDouble() < 0.7 ? "young" : "standard")
                        : age > 65 ? (r.nextDouble() < 0.6 ? "senior" : "standard")
                        : (r.nextDouble() < 0.25 + (age - 26) / 100 ? "premium" : "standard");
                double spend = Math.exp(6.2 + 0.025 * (Math.min(age, 60) - 18) + (segment.equals("premium") ? 0.8 : 0) + 0.45 * r.nextGaussian());
                int orders = (int) Math.max(1, Math.round(spend / (60 + 20 * r.nextDouble()) + r.nextGaussian()));
                boolean churned = r.nextDouble() < 1 / (1 + Math.exp(0.5 + 0.08 * orders - (age < 30 ? 0.8 : 0)));
                LocalDate signup = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3650));
                String email = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "")
                        + (r.nextInt(3) == 0 ? Integer.toString(r.nextInt(100)) : "") + "@" + f.internet().domainName();
                w.printf(Locale.ROOT, "%d,%s,%s,%s,%s,%s,\"%s\",%s,%s,%s,%.2f,%d,%s%n", i + 1, first, last, email,
                        f.phoneNumber().cellPhone(), birth, f.address().streetAddress(), city, segment, signup, spend, orders,
                        churned ? "yes" : "no");
            }
        }
    }
}
