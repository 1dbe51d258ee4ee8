package io.synthline.generator.engine.relational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableWriter;
import io.synthline.commons.relational.KeyIndex;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalReader;
import io.synthline.commons.relational.Relationship;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.sampling.ImpossibleConditionException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shop sample: keys, foreign keys, counts, scale and reproducibility of a generated database. */
class RelationalSynthesisTest {
    static final Path SHOP = Path.of("../../samples/shop");
    static RelationalDataset real;
    static RelationalModel model;
    static RelationalDataset synthetic;

    @BeforeAll
    static void fit() {
        real = RelationalReader.read(SHOP, null, CsvOptions.defaults()).dataset();
        model = RelationalSynthesizer.fit(real, RelationalSpec.defaults(), 5, 2);
        synthetic = model.sample(1, 5);
    }

    @Test
    void everyForeignKeyResolvesAndPrimaryKeysAreUnique() {
        for (Relationship r : real.metadata().relationships()) {
            int[] parent = KeyIndex.of(synthetic.table(r.parentTable()), r.parentKey()).resolve(synthetic.table(r.childTable()), r.childKey());
            assertThat(Arrays.stream(parent).filter(p -> p == KeyIndex.DANGLING).count()).as(r.label()).isZero();
        }
        // the dataset's own checks: primary keys unique and complete
        assertThat(new RelationalDataset(synthetic.metadata(), synthetic.tables()).tables()).hasSize(5);
        assertThat(synthetic.table("order_lines").column("line_no").text(0)).isEqualTo("1");
    }

    @Test
    void optionalForeignKeysKeepTheirMissingShareAndCountsFollowTheParents() {
        double realMissing = share(real.table("orders").column("customer_id"));
        double synMissing = share(synthetic.table("orders").column("customer_id"));
        assertThat(synMissing).isCloseTo(realMissing, within(0.02));
        assertThat(synthetic.table("customers").rowCount()).isEqualTo(400);
        // child tables: about as many rows as real (counts are learned per parent row)
        for (String t : new String[] {"orders", "order_lines", "visits"}) {
            assertThat((double) synthetic.table(t).rowCount()).as(t).isCloseTo(real.table(t).rowCount(), within(real.table(t).rowCount() * 0.2));
        }
    }

    @Test
    void noRealKeyOrEmailIsCopied() {
        Set<String> realIds = values(real.table("customers").column("customer_id"));
        assertThat(values(synthetic.table("customers").column("customer_id"))).doesNotContainAnyElementsOf(realIds);
        Set<String> realEmails = values(real.table("customers").column("email"));
        Set<String> synEmails = values(synthetic.table("customers").column("email"));
        assertThat(synEmails).hasSizeGreaterThan(300).doesNotContainAnyElementsOf(realEmails);
    }

    @Test
    void theSameSeedGivesTheSameTablesAndScaleScalesThem() {
        RelationalDataset again = RelationalSynthesizer.fit(real, RelationalSpec.defaults(), 5, 1).sample(1, 5);
        for (String t : real.tables().keySet()) {
            assertThat(csv(again.table(t))).as(t).isEqualTo(csv(synthetic.table(t)));
        }
        RelationalDataset half = model.sample(0.5, 5);
        assertThat(half.table("customers").rowCount()).isEqualTo(200);
        assertThat((double) half.table("orders").rowCount()).isCloseTo(synthetic.table("orders").rowCount() / 2.0,
                within(synthetic.table("orders").rowCount() * 0.15));
        RelationalDataset twice = model.sample(2, 6);
        assertThat(twice.table("customers").rowCount()).isEqualTo(800);
    }

    @Test
    void visitsAreSequencesInOrderWithLengthsAndStepsLikeTheRealOnes() {
        Table visits = synthetic.table("visits");
        Column customer = visits.column("customer_id");
        double[] day = ((io.synthline.commons.table.NumericColumn) visits.column("visited_on")).values();
        java.util.Map<String, java.util.List<Double>> byCustomer = new java.util.LinkedHashMap<>();
        for (int r = 0; r < visits.rowCount(); r++) {
            byCustomer.computeIfAbsent(customer.text(r), k -> new java.util.ArrayList<>()).add(day[r]);
        }
        double steps = 0;
        long n = 0;
        for (var days : byCustomer.values()) {
            for (int t = 1; t < days.size(); t++) {
                assertThat(days.get(t)).as("events of a customer are in order").isGreaterThanOrEqualTo(days.get(t - 1));
                steps += days.get(t) - days.get(t - 1);
                n++;
            }
        }
        // real visits: a step of 1 + Exp(mean 9) days, 9.4 days on average in the sample
        assertThat(steps / n / 86_400_000).isBetween(7.5, 11.5);
        assertThat((double) visits.rowCount() / byCustomer.size()).isCloseTo(
                (double) real.table("visits").rowCount() / 361, within(1.0));
    }

