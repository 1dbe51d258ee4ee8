package io.synthline.profiler.engine.pii;

import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How much a set of values looks like personal names: 1 to 4 capitalised alphabetic tokens
 * (particles such as "van" or "de", titles and suffixes allowed), none of them words that mark
 * companies, places, products or jobs, and how many contain a common given or family name.
 */
final class NameShapes {
    record Summary(double nameShare, double dictionaryShare, double multiTokenShare, long firstHits, long lastHits) {
    }

    private static final Pattern TOKEN = Pattern.compile("\\p{Lu}[\\p{L}'’]*(?:-\\p{Lu}[\\p{L}'’]*)?\\.?");
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "da", "del", "della", "der", "den", "di",
            "du", "la", "le", "bin", "al", "el", "y", "dos", "das", "ten", "ter", "st.");
    private static final Set<String> TITLES = Set.of("mr.", "mrs.", "ms.", "miss", "dr.", "prof.", "mr", "mrs", "ms",
            "dr", "sir", "madam", "jr.", "sr.", "jr", "sr", "i", "ii", "iii", "iv", "v", "md", "phd", "dds", "dvm", "esq.");
    /** Words that make a value something other than a person: companies, places, products, jobs. */
    private static final Set<String> NOT_NAMES = Set.of("llc", "inc", "inc.", "ltd", "ltd.", "group", "corp", "corp.",
            "co", "co.", "and", "&", "gmbh", "ag", "sa", "plc", "partners", "sons", "associates", "company",
            "corporation", "holdings", "international", "solutions", "systems", "technologies", "bank", "university",
            "college", "school", "hospital", "clinic", "street", "st", "avenue", "ave", "road", "rd", "lane", "drive",
            "boulevard", "north", "south", "east", "west", "new", "lake", "port", "fort", "mount", "saint", "city",
            "town", "county", "island", "beach", "valley", "springs", "heights", "park", "land", "ville", "burgh",
            "manager", "engineer", "developer", "director", "officer", "assistant", "senior", "junior", "chief",
            "specialist", "analyst", "consultant", "representative", "administrator", "designer", "executive",
            "technician", "coordinator", "agent", "supervisor", "architect", "liaison", "strategist", "planner",
            "producer", "orchestrator", "facilitator", "associate", "lead", "head", "president", "vice", "intern",
            "steel", "wooden", "rubber", "plastic", "cotton", "granite", "concrete", "marble", "leather", "silk",
            "wool", "bronze", "copper", "iron", "aluminum", "paper", "linen", "chair", "table", "shirt", "shoes",
            "hat", "gloves", "pants", "car", "computer", "keyboard", "bag", "clock", "lamp", "knife", "bottle",
            "coat", "plate", "wallet", "watch", "ergonomic", "rustic", "sleek", "incredible", "awesome", "fantastic",
            "gorgeous", "intelligent", "mediocre", "practical", "small", "heavy", "durable", "lightweight",
            "synergistic", "enormous", "aerodynamic", "the", "of", "for", "in", "on", "at", "with", "from", "to",
            "service", "services", "store", "shop", "market", "center", "centre", "airport", "station",
            "hotel", "restaurant", "cafe", "church", "republic", "kingdom", "states", "united", "islands");

    private NameShapes() {
    }

    static Summary summarize(PiiDetector.Sample sample) {
        long names = 0;
        long hits = 0;
        long multi = 0;
        long first = 0;
        long last = 0;
        for (Map.Entry<String, Integer> entry : sample.counts().entrySet()) {
            String v = entry.getKey();
            int weight = entry.getValue();
            if (v.length() > 80 || Dictionaries.COUNTRIES.contains(v.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String[] tokens = v.split("[\\s,]+");
            int nameTokens = 0;
            boolean ok = tokens.length >= 1 && tokens.length <= 6;
            boolean hit = false;
            boolean firstHit = false;
            boolean lastHit = false;
            for (int i = 0; ok && i < tokens.length; i++) {
                String t = tokens[i];
                String lower = t.toLowerCase(Locale.ROOT);
                if (t.isEmpty()) {
                    continue;
                }
                if (NOT_NAMES.contains(lower)) {
                    ok = false;
                } else if (TITLES.contains(lower) || PARTICLES.contains(lower)) {
                    continue;
                } else if (TOKEN.matcher(t).matches() && t.length() >= 2) {
                    nameTokens++;
                    String bare = lower.replaceAll("[^\\p{L}]", "");
                    if (Dictionaries.FIRST_NAMES.contains(bare)) {
                        hit = true;
                        firstHit = true;
                    }
                    if (Dictionaries.LAST_NAMES.contains(bare)) {
                        hit = true;
                        lastHit = true;
                    }
                } else {
                    ok = false;
                }
            }
            if (ok && nameTokens >= 1 && nameTokens <= 4) {
                names += weight;
                if (nameTokens >= 2) {
                    multi += weight;
                }
                if (hit) {
                    hits += weight;
                }
                if (firstHit) {
                    first += weight;
                }
                if (lastHit) {
                    last += weight;
                }
            }
        }
        double n = sample.size();
        return new Summary(names / n, hits / n, names == 0 ? 0 : multi / (double) names, first, last);
    }
}
