package io.synthline.service.http;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads numeric and boolean request parameters strictly and names the parameter when a value does
 * not fit: JAX-RS would read {@code header=maybe} as false and answer {@code limit=abc} with 404.
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    /** A request parameter that does not have the form its endpoint documents; answered with 400. */
    public static final class InvalidParameter extends BadRequestException {
        private final String parameter;

        public InvalidParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, "true or false", StrictParams::bool);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "an integer", Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, "an integer", Long::valueOf);
        }
        if (rawType == Double.class || rawType == double.class) {
            return (ParamConverter<T>) converter(name, "a number", StrictParams::finite);
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(String name, String expected, Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException e) {
                    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
                    throw new InvalidParameter(name, "parameter '" + name + "' must be " + expected + ", got '"
                            + shown.replaceAll("\\p{Cntrl}", "?") + "'");
                }
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }

    static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    static Double finite(String value) {
        double d = Double.parseDouble(value);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(value);
        }
        return d;
    }

    static String name(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                String n = switch (a) {
                    case QueryParam q -> q.value();
                    case PathParam p -> p.value();
                    case HeaderParam h -> h.value();
                    case FormParam f -> f.value();
                    case CookieParam c -> c.value();
                    default -> null;
                };
                if (n != null) {
                    return n;
                }
            }
        }
        return "?";
    }
}
