package io.synthline.profiler.engine.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** Word lists shipped with the engine (resources beside this class), loaded once. */
public final class Dictionaries {
    public static final Set<String> FIRST_NAMES = words("first-names.txt");
    public static final Set<String> LAST_NAMES = words("last-names.txt");
    /** Country names, one entry per line (multi-word names stay whole). */
    public static final Set<String> COUNTRIES = lines("countries.txt");

    private Dictionaries() {
    }

    private static Set<String> words(String resource) {
        Set<String> out = new HashSet<>();
        for (String line : lines(resource)) {
            for (String w : line.split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return Set.copyOf(out);
    }

    private static Set<String> lines(String resource) {
        Set<String> out = new HashSet<>();
        try (InputStream in = Dictionaries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
