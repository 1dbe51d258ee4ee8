package io.synthline.profiler.engine.attributes;

import io.synthline.commons.profile.AttributeCategory;
import io.synthline.commons.profile.AttributeTag;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.profile.PiiKind;
import io.synthline.commons.table.ColumnType;
import io.synthline.profiler.engine.pii.ColumnName;
import io.synthline.profiler.engine.pii.Dictionaries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Tags quasi-identifier and sensitive-attribute candidates from the column name and the values
 * (the frequent values, or a sample): a name alone gives a moderate confidence, matching values
 * a high one, values alone a moderate one.
 */
public final class AttributeTagger {
    /** What the tagger sees of a column. */
    public record Column(String name, ColumnType type, Map<String, Long> valueCounts, List<String> sample,
            Double min, Double max, List<PiiFinding> pii) {
    }

    private static final Set<String> SEX = Set.of("male", "female", "m", "f", "man", "woman", "men", "women",
            "non-binary", "nonbinary", "other", "unknown", "diverse", "x", "intersex", "transgender", "trans",
            "prefer not to say", "not specified", "u");
    private static final Set<String> RACE = Set.of("white", "black", "asian", "african-american", "african american",
            "caucasian", "hispanic", "native american", "amer-indian-eskimo", "asian-pac-islander", "pacific islander",
            "other", "american indian", "alaska native", "native hawaiian", "black or african american",
            "two or more races", "multiracial", "mixed", "latino", "arab", "middle eastern", "indian", "chinese");
    private static final Set<String> ETHNICITY = Set.of("hispanic", "not hispanic", "non-hispanic", "latino",
            "not hispanic or latino", "hispanic or latino", "latinx", "non hispanic");
    private static final Set<String> RELIGION = Set.of("christian", "christianity", "muslim", "islam", "jewish",
            "judaism", "hindu", "hinduism", "buddhist", "buddhism", "atheist", "agnostic", "catholic", "protestant",
            "sikh", "orthodox", "none", "other", "no religion", "mormon", "jain", "shinto", "taoist");
    private static final Set<String> MARITAL = Set.of("married", "single", "divorced", "widowed", "separated",
            "never-married", "never married", "married-civ-spouse", "married-spouse-absent", "married-af-spouse",
            "domestic partnership", "civil partnership", "cohabiting", "engaged", "unmarried");
    private static final Set<String> ORIENTATION = Set.of("heterosexual", "homosexual", "gay", "lesbian", "bisexual",
            "straight", "asexual", "pansexual", "queer");
    private static final Pattern ICD10 = Pattern.compile("[A-TV-Z][0-9][0-9AB](?:\\.[0-9A-TV-Z]{1,4})?");
    private static final Pattern US_ZIP = Pattern.compile("\\d{5}(?:-\\d{4})?");
    private static final Pattern UK_POSTCODE = Pattern.compile("(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");
    private static final Pattern AGE_BAND = Pattern.compile("[<>]?=?\\s?\\d{1,3}\\s?(?:-|to|–)\\s?\\d{1,3}\\+?|\\d{1,3}\\+|[<>]\\s?\\d{1,3}");

