package io.synthline.commons.relational;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The metadata document: SDV's multi-table metadata (spec V1) — {@code tables} by name with
 * {@code columns} ({@code sdtype}, {@code datetime_format}), {@code primary_key},
 * {@code sequence_key} and {@code sequence_index}, and {@code relationships} with
 * {@code parent_table_name}, {@code child_table_name}, {@code parent_primary_key},
 * {@code child_foreign_key}. Keys are a column name, or a list of names for a composite key
 * (which SDV does not have).
 */
public final class MetadataJson {
    private MetadataJson() {
    }

    public static RelationalMetadata parse(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException("invalid-metadata", "the metadata is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("tables").isObject()) {
            throw new BadInputException("invalid-metadata", "the metadata needs a 'tables' object (table name -> columns and keys)");
        }
        List<TableMetadata> tables = new ArrayList<>();
        for (Map.Entry<String, JsonNode> t : root.get("tables").properties()) {
            String name = t.getKey();
            JsonNode node = t.getValue();
            List<ColumnMetadata> columns = new ArrayList<>();
            if (node.has("columns")) {
                if (!node.get("columns").isObject()) {
                    throw new BadInputException("invalid-metadata", "'columns' of table '" + name + "' must be an object (column -> sdtype)");
                }
                for (Map.Entry<String, JsonNode> c : node.get("columns").properties()) {
                    JsonNode cn = c.getValue();
                    columns.add(new ColumnMetadata(c.getKey(), text(cn, "sdtype", name + "." + c.getKey()),
                            text(cn, "datetime_format", name + "." + c.getKey())));
                }
            }
            List<String> primaryKey = key(node.get("primary_key"), "primary_key of table '" + name + "'");
            SequenceSpec sequence = null;
            if (node.hasNonNull("sequence_key") || node.hasNonNull("sequence_index")) {
                List<String> entity = key(node.get("sequence_key"), "sequence_key of table '" + name + "'");
                String index = text(node, "sequence_index", name);
                if (entity.isEmpty() || index == null) {
                    throw new BadInputException("invalid-metadata", "sequential table '" + name
                            + "' needs both 'sequence_key' (the entity) and 'sequence_index' (the order column)");
                }
                sequence = new SequenceSpec(entity, index);
            }
            tables.add(new TableMetadata(name, columns, primaryKey, sequence));
        }
        List<Relationship> relationships = new ArrayList<>();
        JsonNode rels = root.path("relationships");
        if (!rels.isMissingNode() && !rels.isNull() && !rels.isArray()) {
            throw new BadInputException("invalid-metadata", "'relationships' must be a list");
        }
        for (JsonNode r : rels) {
            String parent = text(r, "parent_table_name", "relationship");
            String child = text(r, "child_table_name", "relationship");
            if (parent == null || child == null) {
                throw new BadInputException("invalid-metadata", "every relationship needs 'parent_table_name' and 'child_table_name'");
            }
            relationships.add(new Relationship(parent, child, key(r.get("parent_primary_key"), "parent_primary_key of " + child + " -> " + parent),
                    key(r.get("child_foreign_key"), "child_foreign_key of " + child + " -> " + parent)));
        }
        return new RelationalMetadata(tables, relationships);
    }

    public static String write(RelationalMetadata metadata) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode tables = root.putObject("tables");
        for (TableMetadata t : metadata.tables()) {
            ObjectNode tn = tables.putObject(t.name());
            ObjectNode columns = tn.putObject("columns");
            for (ColumnMetadata c : t.columns()) {
                ObjectNode cn = columns.putObject(c.name());
                if (c.sdtype() != null) {
                    cn.put("sdtype", c.sdtype());
                }
                if (c.datetimeFormat() != null) {
                    cn.put("datetime_format", c.datetimeFormat());
                }
            }
            if (t.hasPrimaryKey()) {
                putKey(tn, "primary_key", t.primaryKey());
            }
            if (t.isSequential()) {
                putKey(tn, "sequence_key", t.sequence().entityKey());
                tn.put("sequence_index", t.sequence().orderColumn());
            }
        }
        ArrayNode rels = root.putArray("relationships");
        for (Relationship r : metadata.relationships()) {
            ObjectNode rn = rels.addObject();
            rn.put("parent_table_name", r.parentTable());
            rn.put("child_table_name", r.childTable());
            putKey(rn, "parent_primary_key", r.parentKey());
            putKey(rn, "child_foreign_key", r.childKey());
        }
        root.put("METADATA_SPEC_VERSION", "V1");
        return Json.writePretty(root);
    }

    private static void putKey(ObjectNode node, String field, List<String> key) {
        if (key.size() == 1) {
            node.put(field, key.getFirst());
        } else {
            ArrayNode a = node.putArray(field);
            key.forEach(a::add);
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadInputException("invalid-metadata", "'" + field + "' of " + where + " must be a string");
        }
        return v.asText();
    }

    private static List<String> key(JsonNode node, String what) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (node.isArray() && !node.isEmpty()) {
            List<String> columns = new ArrayList<>();
            for (JsonNode n : node) {
                if (!n.isTextual()) {
                    throw new BadInputException("invalid-metadata", what + " must be a column name or a list of column names");
                }
                columns.add(n.asText());
            }
            return columns;
        }
        throw new BadInputException("invalid-metadata", what + " must be a column name or a list of column names");
    }
}
