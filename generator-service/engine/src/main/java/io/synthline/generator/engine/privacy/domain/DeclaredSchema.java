package io.synthline.generator.engine.privacy.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.DeclaredColumn;
import io.synthline.commons.json.Json;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.TableSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The public description of a table's domain, declared by its owner: for each column its type
 * and, for differential privacy, the value set or bounds that may be assumed without looking at
 * the data. A superset of {@link TableSchema}'s JSON, so a plain schema file is accepted too:
 * <pre>
 * {"columns": [
 *   {"name": "age", "type": "INTEGER", "min": 16, "max": 100, "nullable": false},
 *   {"name": "sex", "type": "CATEGORICAL", "categories": ["Female", "Male"], "nullable": false}]}
 * </pre>
 * Anything the schema leaves open (no categories, no bounds) must be learned under DP or refused.
 */
public record DeclaredSchema(List<DeclaredColumn> columns) {
    public DeclaredSchema {
        columns = columns == null ? List.of() : List.copyOf(columns);
        Set<String> names = new HashSet<>();
        for (DeclaredColumn c : columns) {
            if (!names.add(c.name())) {
                throw new BadInputException("invalid-schema", "the schema declares column '" + c.name() + "' twice");
            }
        }
    }

    public static DeclaredSchema read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException("unreadable-schema", "cannot read schema file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static DeclaredSchema parse(String json, String origin) {
        try {
            DeclaredSchema schema = Json.mapper().readValue(json, DeclaredSchema.class);
            if (schema == null || schema.columns().isEmpty()) {
                throw new BadInputException("invalid-schema", "schema " + origin + " declares no columns");
            }
            return schema;
        } catch (JsonProcessingException e) {
            throw new BadInputException("invalid-schema", "schema " + origin + " is not valid: " + e.getOriginalMessage());
        }
    }

    public Optional<DeclaredColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The types it declares, for reading the data file; null when it declares none. */
    public TableSchema tableSchema() {
        List<ColumnSchema> typed = columns.stream().filter(c -> c.type() != null)
                .map(c -> new ColumnSchema(c.name(), c.type(), c.format())).toList();
        return typed.isEmpty() ? null : new TableSchema(typed);
    }
}
