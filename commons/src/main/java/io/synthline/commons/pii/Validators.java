package io.synthline.commons.pii;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Syntax and checksum validation of personal identifiers: what the profiler's PII detection
 * checks sampled values with, and what the evaluator checks replaced values' formats with.
 */
public final class Validators {
    private Validators() {
    }

    static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}");

    /** North American Numbering Plan, with the usual separators and an optional extension. */
    static final Pattern PHONE_NANP = Pattern.compile(
            "(?:\\+?1[ .-]?)?(?:\\([2-9]\\d{2}\\)|[2-9]\\d{2})[ .-]?[2-9]\\d{2}[ .-]?\\d{4}(?:\\s*(?:x|ext\\.?|extension)\\s*\\d{1,6})?");
    /** International format: +country code and more digits in groups. */
    static final Pattern PHONE_INTERNATIONAL = Pattern.compile("\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,5}\\)?){2,6}");
    /** United Kingdom national format. */
    static final Pattern PHONE_UK = Pattern.compile("0\\d{2,4}[ -]?\\d{3,4}[ -]?\\d{3,4}");

    static final Pattern SSN = Pattern.compile("(\\d{3})-(\\d{2})-(\\d{4})");
    static final Pattern NINO = Pattern.compile(
            "(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]");
    static final Pattern STREET_US = Pattern.compile(
            "(?i)(?:(?:apt|apartment|suite|ste|unit|flat|room)\\.?\\s*#?[\\w-]+,?\\s+)?\\d{1,6}[A-Za-z]?\\s+(?:[NSEW]\\.?\\s+)?(?:[\\p{L}0-9.'-]+\\s+){0,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|circle|cir|parkway|pkwy|square|sq|trail|trl|highway|hwy|alley|aly|crescent|cres|close|row|walk|grove|gardens|mews|crossing|xing|loop|pike|path|plaza|plz|ridge|run|view|vista|heights|hts|hills|isle|junction|jct|manor|meadows|mill|mills|oval|park|pass|point|pt|port|ranch|shore|shores|spring|springs|station|sta|summit|track|turnpike|union|valley|village|vlg|ville|wells|flat|flats|ford|forge|fork|forks|fort|freeway|garden|gateway|glen|green|harbor|haven|hill|hollow|inlet|island|islands|key|keys|knoll|knolls|lake|lakes|landing|light|lights|lock|locks|lodge|mall|meadow|mission|motorway|mount|mountain|neck|orchard|overpass|plain|plains|prairie|radial|ramp|rapid|rapids|rest|river|skyway|stravenue|stream|street|streets|throughway|trace|trafficway|tunnel|underpass|unions|via|viaduct|views|villages|camp|canyon|cape|causeway|center|centers|cliff|cliffs|club|common|commons|corner|corners|course|courts|cove|coves|creek|crest|curve|dale|dam|divide|drives|estate|estates|expressway|extension|extensions|fall|falls|ferry|field|fields|burg|burgs|bypass|bluff|bluffs|bottom|branch|bridge|brook|brooks|beach|bend|arcade|anex|crossroad|crossroads|rue|shoal|shoals|spur|stravenue|overlook|forest|land|loaf|passage|pine|route|wall|well)s?\\.?"
                    + "(?:\\s*,?\\s*(?:apt|apartment|suite|ste|unit|#|room|fl|floor)\\.?\\s*[\\w-]+)?(?:\\s*,.*)?");
    static final Pattern STREET_DE = Pattern.compile(
            "(?i)[\\p{L} .'-]+(?:straße|strasse|str\\.|weg|platz|gasse|allee|ring|damm|ufer|chaussee)\\s+\\d{1,4}\\s*[a-z]?(?:\\s*,.*)?");
    static final Pattern STREET_FR = Pattern.compile(
            "(?i)\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:rue|avenue|av\\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours|passage)\\s+.+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** ISO 13616 lengths of the countries whose IBANs are common. */
    static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
            Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GR", 27),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27),
            Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25),
            Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
            Map.entry("TR", 26), Map.entry("AE", 23), Map.entry("SA", 24), Map.entry("IL", 23), Map.entry("BR", 29),
            Map.entry("MU", 30), Map.entry("KZ", 20), Map.entry("QA", 29), Map.entry("UA", 29), Map.entry("RS", 22));

    private static final Map<String, String> CALLING_CODES = Map.ofEntries(Map.entry("44", "en-GB"),
            Map.entry("49", "de-DE"), Map.entry("33", "fr-FR"), Map.entry("34", "es-ES"), Map.entry("39", "it-IT"),
            Map.entry("31", "nl-NL"), Map.entry("32", "nl-BE"), Map.entry("41", "de-CH"), Map.entry("43", "de-AT"),
            Map.entry("46", "sv-SE"), Map.entry("47", "nb-NO"), Map.entry("45", "da-DK"), Map.entry("48", "pl-PL"),
            Map.entry("351", "pt-PT"), Map.entry("353", "en-IE"), Map.entry("61", "en-AU"), Map.entry("64", "en-NZ"),
            Map.entry("91", "en-IN"), Map.entry("81", "ja-JP"), Map.entry("86", "zh-CN"), Map.entry("55", "pt-BR"),
            Map.entry("52", "es-MX"));

    private static final Pattern EMBEDDED_EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,24}");
    private static final Pattern EMBEDDED_PHONE = Pattern.compile(
            "(?<![\\w.])(?:\\+?\\d{1,3}[ .-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}(?!\\w)(?!\\.\\d)");

    /** Whether a text contains an e-mail address anywhere. */
    public static boolean mentionsEmail(String text) {
        return text.indexOf('@') >= 0 && EMBEDDED_EMAIL.matcher(text).find();
    }

    /** Whether a text contains a phone number written with separators (NANP-style groups, optional country code). */
    public static boolean mentionsPhone(String text) {
        return EMBEDDED_PHONE.matcher(text).find();
    }

    public static boolean isEmail(String s) {
        return s.length() <= 254 && s.indexOf('@') > 0 && EMAIL.matcher(s).matches();
    }

    public static boolean isPhone(String s) {
        int digits = countDigits(s);
        if (digits < 7 || digits > 18 || s.length() > 30) {
            return false;
        }
        return PHONE_NANP.matcher(s).matches()
                || (PHONE_INTERNATIONAL.matcher(s).matches() && digits >= 8 && digits <= 15)
                || (PHONE_UK.matcher(s).matches() && digits >= 10 && digits <= 11 && !ISO_DATE.matcher(s).matches());
    }

    /** Locale of a phone number's format: en-US for NANP, else by country calling code, else null. */
    public static String phoneLocale(String s) {
        if (s.startsWith("+")) {
            String digits = s.replaceAll("\\D", "");
            if (digits.startsWith("1") && PHONE_NANP.matcher(s).matches()) {
                return "en-US";
            }
            for (int len = 3; len >= 2; len--) {
                if (digits.length() > len && CALLING_CODES.containsKey(digits.substring(0, len))) {
                    return CALLING_CODES.get(digits.substring(0, len));
                }
            }
            return null;
        }
        if (PHONE_NANP.matcher(s).matches()) {
            return "en-US";
        }
        return PHONE_UK.matcher(s).matches() ? "en-GB" : null;
    }

    static int countDigits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    /** Written like a US Social Security number (###-##-####), valid or not. */
    public static boolean looksLikeSsn(String s) {
        return s.length() == 11 && SSN.matcher(s).matches();
    }

    /** US Social Security number with the SSA's never-issued ranges excluded (area 000, 666, 900-999; group 00; serial 0000). */
    public static boolean isValidSsn(String s) {
        var m = SSN.matcher(s);
        if (s.length() != 11 || !m.matches()) {
            return false;
        }
        int area = Integer.parseInt(m.group(1));
        int group = Integer.parseInt(m.group(2));
        int serial = Integer.parseInt(m.group(3));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    /** UK National Insurance number (HMRC format rules). */
    public static boolean isNino(String s) {
        return s.length() <= 13 && NINO.matcher(s).matches();
    }

    /** Luhn checksum over a string of digits. */
    public static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The digits of a number written as 12 to 19 digits with optional space or dash separators, or null. */
    static String cardDigits(String s) {
        if (s.length() > 23) {
            return null;
        }
        StringBuilder digits = new StringBuilder(19);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                return null;
            }
        }
        return digits.length() < 12 || digits.length() > 19 ? null : digits.toString();
    }

    /**
     * A payment card number: Luhn-valid, and either within a known brand's prefix and length or of
     * the 16 or 19 digits every network issues (Mir, RuPay, Troy, Verve, UzCard, ... have prefixes
     * outside the common brands). A random number of that length passes Luhn one time in ten, so a
     * column passes as cards only when nearly all of its values do; 15-digit numbers without a
     * brand (IMEIs are Luhn-valid too) do not count.
     */
    public static boolean isCardNumber(String s) {
        String d = cardDigits(s);
        return d != null && luhn(d) && (d.length() == 16 || d.length() == 19 || brandOf(d) != null);
    }

    /** The card brand of a Luhn-valid number written as digits with optional space or dash separators, or null. */
    public static String cardBrand(String s) {
        String d = cardDigits(s);
        return d == null || !luhn(d) ? null : brandOf(d);
    }

    private static String brandOf(String d) {
        int n = d.length();
        int two = Integer.parseInt(d.substring(0, 2));
        int three = Integer.parseInt(d.substring(0, 3));
        int four = Integer.parseInt(d.substring(0, 4));
        if (d.charAt(0) == '4' && (n == 13 || n == 16 || n == 19)) {
            return "VISA";
        }
        if (((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) && n == 16) {
            return "MASTERCARD";
        }
        if ((two == 34 || two == 37) && n == 15) {
            return "AMEX";
        }
        if ((four == 6011 || two == 65 || (three >= 644 && three <= 649)) && n >= 16) {
            return "DISCOVER";
        }
        if (four >= 3528 && four <= 3589 && n >= 16) {
            return "JCB";
        }
        if (((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39) && n >= 14) {
            return "DINERS";
        }
        if ((two == 50 || (two >= 56 && two <= 69) || two == 62) && n >= 12) {
            return "MAESTRO";
        }
        return null;
    }

    /** ISO 13616 IBAN (spaces allowed): known country length and the mod-97 check. Returns the country or null. */
    public static String ibanCountry(String s) {
        if (s.length() < 15 || s.length() > 42) {
            return null;
        }
        String iban = s.replace(" ", "").toUpperCase(Locale.ROOT);
        if (iban.length() < 15 || !Character.isLetter(iban.charAt(0)) || !Character.isLetter(iban.charAt(1))
                || !Character.isDigit(iban.charAt(2)) || !Character.isDigit(iban.charAt(3))) {
            return null;
        }
        String country = iban.substring(0, 2);
        Integer length = IBAN_LENGTHS.get(country);
        if (length == null || iban.length() != length) {
            return null;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                numeric.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                numeric.append(c - 'A' + 10);
            } else {
                return null;
            }
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1 ? country : null;
    }

    /**
     * The locale whose street-address shape a value has ({@code en-US}: "12 Main Street, Apt 3";
     * {@code de-DE}: "Hauptstraße 5"; {@code fr-FR}: "5 rue de la Paix"), or null.
     */
    public static String streetAddressLocale(String v) {
        if (v.isEmpty() || v.length() > 200 || !Character.isLetterOrDigit(v.charAt(0))) {
            return null;
        }
        if (STREET_US.matcher(v).matches()) {
            return "en-US";
        }
        if (STREET_DE.matcher(v).matches()) {
            return "de-DE";
        }
        return STREET_FR.matcher(v).matches() ? "fr-FR" : null;
    }

    public static boolean isIpv4(String s) {
        int n = s.length();
        if (n < 7 || n > 15) {
            return false;
        }
        int parts = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || value > 255) {
                    return false;
                }
                parts++;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    return false;
                }
                value = value * 10 + (c - '0');
                digits++;
                if (digits > 3) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    public static boolean isIpv6(String s) {
        int n = s.length();
        if (n < 2 || n > 45 || s.indexOf(':') < 0) {
            return false;
        }
        String body = s;
        int groupsNeeded = 8;
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.') > lastColon) {
            if (!isIpv4(s.substring(lastColon + 1))) {
                return false;
            }
            body = s.substring(0, lastColon);
            groupsNeeded = 6;
            if (body.endsWith(":")) {
                body = body + ":";
            }
        }
        int doubleColon = body.indexOf("::");
        if (doubleColon >= 0 && body.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String core = doubleColon >= 0 ? body.replace("::", ":Z:") : body;
        String[] groups = core.split(":", -1);
        int count = 0;
        for (String g : groups) {
            if (g.equals("Z")) {
                continue;
            }
            if (g.isEmpty()) {
                if (doubleColon >= 0 && (core.startsWith(":Z") || core.endsWith("Z:"))) {
                    continue;
                }
                return false;
            }
            if (g.length() > 4) {
                return false;
            }
            for (int k = 0; k < g.length(); k++) {
                if (Character.digit(g.charAt(k), 16) < 0) {
                    return false;
                }
            }
            count++;
        }
        return doubleColon >= 0 ? count < groupsNeeded : count == groupsNeeded;
    }
}
