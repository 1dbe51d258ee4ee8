package io.synthline.service.http;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * How large and how deep a JSON request body may be, and how strictly its values are read. The
 * same on every service ({@code synthline.http.json.*}): a body over the size is refused before it
 * is read (413), one nested deeper is refused while it is parsed (400), so neither can exhaust the
 * heap or the stack.
 *
 * @param maxBytes largest JSON (or form) body, and longest text value in it
 * @param maxDepth deepest nesting of objects and lists
 */
public record JsonLimits(long maxBytes, int maxDepth) {
    /** Longest number literal: far beyond any real value, short enough that parsing one costs nothing. */
    public static final int MAX_NUMBER_DIGITS = 100;

    public static final long DEFAULT_MAX_BYTES = 4L << 20;
    public static final int DEFAULT_MAX_DEPTH = 64;

    public static JsonLimits defaults() {
        return new JsonLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
    }

    /**
     * As configured ({@code synthline.http.json.max-bytes}, {@code .max-depth}). Read from the
     * config directly rather than injected: the object mapper is built while the application starts,
     * before configuration objects can be injected.
     */
    public static JsonLimits fromConfig() {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return new JsonLimits(config.getOptionalValue("synthline.http.json.max-bytes", Long.class).orElse(DEFAULT_MAX_BYTES),
                config.getOptionalValue("synthline.http.json.max-depth", Integer.class).orElse(DEFAULT_MAX_DEPTH));
    }

    /**
     * Applies the limits and the strict reading rules to {@code mapper}: a fraction is not an
     * integer ({@code rows: 1.5} is refused, not read as 1), a text is not a number or a boolean,
     * a number is not a boolean, a text has no NUL character, nothing may follow the body's value.
     */
    public ObjectMapper configure(ObjectMapper mapper) {
        int textLimit = (int) Math.min(Integer.MAX_VALUE, maxBytes);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxDocumentLength(maxBytes)
                .maxStringLength(textLimit)
                .maxNameLength(textLimit)
                .maxNumberLength(MAX_NUMBER_DIGITS)
                .build());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (LogicalType numeric : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(numeric).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("synthline-text-without-nul")
                .addDeserializer(String.class, new TextWithoutNul()));
        return mapper;
    }

    /** No database column can hold a NUL character, and no legitimate text has one: refused while reading. */
    static final class TextWithoutNul extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String> {
        TextWithoutNul() {
            super(String.class);
        }

        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            String s = com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null && s.indexOf('\0') >= 0) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(p, "NUL character in text", s, String.class);
            }
            return s;
        }

        @Override
        public com.fasterxml.jackson.databind.type.LogicalType logicalType() {
            return com.fasterxml.jackson.databind.type.LogicalType.Textual;
        }
    }
}
