package io.synthline.generator.engine.relational;

import io.synthline.commons.relational.Relationship;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.pii.PiiColumn;
import java.util.List;
import java.util.Map;

/**
 * How one table is generated.
 *
 * @param schema          the output columns: the real table's
 * @param learned         output column indexes of the learned columns, in context order
 * @param counted         the child tables whose row counts per row of this table are learned, in
 *                        context order after the learned columns
 * @param context         the learned columns and child counts: what this table's children are conditioned on
 * @param primary         the relationship to the parent children are drawn for; null for a table without parent
 * @param primaryColumns  output indexes of the primary foreign key's columns
 * @param orphanRows      real rows without a parent (optional foreign key missing, or dangling)
 * @param rows            real rows (tables without parent: the output has {@code scale} times as many)
 * @param model           over the parent's context (given) followed by this table's; null for sequential
 *                        tables and for tables with nothing to learn
 * @param secondary       the other foreign keys: each points at a random generated parent row
 * @param keys            generated key and identifier columns
 * @param pii             output column index to its replacement
 * @param sequence        the sequence model of a sequential table, else null
 * @param entityKeys      for a sequential table without parent table: its entity key columns (numbered per entity)
 */
record TablePlan(String name, TableSchema schema, int[] learned, List<String> counted, ModelDomain context, Relationship primary,
        int[] primaryColumns, long orphanRows, long rows, FittedModel model, List<Secondary> secondary, List<KeyPlan> keys,
        Map<Integer, PiiColumn> pii, SequenceModel sequence, List<KeyPlan> entityKeys) {

    /** A foreign key other than the primary one, with the share of rows where it is missing. */
    record Secondary(Relationship relationship, int[] columns, double missingShare) {
    }

    int contextSize() {
        return context.size();
    }

    /** Where the number of {@code child} rows per row sits in this table's context. */
    int countIndex(String child) {
        int i = counted.indexOf(child);
        if (i < 0) {
            throw new IllegalStateException(name + " does not count rows of " + child);
        }
        return learned.length + i;
    }
}
