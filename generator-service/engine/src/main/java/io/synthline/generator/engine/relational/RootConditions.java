package io.synthline.generator.engine.relational;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.relational.ColumnMetadata;
import io.synthline.commons.relational.Entities;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.relational.TableMetadata;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Conditions on a dataset of several tables apply to its root table ({@link Entities#root}: the
 * table without parent with the most descendant tables): every generated root row satisfies them,
 * and the rows below it follow their generated parents as usual. A condition names a learned
 * column of the root table, as it is ({@code segment}) or qualified ({@code customers.segment});
 * keys, identifiers and PII columns are generated, never learned, so they cannot be conditioned on.
 */
public final class RootConditions {
    private RootConditions() {
    }

    /**
     * The conditions with their columns named as in the root table, checked against what can be
     * told before any row is read (the columns and the shape of each condition); values are
     * checked against the model when it is conditioned.
     *
     * @param rootSchema the root table's columns
     * @param pii        the root table's columns replaced by fake values (besides those the metadata gives a PII sdtype)
     */
    public static List<ConditionSpec> check(RelationalMetadata metadata, TableSchema rootSchema, Set<String> pii,
            List<ConditionSpec> conditions) {
        String root = Entities.root(metadata);
        TableMetadata meta = metadata.table(root);
        List<ConditionSpec> out = new ArrayList<>();
        for (ConditionSpec c : conditions) {
            if (c == null || c.column() == null || c.column().isBlank()) {
                throw new BadInputException("invalid-condition", "every condition needs a column");
            }
            String column = c.column();
            if (rootSchema.indexOf(column).isEmpty()) {
                int dot = column.indexOf('.');
                String table = dot > 0 ? column.substring(0, dot) : null;
                if (table != null && table.equals(root)) {
                    column = column.substring(dot + 1);
                } else if (table != null && metadata.find(table).isPresent()) {
                    throw new BadInputException("invalid-condition", "conditions apply to the root table '" + root + "' (the rows of the"
                            + " other tables follow their parents), not to '" + table + "'");
                }
                if (rootSchema.indexOf(column).isEmpty()) {
                    throw new BadInputException("unknown-column", "a condition names column '" + c.column() + "', which the root table '"
                            + root + "' does not have (conditions apply to it); its columns are " + rootSchema.names());
                }
            }
            if (meta.isSequential()) {
                throw new BadInputException("invalid-condition", "the root table '" + root + "' is sequential: its rows are drawn as"
                        + " sequences, which cannot be conditioned");
            }
            ColumnType type = rootSchema.column(rootSchema.indexOf(column).getAsInt()).type();
            if (!learned(meta, metadata.keyColumns(root), column, type, pii)) {
                throw new BadInputException("invalid-condition", "column '" + column + "' of table '" + root + "' is generated (key,"
                        + " identifier or PII), so it cannot be conditioned on");
            }
            int kinds = (c.equals() != null ? 1 : 0) + (c.in() != null ? 1 : 0) + (c.min() != null || c.max() != null ? 1 : 0);
            if (kinds != 1) {
                throw new BadInputException("invalid-condition", "the condition on column '" + column
                        + "' must give exactly one of equals, in, or min/max");
            }
            out.add(new ConditionSpec(column, c.equals(), c.in(), c.min(), c.max()));
        }
        return out;
    }

    /** Whether a column is learned by the relational model: neither a key, an identifier, nor PII. */
    static boolean learned(TableMetadata meta, Set<String> keyColumns, String column, ColumnType type, Set<String> pii) {
        ColumnMetadata declared = meta.column(column).orElse(null);
        return !pii.contains(column) && !(declared != null && declared.isPii()) && !keyColumns.contains(column)
                && !isIdentifier(declared, type);
    }

    /** A column numbered like a key, never learned: declared {@code id}, or undeclared and inferred an identifier. */
    static boolean isIdentifier(ColumnMetadata declared, ColumnType type) {
        return declared != null && declared.isId() || (declared == null || declared.sdtype() == null) && type == ColumnType.IDENTIFIER;
    }
}
