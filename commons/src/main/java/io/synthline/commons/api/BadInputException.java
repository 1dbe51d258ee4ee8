package io.synthline.commons.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user mistake the caller can fix: services answer it with a 4xx problem, the CLI with exit
 * code 2 and a one-line message. Engines throw it (or subclasses) for invalid input; anything
 * else escaping an engine is a bug.
 */
public class BadInputException extends RuntimeException {
    private final String slug;
    private final int status;
    private final Map<String, Object> details = new LinkedHashMap<>();

    public BadInputException(String slug, String message) {
        this(slug, 400, message);
    }

    public BadInputException(String slug, int status, String message) {
        super(message);
        this.slug = slug;
        this.status = status;
    }

    public BadInputException detail(String name, Object value) {
        details.put(name, value);
        return this;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> details() {
        return details;
    }

    public Problem toProblem(String title) {
        Problem p = Problem.of(status, slug, title, getMessage());
        details.forEach(p::with);
        return p;
    }
}
