package io.synthline.commons.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem details. Extension members (e.g. {@code line}, {@code column}) are flattened
 * into the top-level object as the RFC requires.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://synthline.io/problems/";

    private String type;
    private String title;
    private int status;
    private String detail;
    private String instance;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem() {
    }

    public Problem(String type, String title, int status, String detail) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
    }

    /** A problem whose type is a stable slug under the Synthline problem namespace. */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail);
    }

    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public Problem instance(String instance) {
        this.instance = instance;
        return this;
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    @JsonAnySetter
    void setExtension(String name, Object value) {
        extensions.put(name, value);
    }

    @JsonIgnore
    public Object extension(String name) {
        return extensions.get(name);
    }

    void setType(String type) {
        this.type = type;
    }

    void setTitle(String title) {
        this.title = title;
    }

    void setStatus(int status) {
        this.status = status;
    }

    void setDetail(String detail) {
        this.detail = detail;
    }

    void setInstance(String instance) {
        this.instance = instance;
    }
}