    public List<AttributeTag> tag(Column c, double minConfidence) {
        ColumnName name = ColumnName.of(c.name());
        Map<String, Long> values = weightedValues(c);
        List<AttributeTag> tags = new ArrayList<>();
        add(tags, age(name, c));
        add(tags, byValues(name, c, values, AttributeCategory.SEX_GENDER, SEX, 0.95,
                name.hasAny("sex", "gender", "geschlecht", "sexe", "genero", "sex_at_birth", "gender_identity")));
        add(tags, byValues(name, c, values, AttributeCategory.RACE, RACE, 0.6, name.hasAny("race", "racial", "race_ethnicity")));
        add(tags, byValues(name, c, values, AttributeCategory.ETHNICITY, ETHNICITY, 0.8,
                name.hasAny("ethnicity", "ethnic", "ethnic_group", "hispanic_origin", "ethnic_origin")));
        add(tags, byValues(name, c, values, AttributeCategory.RELIGION, RELIGION, 0.6,
                name.hasAny("religion", "religious", "faith", "denomination", "belief")));
        add(tags, byValues(name, c, values, AttributeCategory.MARITAL_STATUS, MARITAL, 0.7,
                name.hasAny("marital", "marital_status", "married", "civil_status", "relationship_status")));
        add(tags, byValues(name, c, values, AttributeCategory.SEXUAL_ORIENTATION, ORIENTATION, 0.6,
                name.hasAny("sexual_orientation", "orientation", "sexuality")));
        add(tags, nationality(name, c, values));
        add(tags, postcode(name, c, values));
        add(tags, health(name, c, values));
        add(tags, nameOnly(name, AttributeCategory.DISABILITY, name.hasAny("disability", "disabled", "handicap",
                "impairment", "disabilities")));
        for (PiiFinding p : c.pii()) {
            if (p.kind() == PiiKind.DATE_OF_BIRTH) {
                tags.add(new AttributeTag(c.name(), AttributeCategory.DATE_OF_BIRTH,
                        AttributeCategory.DATE_OF_BIRTH.defaultRoles(), p.confidence(), List.of("date-of-birth PII finding")));
            }
        }
        tags.removeIf(t -> t.confidence() < minConfidence);
        return tags;
    }

    private static void add(List<AttributeTag> tags, AttributeTag tag) {
        if (tag != null) {
            tags.add(tag);
        }
    }

    private static AttributeTag tag(String column, AttributeCategory category, double confidence, List<String> evidence) {
        return new AttributeTag(column, category, category.defaultRoles(), Math.round(confidence * 1000) / 1000.0, evidence);
    }

    /**
     * The column's values with their weights: every value with its count while the column was
     * counted exactly, else the sample's distinct values with how often they were drawn. Built once
     * per column, so that each test below runs once per distinct value.
     */
    private static Map<String, Long> weightedValues(Column c) {
        if (c.valueCounts() != null && !c.valueCounts().isEmpty()) {
            return c.valueCounts();
        }
        Map<String, Long> counts = new HashMap<>();
        for (String v : c.sample()) {
            counts.merge(v, 1L, Long::sum);
        }
        return counts;
    }

    /** Share of values (weighted by count) in a vocabulary, case-insensitively. */
    private static double vocabularyShare(Map<String, Long> values, Set<String> vocabulary) {
        return share(values, v -> vocabulary.contains(v.strip().toLowerCase(Locale.ROOT)));
    }

