package io.synthline.generator.engine;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.fixtures.Datasets;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/** Shared test data: UCI Adult, and a small customer table with keys, PII, combinations and dates. */
final class Fixtures {
    static final Path ADULT_PATH = Datasets.adult();
    static final Table ADULT = CsvTableReader.read(ADULT_PATH);

    private static final String[][] PLACES = {
            {"Berlin", "BE", "DE"}, {"Hamburg", "HH", "DE"}, {"Munich", "BY", "DE"}, {"Lyon", "ARA", "FR"},
            {"Paris", "IDF", "FR"}, {"Nice", "PAC", "FR"}, {"Austin", "TX", "US"}, {"Dallas", "TX", "US"}};
    private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hugo", "Ida", "Jonas"};
    private static final String[] LAST = {"Meyer", "Schulz", "Dubois", "Martin", "Smith", "Jones", "Klein", "Wolf"};

    private Fixtures() {
    }

    /** 3,000 customers: id, account code, name, e-mail, phone, city/state/country, dates, amounts. */
    static Table customers() {
        Random r = new Random(11);
        StringBuilder csv = new StringBuilder("id,account,name,email,phone,city,state,country,opened,closed,balance,limit,segment\n");
        for (int i = 0; i < 3000; i++) {
            String first = FIRST[r.nextInt(FIRST.length)];
            String last = LAST[r.nextInt(LAST.length)];
            String[] place = PLACES[r.nextInt(PLACES.length)];
            LocalDate opened = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(2500));
            LocalDate closed = opened.plusDays(r.nextInt(900));
            double balance = Math.round(r.nextDouble() * 500000) / 100.0;
            double limit = balance + Math.round(r.nextDouble() * 200000) / 100.0;
            String segment = balance > 3000 ? (r.nextInt(10) < 8 ? "gold" : "silver") : (r.nextInt(10) < 8 ? "basic" : "silver");
            csv.append(1000 + i).append(',')
                    .append(String.format("AC-%05d", r.nextInt(100000))).append(i % 97 == 0 ? "" : "").append(',')
                    .append(first).append(' ').append(last).append(i).append(',')
                    .append(first.toLowerCase()).append('.').append(last.toLowerCase()).append(i).append("@example.org,")
                    .append(String.format("(%03d) %03d-%04d", 200 + r.nextInt(700), r.nextInt(1000), r.nextInt(10000))).append(',')
                    .append(place[0]).append(',').append(place[1]).append(',').append(place[2]).append(',')
                    .append(opened).append(',').append(closed).append(',')
                    .append(balance).append(',').append(limit).append(',')
                    .append(segment).append('\n');
        }
        return read(csv.toString());
    }

    static Table read(String csv) {
        try {
            Path tmp = Files.createTempFile("fixture-", ".csv");
            try {
                Files.writeString(tmp, csv);
                return CsvTableReader.read(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Table read(byte[] csv, TableSchema schema) {
        try {
            Path tmp = Files.createTempFile("sample-", ".csv");
            try {
                Files.write(tmp, csv);
                return CsvTableReader.read(tmp, CsvOptions.defaults(), schema);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] csv(SynthesisModel model, GenerationSettings settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Generation.prepare(model, settings).writeCsv(out, settings.firstRow() == 0, Generation.SILENT);
        return out.toByteArray();
    }

    static List<String> lines(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines().toList();
    }
}
