package io.synthline.service.problem;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.Problem;
import io.synthline.service.http.JsonLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a request body in the user's terms: which field, what was expected
 * ("an integer", "one of csv, parquet"), what was given. Jackson's own messages name Java types
 * ({@code java.lang.Long}, the request record's class), which mean nothing to a client and tell an
 * attacker what runs inside; none of them is passed on.
 */
public final class JsonProblems {
    private static final int MAX_ECHO = 40;

    private JsonProblems() {
    }

    /** The problem for a body Jackson could not read; {@code limits} names the limits in force. */
    public static Problem describe(JsonProcessingException e, JsonLimits limits) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // databind wraps a limit hit inside a nested value with the path to it
            if (t instanceof StreamConstraintsException c) {
                return constraint(c, limits);
            }
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof BadInputException bad) {
            return bad.toProblem(ProblemMappers.titleFor(bad.status())).with("field", field(v));
        }
        if (e instanceof DatabindException d) {
            return mapping(d);
        }
        // anything else is a syntax error: say where, not what the parser thought
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return Problem.of(400, "invalid-json", "Bad request", "the body is not valid JSON" + where
                + (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input") ? ": it ends too early" : ""));
    }

    private static Problem constraint(StreamConstraintsException e, JsonLimits limits) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.contains("nesting depth")) {
            return Problem.of(400, "json-too-deep", "Bad request", "the body is nested deeper than " + limits.maxDepth()
                    + " levels of objects and lists").with("maxDepth", limits.maxDepth());
        }
        if (m.startsWith("Document length")) {
            return tooLarge(limits.maxBytes());
        }
        if (m.startsWith("Number")) {
            return Problem.of(400, "invalid-body", "Bad request", "a number in the body has more than " + JsonLimits.MAX_NUMBER_DIGITS
                    + " digits");
        }
        return Problem.of(400, "invalid-body", "Bad request", "a text or a field name in the body is longer than "
                + limits.maxBytes() + " characters");
    }

    /** The 413 answer to a JSON or form body over the limit (also used before the body is read). */
    public static Problem tooLarge(long maxBytes) {
        return Problem.of(413, "payload-too-large", "Payload too large", "the request body is larger than " + maxBytes
                + " bytes, the limit for JSON and form bodies").with("limitBytes", maxBytes);
    }

    private static Problem mapping(DatabindException d) {
        String field = d instanceof JsonMappingException m ? field(m) : "";
        String subject = field.isEmpty() ? "the body" : field;
        Problem p;
        if (d instanceof InvalidTypeIdException t) {
            String known = subtypeNames(t.getBaseType());
            p = Problem.of(400, "invalid-body", "Bad request", subject + ": unknown type '" + echo(t.getTypeId()) + "'"
                    + (known.isEmpty() ? "" : "; expected one of " + known));
        } else if (d instanceof InvalidFormatException f && f.getValue() instanceof String s && s.indexOf('\0') >= 0) {
            p = Problem.of(400, "invalid-body", "Bad request", subject + ": a text must not contain NUL characters");
        } else if (d instanceof InvalidFormatException f) {
            String expected = expected(f.getTargetType());
            p = Problem.of(400, "invalid-body", "Bad request", subject + ": expected " + expected + ", got "
                    + given(f.getValue())).with("expected", expected);
        } else if (d instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            String expected = expected(mi.getTargetType());
            String got = given(mi);
            p = Problem.of(400, "invalid-body", "Bad request", subject + ": expected " + expected + (got == null ? "" : ", got " + got))
                    .with("expected", expected);
        } else if (d instanceof ValueInstantiationException v && v.getCause() instanceof NullPointerException npe
                && npe.getMessage() != null && npe.getMessage().matches("[A-Za-z][A-Za-z0-9]*")) {
            // records check their required fields with Objects.requireNonNull(value, "name")
            String missing = field.isEmpty() ? npe.getMessage() : field + "." + npe.getMessage();
            return Problem.of(400, "invalid-body", "Bad request", missing + " is required").with("field", missing);
        } else if (d instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException iae
                && userWords(iae.getMessage())) {
            p = Problem.of(400, "invalid-body", "Bad request", subject + ": " + iae.getMessage());
        } else if (d instanceof ValueInstantiationException) {
            p = Problem.of(400, "invalid-body", "Bad request", subject + ": the value is not valid here");
        } else {
            p = Problem.of(400, "invalid-body", "Bad request", subject + ": the value does not have the expected form");
        }
        return field.isEmpty() ? p : p.with("field", field);
    }

    /** The field's path in the body as a client writes it: {@code conditions[0].column}. */
    static String field(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** What a value of {@code type} looks like, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == Byte.class || type == byte.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "a text";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date-time such as 2026-01-31T00:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-01-31";
        }
        if (type == Duration.class || type == Period.class) {
            return "an ISO-8601 duration such as P30D";
        }
        if (type == UUID.class) {
            return "an id such as 3f2c1e0a-5b7d-4c3e-9a1f-2b6d8e4f0a1c";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of names and values";
        }
        return "an object";
    }

    private static String subtypeNames(JavaType base) {
        JsonSubTypes sub = base == null ? null : base.getRawClass().getAnnotation(JsonSubTypes.class);
        return sub == null ? "" : Arrays.stream(sub.value()).map(JsonSubTypes.Type::name).collect(Collectors.joining(", "));
    }

    private static String given(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return "'" + echo(s) + "'";
        }
        return echo(String.valueOf(value));
    }

    /**
     * The kind of value that was given, read from the parser's words (the parser itself is closed
     * by the time the exception arrives); null when they do not say.
     */
    static String given(MismatchedInputException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        java.util.regex.Matcher kind = GIVEN.matcher(m);
        if (!kind.find()) {
            return null;
        }
        return switch (kind.group(1) != null ? kind.group(1) : kind.group(2)) {
            case "Object", "START_OBJECT" -> "an object";
            case "Array", "START_ARRAY" -> "a list";
            case "String", "VALUE_STRING" -> "a text";
            case "Integer", "VALUE_NUMBER_INT" -> "an integer";
            case "Floating-point", "VALUE_NUMBER_FLOAT" -> "a number with a fraction";
            case "Boolean", "VALUE_TRUE", "VALUE_FALSE" -> "true or false";
            case "Null", "VALUE_NULL" -> "null";
            default -> null;
        };
    }

    private static final java.util.regex.Pattern GIVEN = java.util.regex.Pattern.compile(
            "(?:from|coerce) (Object|Array|String|Integer|Floating-point|Boolean|Null) value|JsonToken\\.([A-Z_]+)");

    /** A message written for users: no Java type or package names. */
    static boolean userWords(String message) {
        return message != null && !message.isBlank() && message.length() < 300 && !message.contains("java.")
                && !message.contains("io.synthline") && !message.contains("com.fasterxml") && !message.contains("`")
                && !message.contains("Exception");
    }

    private static String echo(String s) {
        String clean = s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_ECHO ? clean : clean.substring(0, MAX_ECHO) + "...";
    }
}