    /** Share of the values (see {@link #weightedValues}) that pass, weighted by count. */
    private static double share(Map<String, Long> values, Predicate<String> test) {
        long total = 0;
        long hits = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            total += e.getValue();
            if (test.test(e.getKey())) {
                hits += e.getValue();
            }
        }
        return total == 0 ? 0 : (double) hits / total;
    }

    private static boolean categorical(Column c) {
        return c.type() == ColumnType.CATEGORICAL || c.type() == ColumnType.BOOLEAN;
    }

    private static AttributeTag byValues(ColumnName name, Column c, Map<String, Long> values, AttributeCategory category,
            Set<String> vocabulary, double minShare, boolean nameHint) {
        double share = categorical(c) ? vocabularyShare(values, vocabulary) : 0;
        List<String> evidence = new ArrayList<>();
        if (nameHint) {
            evidence.add("column name '" + c.name() + "' suggests " + category);
        }
        if (share >= minShare) {
            evidence.add(String.format(Locale.ROOT, "%.1f%% of values are %s values", 100 * share,
                    category.name().toLowerCase(Locale.ROOT).replace('_', '/')));
            return tag(c.name(), category, nameHint ? 0.97 : 0.8, evidence);
        }
        if (nameHint) {
            return tag(c.name(), category, share > 0 ? 0.85 : 0.7, evidence);
        }
        return null;
    }

    private static AttributeTag nameOnly(ColumnName name, AttributeCategory category, boolean hint) {
        return hint ? tag(name.raw(), category, 0.7, List.of("column name '" + name.raw() + "' suggests " + category)) : null;
    }

    private static AttributeTag age(ColumnName name, Column c) {
        boolean hint = name.hasAny("age", "age_years", "age_at", "alter", "edad", "age_group", "age_band", "age_cat",
                "age_category", "age_range") && !name.hasAny("page", "usage", "mileage", "storage");
        boolean numericAges = (c.type() == ColumnType.INTEGER || c.type() == ColumnType.DECIMAL) && c.min() != null
                && c.min() >= 0 && c.max() <= 125;
        boolean bands = categorical(c) && c.valueCounts() != null && !c.valueCounts().isEmpty()
                && c.valueCounts().keySet().stream().filter(v -> AGE_BAND.matcher(v.strip()).matches()).count()
                        >= 0.6 * c.valueCounts().size();
        if (hint && (numericAges || bands)) {
            return tag(c.name(), AttributeCategory.AGE, 0.97, List.of("column name '" + c.name() + "' suggests AGE",
                    numericAges ? "values between " + fmt(c.min()) + " and " + fmt(c.max()) : "values are age bands"));
        }
        return hint ? tag(c.name(), AttributeCategory.AGE, 0.6, List.of("column name '" + c.name() + "' suggests AGE")) : null;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static AttributeTag nationality(ColumnName name, Column c, Map<String, Long> values) {
        boolean strong = name.hasAny("nationality", "citizenship", "native_country", "country_of_birth",
                "birth_country", "country_of_origin", "nation", "staatsangehoerigkeit");
        boolean weak = name.hasAny("country");
        double share = categorical(c) ? vocabularyShare(values, Dictionaries.COUNTRIES) : 0;
        List<String> evidence = new ArrayList<>();
        if (strong || weak) {
            evidence.add("column name '" + c.name() + "' suggests " + (strong ? "NATIONALITY" : "a country"));
        }
        if (share >= 0.6) {
            evidence.add(String.format(Locale.ROOT, "%.1f%% of values are country names", 100 * share));
        }
        if (strong) {
            return tag(c.name(), AttributeCategory.NATIONALITY, share >= 0.6 ? 0.95 : 0.75, evidence);
        }
        if (weak && share >= 0.6) {
            return tag(c.name(), AttributeCategory.NATIONALITY, 0.6, evidence);
        }
        return null;
    }

    private static AttributeTag postcode(ColumnName name, Column c, Map<String, Long> values) {
        boolean hint = name.hasAny("zip", "zipcode", "zip_code", "postcode", "postal_code", "postalcode", "plz",
                "post_code", "code_postal", "cp");
        double zip = share(values, v -> US_ZIP.matcher(v.strip()).matches());
        double uk = share(values, v -> UK_POSTCODE.matcher(v.strip()).matches());
        if (hint && (zip >= 0.8 || uk >= 0.8)) {
            return tag(c.name(), AttributeCategory.POSTCODE, 0.97, List.of("column name '" + c.name() + "' suggests POSTCODE",
                    String.format(Locale.ROOT, "%.1f%% of values are postcodes", 100 * Math.max(zip, uk))));
        }
        if (uk >= 0.9) {
            return tag(c.name(), AttributeCategory.POSTCODE, 0.8,
                    List.of(String.format(Locale.ROOT, "%.1f%% of values are UK postcodes", 100 * uk)));
        }
        return hint ? tag(c.name(), AttributeCategory.POSTCODE, 0.7, List.of("column name '" + c.name() + "' suggests POSTCODE")) : null;
    }

    private static AttributeTag health(ColumnName name, Column c, Map<String, Long> values) {
        boolean hint = name.hasAny("diagnosis", "diagnoses", "disease", "condition", "medical_condition", "icd",
                "icd10", "icd_10", "icd_code", "medication", "medications", "health", "illness", "symptom", "symptoms",
                "treatment", "blood_type", "hiv", "pregnant", "pregnancy", "medical", "prescription", "allergy",
                "allergies", "mental_health", "cancer", "diabetes", "bmi");
        double icd = share(values, v -> ICD10.matcher(v.strip()).matches());
        if (icd >= 0.8) {
            return tag(c.name(), AttributeCategory.HEALTH, hint ? 0.97 : 0.8,
                    List.of(String.format(Locale.ROOT, "%.1f%% of values are ICD-10 codes", 100 * icd)));
        }
        return hint ? tag(c.name(), AttributeCategory.HEALTH, 0.75, List.of("column name '" + c.name() + "' suggests HEALTH")) : null;
    }
}
