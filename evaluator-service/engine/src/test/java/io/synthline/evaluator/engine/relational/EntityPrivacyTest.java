package io.synthline.evaluator.engine.relational;

import io.synthline.evaluator.engine.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.evaluation.RelationalEvaluation.EntityPrivacy;
import io.synthline.commons.relational.Entities;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.relational.Relationship;
import io.synthline.commons.relational.TableMetadata;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Entity-level attacks tell a synthesizer that copies whole customers from one that draws new ones. */
class EntityPrivacyTest {
    static final RelationalMetadata METADATA = new RelationalMetadata(
            List.of(new TableMetadata("customers", List.of(), List.of("id"), null), new TableMetadata("orders", List.of(), List.of(), null)),
            List.of(new Relationship("customers", "orders", List.of("id"), List.of("customer"))));

    /** Customers with an age and a segment, each with a few orders whose amounts depend on the customer. */
    static RelationalDataset population(int customers, long seed, String prefix) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> ids = new ArrayList<>();
        double[] age = new double[customers];
        int[] segment = new int[customers];
        List<String> owner = new ArrayList<>();
        List<Double> amount = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            ids.add(prefix + i);
            age[i] = 18 + r.nextInt(60);
            segment[i] = r.nextInt(3);
            int orders = r.nextInt(6);
            for (int k = 0; k < orders; k++) {
                owner.add(prefix + i);
                amount.add(Math.round(r.nextDouble() * 100 * (1 + segment[i])) / 1.0);
            }
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("customers", new Table(List.of(text("id", ids), new NumericColumn(ColumnSchema.of("age", ColumnType.INTEGER), age),
                new CategoricalColumn(ColumnSchema.of("segment", ColumnType.CATEGORICAL), segment, List.of("basic", "silver", "gold")))));
        tables.put("orders", new Table(List.of(text("customer", owner),
                new NumericColumn(ColumnSchema.of("amount", ColumnType.DECIMAL), amount.stream().mapToDouble(Double::doubleValue).toArray()))));
        return new RelationalDataset(METADATA, tables);
    }

    static CategoricalColumn text(String name, List<String> values) {
        List<String> categories = new ArrayList<>(new java.util.LinkedHashSet<>(values));
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            index.put(categories.get(i), i);
        }
        return new CategoricalColumn(ColumnSchema.of(name, ColumnType.IDENTIFIER), values.stream().mapToInt(index::get).toArray(), categories);
    }

    @Test
    void copiedEntitiesAreFoundAndFreshOnesAreNot() {
        Entities.Split split = Entities.split(population(1500, 1, "c"), 0.3, 7);
        assertThat(split.root()).isEqualTo("customers");
        assertThat(split.holdout().table("customers").rowCount()).isEqualTo(450);
        EntityPrivacy copied = EntityPrivacyEvaluation.evaluate(split.training(), split.training(), split.holdout(), 3, SharedData.pool());
        assertThat(copied.membershipInference().auc()).isGreaterThan(0.85);
        assertThat(copied.dcrShare().value()).isGreaterThan(0.9); // baseline 0.7; ties (identical entities in both sets) count for the holdout
        assertThat(copied.features()).contains("age", "segment", "orders.rows", "orders.amount.mean");
        EntityPrivacy fresh = EntityPrivacyEvaluation.evaluate(split.training(), population(1050, 2, "s"), split.holdout(), 3,
                SharedData.pool());
        assertThat(fresh.membershipInference().auc()).isBetween(0.42, 0.58);
        assertThat(fresh.dcrShare().value()).isBetween(fresh.dcrShare().baseline() - 0.08, fresh.dcrShare().baseline() + 0.08);
    }

    @Test
    void aHoldoutTakesWholeEntitiesWithTheirRows() {
        RelationalDataset all = population(200, 4, "c");
        Entities.Split split = Entities.split(all, 0.25, 9);
        assertThat(split.training().table("orders").rowCount() + split.holdout().table("orders").rowCount())
                .isEqualTo(all.table("orders").rowCount());
        java.util.Set<String> held = new java.util.HashSet<>();
        Table h = split.holdout().table("customers");
        for (int r = 0; r < h.rowCount(); r++) {
            held.add(h.column("id").text(r));
        }
        Table ho = split.holdout().table("orders");
        for (int r = 0; r < ho.rowCount(); r++) {
            assertThat(held).contains(ho.column("customer").text(r));
        }
        Table to = split.training().table("orders");
        for (int r = 0; r < to.rowCount(); r++) {
            assertThat(held).doesNotContain(to.column("customer").text(r));
        }
        assertThat(Entities.split(all, 0.25, 9).holdout().table("customers").column("id").text(0)).isEqualTo(h.column("id").text(0));
    }
}
