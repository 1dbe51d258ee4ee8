package io.synthline.commons.relational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelationalReaderTest {
    static final Path SHOP = Path.of("../samples/shop");

    @TempDir
    Path tmp;

    @Test
    void readsTheTablesWithTheDeclaredTypesAndKeysAsText() {
        RelationalReader.Loaded loaded = RelationalReader.read(SHOP, null, CsvOptions.defaults());
        assertThat(loaded.metadataFound()).isTrue();
        RelationalDataset shop = loaded.dataset();
        assertThat(shop.tables().keySet()).containsExactly("customers", "orders", "order_lines", "returns", "visits");
        Table lines = shop.table("order_lines");
        assertThat(lines.rowCount()).isEqualTo(1899);
        assertThat(lines.column("line_no").type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(lines.column("quantity").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(shop.table("customers").column("signup").type()).isEqualTo(ColumnType.DATETIME);
        assertThat(shop.table("customers").column("email").type()).isEqualTo(ColumnType.TEXT);
        assertThat(shop.table("visits").column("customer_id").type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(shop.metadata().topologicalOrder()).containsExactly("customers", "orders", "order_lines", "returns", "visits");
        assertThat(shop.metadata().keyColumns("returns")).containsExactly("return_id", "order_id", "line_no");
    }

    @Test
    void foreignKeysResolveExceptTheMissingOnesOfGuestOrders() {
        RelationalDataset shop = RelationalReader.read(SHOP, null, CsvOptions.defaults()).dataset();
        int[] parent = KeyIndex.of(shop.table("customers"), List.of("customer_id")).resolve(shop.table("orders"), List.of("customer_id"));
        assertThat(Arrays.stream(parent).filter(p -> p == KeyIndex.NO_PARENT).count()).isEqualTo(45);
        assertThat(Arrays.stream(parent).filter(p -> p == KeyIndex.DANGLING).count()).isZero();
        int[] lines = KeyIndex.of(shop.table("order_lines"), List.of("order_id", "line_no"))
                .resolve(shop.table("returns"), List.of("order_id", "line_no"));
        assertThat(Arrays.stream(lines).allMatch(p -> p >= 0)).isTrue();
    }

    @Test
    void aZipReadsLikeTheDirectoryAndCannotWriteOutsideItsFolder() throws IOException {
        Path zip = tmp.resolve("shop.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String f : List.of("customers.csv", "orders.csv", "order_lines.csv", "returns.csv", "visits.csv", "metadata.json")) {
                out.putNextEntry(new ZipEntry((f.equals("returns.csv") ? "../../" : "shop/") + f));
                out.write(Files.readAllBytes(SHOP.resolve(f)));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("__MACOSX/shop/._orders.csv"));
            out.write(new byte[] {0, 1, 2});
            out.closeEntry();
        }
        RelationalDataset fromZip = RelationalReader.read(zip, null, CsvOptions.defaults()).dataset();
        RelationalDataset fromDir = RelationalReader.read(SHOP, null, CsvOptions.defaults()).dataset();
        assertThat(fromZip.metadata()).isEqualTo(fromDir.metadata());
        for (String t : fromDir.tables().keySet()) {
            assertThat(fromZip.table(t).rowCount()).isEqualTo(fromDir.table(t).rowCount());
        }
        assertThat(tmp.getParent().resolve("returns.csv")).doesNotExist();
        Path notZip = Files.writeString(tmp.resolve("x.zip"), "hello");
        assertThatThrownBy(() -> RelationalReader.read(notZip, null, CsvOptions.defaults()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no CSV file");
    }

    @Test
    void withoutMetadataTheTablesComeWithoutKeys() throws IOException {
        Path dir = copyShop("metadata.json");
        RelationalReader.Loaded loaded = RelationalReader.read(dir, null, CsvOptions.defaults());
        assertThat(loaded.metadataFound()).isFalse();
        assertThat(loaded.dataset().metadata().relationships()).isEmpty();
        assertThat(loaded.dataset().tables()).hasSize(5);
    }

    @Test
    void metadataThatDoesNotFitTheFilesIsAClearError() throws IOException {
        Path dir = copyShop("returns.csv");
        assertThatThrownBy(() -> RelationalReader.read(dir, null, CsvOptions.defaults()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("table 'returns' but there is no file returns.csv");
        Path extra = copyShop();
        Files.writeString(extra.resolve("notes.csv"), "a,b\n1,2\n");
        assertThatThrownBy(() -> RelationalReader.read(extra, null, CsvOptions.defaults()))
                .hasMessageContaining("file notes.csv is not a table of the metadata");
        Path dup = copyShop();
        Files.writeString(dup.resolve("metadata.json"), Files.readString(SHOP.resolve("metadata.json"))
                .replace("\"sequence_index\": \"visited_on\"", "\"sequence_index\": \"visited_on\", \"primary_key\": \"device\""));
        assertThatThrownBy(() -> RelationalReader.read(dup, null, CsvOptions.defaults()))
                .hasMessageContaining("primary key [device] of table 'visits' repeats in 2172 rows");
    }

    @Test
    void inconsistentMetadataIsRefused() {
        String tables = "{\"tables\":{\"a\":{\"primary_key\":\"id\"},\"b\":{\"primary_key\":\"id\"}},\"relationships\":[";
        assertThatThrownBy(() -> MetadataJson.parse(tables + rel("a", "b", "id", "a_id") + "," + rel("b", "a", "id", "b_id") + "]}"))
                .hasMessageContaining("form a cycle");
        assertThatThrownBy(() -> MetadataJson.parse(tables + rel("a", "b", "x", "a_id") + "]}"))
                .hasMessageContaining("must point at the primary key of 'a'");
        assertThatThrownBy(() -> MetadataJson.parse(tables + rel("a", "c", "id", "a_id") + "]}"))
                .hasMessageContaining("names table 'c' which is not declared");
        assertThatThrownBy(() -> MetadataJson.parse("{\"tables\": 3}")).hasMessageContaining("'tables' object");
        assertThatThrownBy(() -> MetadataJson.parse("{oops")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> MetadataJson.parse("{\"tables\":{\"s\":{\"sequence_key\":\"e\"}}}"))
                .hasMessageContaining("'sequence_index'");
    }

    @Test
    void metadataWritesBackToTheSameDocument() throws IOException {
        RelationalMetadata m = MetadataJson.parse(Files.readString(SHOP.resolve("metadata.json")));
        assertThat(MetadataJson.parse(MetadataJson.write(m))).isEqualTo(m);
        assertThat(m.table("visits").sequence()).isEqualTo(new SequenceSpec(List.of("customer_id"), "visited_on"));
        assertThat(m.parentsOf("returns").getFirst().childKey()).containsExactly("order_id", "line_no");
    }

    @Test
    void strftimePatternsConvertBothWays() {
        assertThat(Strftime.toJava("%Y-%m-%d")).isEqualTo("uuuu-MM-dd");
        assertThat(Strftime.toJava("%d.%m.%Y %H:%M:%S")).isEqualTo("dd.MM.uuuu HH:mm:ss");
        assertThat(Strftime.toJava("%Y-%m-%dT%H:%M")).isEqualTo("uuuu-MM-dd'T'HH:mm");
        assertThat(Strftime.fromJava("uuuu-MM-dd'T'HH:mm")).isEqualTo("%Y-%m-%dT%H:%M");
        assertThat(Strftime.fromJava(Strftime.toJava("%m/%d/%Y"))).isEqualTo("%m/%d/%Y");
        assertThatThrownBy(() -> Strftime.toJava("%Q")).hasMessageContaining("%Q");
    }

    private static String rel(String parent, String child, String pk, String fk) {
        return "{\"parent_table_name\":\"" + parent + "\",\"child_table_name\":\"" + child + "\",\"parent_primary_key\":\"" + pk
                + "\",\"child_foreign_key\":\"" + fk + "\"}";
    }

    private Path copyShop(String... without) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "shop");
        try (var files = Files.list(SHOP)) {
            for (Path f : files.toList()) {
                if (!List.of(without).contains(f.getFileName().toString())) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
        }
        return dir;
    }
}
