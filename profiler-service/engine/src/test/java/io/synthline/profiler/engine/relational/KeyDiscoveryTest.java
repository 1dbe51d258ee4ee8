package io.synthline.profiler.engine.relational;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.relational.KeyProposal;
import io.synthline.commons.relational.MetadataJson;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.relational.RelationalReader;
import io.synthline.commons.relational.Relationship;
import io.synthline.fixtures.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys proposed for the shop sample read without its metadata, against the metadata written by hand. */
class KeyDiscoveryTest {
    static final Path SHOP = Path.of("../../samples/shop");

    @TempDir
    Path tmp;

    private RelationalDataset withoutMetadata() throws IOException {
        try (var files = Files.list(SHOP)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Files.copy(f, tmp.resolve(f.getFileName()));
            }
        }
        return RelationalReader.read(tmp, null, CsvOptions.defaults()).dataset();
    }

    @Test
    void proposesTheDeclaredPrimaryAndForeignKeysIncludingCompositeAndOptionalOnes() throws IOException {
        KeyProposal proposal = KeyDiscovery.propose(withoutMetadata());
        RelationalMetadata declared = MetadataJson.parse(Files.readString(SHOP.resolve("metadata.json")));
        RelationalMetadata proposed = proposal.metadata();
        for (String table : List.of("customers", "orders", "order_lines", "returns")) {
            assertThat(proposed.table(table).primaryKey()).as(table).isEqualTo(declared.table(table).primaryKey());
        }
        assertThat(proposed.table("visits").primaryKey()).isEmpty();
        assertThat(Set.copyOf(proposed.relationships())).isEqualTo(Set.copyOf(declared.relationships()));
        KeyProposal.ForeignKeyCandidate guests = proposal.foreignKeys().stream()
                .filter(f -> f.childTable().equals("orders") && f.parentTable().equals("customers")).findFirst().orElseThrow();
        assertThat(guests.coverage()).isEqualTo(1.0);
        assertThat(guests.missingShare()).isEqualTo(45.0 / 1071);
        assertThat(guests.evidence()).anyMatch(e -> e.contains("optional"));
        assertThat(proposal.sequences()).singleElement().satisfies(s -> {
            assertThat(s.table()).isEqualTo("visits");
            assertThat(s.entityKey()).containsExactly("customer_id");
            assertThat(s.orderColumn()).isEqualTo("visited_on");
        });
        // the proposal is a valid metadata document the reader takes back
        Files.writeString(tmp.resolve("metadata.json"), MetadataJson.write(proposed));
        RelationalDataset reread = RelationalReader.read(tmp, null, CsvOptions.defaults()).dataset();
        assertThat(reread.metadata().relationships().stream().map(Relationship::label).collect(Collectors.toSet()))
                .contains("returns.order_id+line_no -> order_lines.order_id+line_no");
    }

    @Test
    void numbersThatHappenToBeKeysAreNotProposed() throws IOException {
        Files.writeString(tmp.resolve("items.csv"), "id,name\n" + java.util.stream.IntStream.rangeClosed(1, 50)
                .mapToObj(i -> i + ",item " + i).collect(Collectors.joining("\n")) + "\n");
        Files.writeString(tmp.resolve("sales.csv"), "sale_id,quantity,item_id\n" + java.util.stream.IntStream.rangeClosed(1, 200)
                .mapToObj(i -> "S" + i + "," + (1 + i % 5) + "," + (1 + i % 50)).collect(Collectors.joining("\n")) + "\n");
        KeyProposal proposal = KeyDiscovery.propose(RelationalReader.read(tmp, null, CsvOptions.defaults()).dataset());
        assertThat(proposal.metadata().relationships()).containsExactly(new Relationship("items", "sales", List.of("id"), List.of("item_id")));
        assertThat(proposal.foreignKeys()).filteredOn(f -> f.childColumns().equals(List.of("quantity")))
                .allSatisfy(f -> assertThat(f.confidence()).isLessThan(KeyProposal.ACCEPT));
    }

    @Test
    void proposesTheLahmanKeysAndSalariesAsSequencesPerPlayer() throws IOException {
        Path lahman = Datasets.sharedOrSkip("relational");
        for (String t : List.of("players.csv", "salaries.csv", "allstar.csv")) {
            Files.copy(lahman.resolve(t), tmp.resolve(t));
        }
        KeyProposal proposal = KeyDiscovery.propose(RelationalReader.read(tmp, null, CsvOptions.defaults()).dataset());
        RelationalMetadata declared = MetadataJson.parse(Files.readString(lahman.resolve("metadata.json")));
        assertThat(proposal.metadata().table("players").primaryKey()).containsExactly("player_id");
        assertThat(Set.copyOf(proposal.metadata().relationships())).isEqualTo(Set.copyOf(declared.relationships()));
        assertThat(proposal.sequences()).anySatisfy(s -> {
            assertThat(s.table()).isEqualTo("salaries");
            assertThat(s.orderColumn()).isEqualTo("year");
        });
        // (player_id, year) is unique in allstar, but a year is not a key part to number 1, 2, ... per player
        assertThat(proposal.metadata().table("allstar").primaryKey()).as("declared: none").isEqualTo(declared.table("allstar").primaryKey())
                .isEmpty();
        assertThat(proposal.primaryKeys()).filteredOn(p -> p.table().equals("allstar") && p.columns().equals(List.of("player_id", "year")))
                .singleElement().satisfies(p -> {
                    assertThat(p.confidence()).isLessThan(KeyProposal.ACCEPT);
                    assertThat(p.evidence()).anyMatch(e -> e.contains("'year' is a number that orders events"));
                });
        assertThat(proposal.sequences()).anySatisfy(s -> {
            assertThat(s.table()).isEqualTo("allstar");
            assertThat(s.orderColumn()).isEqualTo("year");
        });
    }
}
