package io.synthline.generator.engine.relational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.DeclaredColumn;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.relational.KeyIndex;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.relational.RelationalReader;
import io.synthline.commons.relational.Relationship;
import io.synthline.commons.relational.TableMetadata;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The user-level DP path: a person is a parent row with at most K child rows per child table. */
class PrivateRelationalTest {
    static final RelationalMetadata METADATA = new RelationalMetadata(
            List.of(new TableMetadata("people", List.of(), List.of("id"), null), new TableMetadata("events", List.of(), List.of(), null)),
            List.of(new Relationship("people", "events", List.of("id"), List.of("person"))));
    static final List<DeclaredColumn> DOMAIN = List.of(
            new DeclaredColumn("people.group", ColumnType.CATEGORICAL, null, null, null, List.of("a", "b"), false),
            new DeclaredColumn("events.kind", ColumnType.CATEGORICAL, null, null, null, List.of("x", "y"), true),
            new DeclaredColumn("events.amount", ColumnType.INTEGER, null, 0.0, 100.0, null, true));

    /** 2,000 people in group a or b; group b has many events of kind y, one person has 500 events. */
    static RelationalDataset data() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 2000;
        List<String> ids = new ArrayList<>();
        int[] group = new int[n];
        List<String> person = new ArrayList<>();
        List<Integer> kind = new ArrayList<>();
        List<Double> amount = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("p" + i);
            group[i] = r.nextInt(2);
            int events = i == 0 ? 500 : group[i] == 0 ? r.nextInt(2) : 2 + r.nextInt(3);
            for (int e = 0; e < events; e++) {
                person.add("p" + i);
                kind.add(group[i] == 1 ? 1 : 0);
                amount.add((double) r.nextInt(100));
            }
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("people", new Table(List.of(text("id", ids),
                new CategoricalColumn(ColumnSchema.of("group", ColumnType.CATEGORICAL), group, List.of("a", "b")))));
        tables.put("events", new Table(List.of(text("person", person),
                new CategoricalColumn(ColumnSchema.of("kind", ColumnType.CATEGORICAL), kind.stream().mapToInt(Integer::intValue).toArray(),
                        List.of("x", "y")),
                new NumericColumn(ColumnSchema.of("amount", ColumnType.INTEGER), amount.stream().mapToDouble(Double::doubleValue).toArray()))));
        return new RelationalDataset(METADATA, tables);
    }

    static CategoricalColumn text(String name, List<String> values) {
        List<String> categories = new ArrayList<>(new java.util.LinkedHashSet<>(values));
        Map<String, Integer> index = new LinkedHashMap<>();
        categories.forEach(c -> index.put(c, index.size()));
        return new CategoricalColumn(ColumnSchema.of(name, ColumnType.IDENTIFIER), values.stream().mapToInt(index::get).toArray(), categories);
    }

    @Test
    void childrenAreBoundedPerPersonKeysResolveAndTheGuaranteeIsTheRequestedOne() {
        PrivateRelationalModel model = PrivateRelationalSynthesizer.fit(data(),
                new PrivateRelationalSynthesizer.Settings("mst", null, new PrivacySpec(1.0, 1e-9, null, true, DOMAIN), 4, null), 3);
        assertThat(model.privacy().epsilonSpent()).isLessThanOrEqualTo(1.0 + 1e-9);
        assertThat(model.privacy().privateNoise()).isTrue();
        RelationalDataset syn = model.sample(1, 3);
        assertThat((double) syn.table("people").rowCount()).isBetween(1900.0, 2100.0);
        int[] parentOf = KeyIndex.of(syn.table("people"), List.of("id")).resolve(syn.table("events"), List.of("person"));
        assertThat(Arrays.stream(parentOf).allMatch(p -> p >= 0)).isTrue();
        int[] counts = new int[syn.table("people").rowCount()];
        for (int p : parentOf) {
            counts[p]++;
        }
        assertThat(Arrays.stream(counts).max().orElse(0)).isLessThanOrEqualTo(4);
        // what the DP model learned of the parent-child relation: group b people have more events, of kind y
        Table people = syn.table("people");
        Table events = syn.table("events");
        double[] byGroup = new double[2];
        double[] size = new double[2];
        for (int p = 0; p < people.rowCount(); p++) {
            String g = people.column("group").text(p);
            if (g != null) {
                size[g.equals("b") ? 1 : 0]++;
                byGroup[g.equals("b") ? 1 : 0] += counts[p];
            }
        }
        assertThat(byGroup[1] / size[1]).isGreaterThan(byGroup[0] / size[0] + 1.5);
        long yOfB = 0;
        long ofB = 0;
        for (int e = 0; e < events.rowCount(); e++) {
            if ("b".equals(people.column("group").text(parentOf[e])) && events.column("kind").text(e) != null) {
                ofB++;
                yOfB += events.column("kind").text(e).equals("y") ? 1 : 0;
            }
        }
        assertThat((double) yOfB / ofB).isGreaterThan(0.8);
    }

    @Test
    void onlyAParentWithDirectChildrenIsTaken() {
        RelationalDataset shop = RelationalReader.read(Path.of("../../samples/shop"), null, CsvOptions.defaults()).dataset();
        assertThatThrownBy(() -> PrivateRelationalSynthesizer.fit(shop,
                new PrivateRelationalSynthesizer.Settings("mst", null, PrivacySpec.of(1, 1e-9), 3, null), 1))
                .isInstanceOf(BadInputException.class).hasMessageContaining("a parent with direct children only");
        assertThatThrownBy(() -> new PrivateRelationalSynthesizer.Settings("tree", null, PrivacySpec.of(1, 1e-9), 3, null))
                .hasMessageContaining("not a differentially private model");
        assertThatThrownBy(() -> new PrivateRelationalSynthesizer.Settings("mst", null, PrivacySpec.of(1, 1e-9), 0, null))
                .hasMessageContaining("between 1 and 50");
    }
}