    @Test
    void conditionsOnTheRootTableHoldForEveryRootRowAndTheChildrenFollowThem() {
        List<ConditionSpec> gold = List.of(ConditionSpec.equalTo("segment", "gold"), ConditionSpec.between("customers.age", "30", "45"));
        RelationalDataset conditioned = model.sample(1, 5, gold);
        Table customers = conditioned.table("customers");
        assertThat(customers.rowCount()).isEqualTo(400);
        double[] age = ((io.synthline.commons.table.NumericColumn) customers.column("age")).values();
        for (int r = 0; r < customers.rowCount(); r++) {
            assertThat(customers.column("segment").text(r)).as("row %d", r).isEqualTo("gold");
            assertThat(age[r]).as("row %d", r).isBetween(30.0, 45.0);
        }
        // unconditioned, most customers are basic (242 of 400 real ones): the condition is what makes them all gold
        assertThat(values(synthetic.table("customers").column("segment"))).contains("basic", "silver");
        for (Relationship r : real.metadata().relationships()) {
            int[] parent = KeyIndex.of(conditioned.table(r.parentTable()), r.parentKey()).resolve(conditioned.table(r.childTable()),
                    r.childKey());
            assertThat(Arrays.stream(parent).filter(p -> p == KeyIndex.DANGLING).count()).as(r.label()).isZero();
        }
        assertThat(conditioned.table("orders").rowCount()).isGreaterThan(100);
        assertThat(conditioned.table("visits").rowCount()).isGreaterThan(100);
        RelationalDataset again = model.sample(1, 5, gold);
        for (String t : real.tables().keySet()) {
            assertThat(csv(again.table(t))).as(t).isEqualTo(csv(conditioned.table(t)));
        }
    }

    @Test
    void aConditionTheRootTableCannotMeetIsAClearError() {
        assertThatThrownBy(() -> model.sample(1, 5, List.of(ConditionSpec.between("age", "200", "300"))))
                .isInstanceOf(ImpossibleConditionException.class).hasMessageContaining("probability 0");
        assertThatThrownBy(() -> model.sample(1, 5, List.of(ConditionSpec.equalTo("country", "Atlantis"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("never has the value 'Atlantis'");
        assertThatThrownBy(() -> model.sample(1, 5, List.of(ConditionSpec.equalTo("channel", "web"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("root table 'customers' does not have");
        assertThatThrownBy(() -> model.sample(1, 5, List.of(ConditionSpec.equalTo("orders.channel", "web"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("apply to the root table 'customers'");
        assertThatThrownBy(() -> model.sample(1, 5, List.of(ConditionSpec.equalTo("customer_id", "C1000"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is generated (key, identifier or PII)");
        assertThatThrownBy(() -> model.sample(1, 5, List.of(ConditionSpec.equalTo("email", "felix.garcia0@example.org"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is generated (key, identifier or PII)");
        assertThatThrownBy(() -> model.sample(1, 5, List.of(new ConditionSpec("age", "30", null, "20", null))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("exactly one of");
    }

    @Test
    void progressComesAfterEachTableAndACancelledRunStopsBetweenTables() {
        List<long[]> seen = new java.util.ArrayList<>();
        io.synthline.generator.engine.generation.Generation.Listener cancelAfterTwo = new io.synthline.generator.engine.generation.Generation.Listener() {
            @Override
            public void progress(long rowsDone, long rowsTotal) {
                seen.add(new long[] {rowsDone, rowsTotal});
            }

            @Override
            public boolean cancelled() {
                return seen.size() == 2;
            }
        };
        assertThatThrownBy(() -> model.sample(1, 5, List.of(), cancelAfterTwo))
                .isInstanceOf(io.synthline.generator.engine.generation.Generation.CancelledException.class);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)[0]).isEqualTo(400); // customers first
        assertThat(seen.get(1)[0]).isGreaterThan(400);
        assertThat(seen.get(1)[1]).isEqualTo(real.tables().values().stream().mapToLong(Table::rowCount).sum());
    }

    private static double share(Column c) {
        return (double) c.nullCount() / c.size();
    }

    private static Set<String> values(Column c) {
        Set<String> out = new HashSet<>();
        for (int r = 0; r < c.size(); r++) {
            if (c.text(r) != null) {
                out.add(c.text(r));
            }
        }
        return out;
    }

    private static String csv(Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter.write(t, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
