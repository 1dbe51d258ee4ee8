package io.synthline.governance.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateExtension;
import io.synthline.commons.json.Json;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the dashboard writes values ({@code {fmt:utc(run.requestedAt)}} in templates): times to the
 * minute in UTC, ids shortened (the full id in a tooltip and in links), numbers with the precision
 * that means something, audit subjects as links. Every function takes null and shows "—".
 */
@TemplateExtension(namespace = "fmt")
public final class DashboardFormat {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DashboardFormat() {
    }

    /** {@code 2026-12-05 12:48 UTC}. */
    static String utc(Instant i) {
        return i == null ? "—" : MINUTE.format(i) + " UTC";
    }

    /** {@code 2026-12-05 12:48:07}: the audit log's precision. */
    static String utcSeconds(Instant i) {
        return i == null ? "—" : SECOND.format(i);
    }

    /** The first 8 characters of an id: enough to tell runs apart on a page. */
    static String shortId(String id) {
        return id == null ? "—" : id.length() <= 8 ? id : id.substring(0, 8);
    }

    /** Epsilon and other budgets: three significant digits, no trailing noise. */
    static String eps(Object v) {
        if (!(v instanceof Number n)) {
            return "—";
        }
        return new BigDecimal(n.doubleValue()).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** Counts with thousands separators. */
    static String count(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue()) : "—";
    }

    /** An audit entry's event data as indented JSON: the evidence, shown in its detail view. */
    static String payload(JsonNode data) {
        return data == null || data.isNull() ? "(no data)" : Json.writePretty(data);
    }

    /** {@code generations/1b2c3d4e…}: the kind and a short id. */
    static String shortSubject(String subject) {
        if (subject == null || subject.indexOf('/') < 0) {
            return subject == null ? "" : subject;
        }
        String id = subject.substring(subject.indexOf('/') + 1);
        return subject.substring(0, subject.indexOf('/') + 1) + (id.length() > 8 ? id.substring(0, 8) + "…" : id);
    }

    /** The dashboard page of an audit entry's subject ({@code datasets/ID}, {@code generations/ID}, ...), or null. */
    static String subjectLink(String subject) {
        if (subject == null || subject.indexOf('/') < 0) {
            return null;
        }
        String kind = subject.substring(0, subject.indexOf('/'));
        String id = subject.substring(subject.indexOf('/') + 1);
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            return null;
        }
        return switch (kind) {
            case "datasets" -> "/dashboard/datasets#dataset-" + id;
            case "generations", "releases" -> "/dashboard/runs/" + id;
            case "evaluations" -> "/dashboard/evaluations/" + id + "/report";
            default -> null;
        };
    }
}
