package io.synthline.commons.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.json.Json;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.TableSchema;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The Java records and the JSON Schema file describe the same document, and real documents validate. */
class DatasetProfileSchemaTest {
    /** Nested records whose $defs name is not their simple name. */
    private static final Map<Class<?>, String> DEF_NAMES = Map.of(
            Quantiles.Point.class, "QuantilePoint",
            FrequentItems.Item.class, "FrequentItem");

    static JsonNode schemaJson() throws IOException {
        try (InputStream in = DatasetProfile.class.getResourceAsStream(DatasetProfile.JSON_SCHEMA_RESOURCE)) {
            assertThat(in).as("schema resource").isNotNull();
            return Json.mapper().readTree(in);
        }
    }

    static JsonSchema validator() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson());
    }

    @Test
    void everyRecordComponentIsInTheSchemaAndViceVersa() throws IOException {
        JsonNode schema = schemaJson();
        List<String> problems = new ArrayList<>();
        compare(DatasetProfile.class, schema, schema, problems, new HashSet<>());
        assertThat(problems).isEmpty();
    }

    private void compare(Class<?> type, JsonNode node, JsonNode root, List<String> problems, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        Set<String> javaNames = new TreeSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            javaNames.add(c.getName());
        }
        Set<String> schemaNames = new TreeSet<>();
        node.get("properties").fieldNames().forEachRemaining(schemaNames::add);
        if (!javaNames.equals(schemaNames)) {
            problems.add(type.getSimpleName() + ": record has " + javaNames + ", schema has " + schemaNames);
        }
        for (Iterator<String> it = node.path("required").elements().hasNext()
                ? toNames(node.get("required")) : List.<String>of().iterator(); it.hasNext(); ) {
            String required = it.next();
            if (!javaNames.contains(required)) {
                problems.add(type.getSimpleName() + ": schema requires unknown " + required);
            }
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> target = elementType(c);
            if (target.isRecord() && target.getPackageName().startsWith("io.synthline")) {
                String def = DEF_NAMES.getOrDefault(target, target.getSimpleName());
                JsonNode defNode = root.get("$defs").get(def);
                if (defNode == null) {
                    problems.add("no $defs entry " + def + " for " + type.getSimpleName() + "." + c.getName());
                } else {
                    compare(target, defNode, root, problems, seen);
                }
            } else if (target.isEnum()) {
                JsonNode prop = resolve(node.get("properties").get(c.getName()), root);
                JsonNode enumNode = prop.has("items") ? resolve(prop.get("items"), root).get("enum") : prop.get("enum");
                if (enumNode == null) {
                    problems.add(type.getSimpleName() + "." + c.getName() + " has no enum in the schema");
                    continue;
                }
                Set<String> schemaValues = new TreeSet<>();
                enumNode.forEach(v -> schemaValues.add(v.asText()));
                Set<String> javaValues = new TreeSet<>();
                Arrays.stream(target.getEnumConstants()).forEach(e -> javaValues.add(((Enum<?>) e).name()));
                if (!schemaValues.equals(javaValues)) {
                    problems.add(type.getSimpleName() + "." + c.getName() + ": enum " + javaValues + " vs schema " + schemaValues);
                }
            }
        }
    }

    private static Iterator<String> toNames(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names.iterator();
    }

    private static JsonNode resolve(JsonNode node, JsonNode root) {
        if (node != null && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            return root.at(ref.substring(1));
        }
        return node;
    }

    private static Class<?> elementType(RecordComponent c) {
        Type generic = c.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return c.getType();
    }

    @Test
    void aCompleteDocumentValidatesAndABrokenOneDoesNot() throws IOException {
        JsonNode doc = Json.mapper().readTree(Json.write(ProfileFixtures.complete()));
        Set<ValidationMessage> errors = validator().validate(doc);
        assertThat(errors).isEmpty();

        ObjectNode broken = doc.deepCopy();
        broken.remove("rowCount");
        ((ObjectNode) broken.get("pii").get(0)).put("confidence", 1.5);
        assertThat(validator().validate(broken)).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("rowCount"))
                .anySatisfy(m -> assertThat(m).contains("confidence"));
    }

    @Test
    void roundTripsThroughJson() {
        DatasetProfile p = ProfileFixtures.complete();
        DatasetProfile back = Json.read(Json.write(p), DatasetProfile.class);
        assertThat(back).isEqualTo(p);
        assertThat(back.columnsWithRole(AttributeRole.PROTECTED)).containsExactly("sex");
        assertThat(back.piiOf("email")).singleElement().extracting(PiiFinding::kind).isEqualTo(PiiKind.EMAIL);
    }

    @Test
    void theEventCarriesFindingsAndStaysReadableInItsVersionOneShape() {
        DatasetProfile p = ProfileFixtures.complete();
        Payloads.DatasetProfiled full = new Payloads.DatasetProfiled("d1", "t/datasets/d1/data.csv", p.rowCount(),
                p.columnCount(), p.schema(), List.of(), p.profileVersion(), "t/datasets/d1/profile.json", "ab", p.pii(),
                p.attributes());
        Payloads.DatasetProfiled back = Json.read(Json.write(full), Payloads.DatasetProfiled.class);
        assertThat(back).isEqualTo(full);

        Payloads.DatasetProfiled v1 = Json.read("{\"datasetId\":\"d1\",\"rowCount\":3,\"columnCount\":1,\"profileVersion\":\"1\"}",
                Payloads.DatasetProfiled.class);
        assertThat(v1.pii()).isEmpty();
        assertThat(v1.attributes()).isEmpty();
    }

    /** Shared with other tests that need a document with every part present. */
    static final class ProfileFixtures {
        static DatasetProfile complete() {
            TableSchema schema = new TableSchema(List.of(ColumnSchema.of("age", ColumnType.INTEGER),
                    ColumnSchema.of("sex", ColumnType.CATEGORICAL), ColumnSchema.of("email", ColumnType.IDENTIFIER),
                    new ColumnSchema("dob", ColumnType.DATETIME, "uuuu-MM-dd")));
            Quantiles q = new Quantiles(List.of(new Quantiles.Point(0, 17), new Quantiles.Point(0.5, 37),
                    new Quantiles.Point(1, 90)), 0.0133, false);
            Histogram h = new Histogram(List.of(17.0, 53.5, 90.0), List.of(20_000L, 12_561L), true);
            ColumnProfile age = new ColumnProfile("age", 0, ColumnType.INTEGER, null, ColumnType.INTEGER, null, false,
                    32_561, 0, 0, new DistinctCount(73, 73, 73, true), 0, null,
                    new ColumnProfile.TypeCounts(32_561, 0, 0, 0, 0),
                    new NumericSummary(17, 90, 38.58, 1_256_257, 13.64, 186.06, 0.5587, -0.166, 0, 0, 0, q, h),
                    null, null, new FrequentItems(List.of(new FrequentItems.Item("36", 898, 898, 898, 0.0276)), 31_663, true),
                    List.of("39", "50"), false, 0);
            ColumnProfile sex = new ColumnProfile("sex", 1, ColumnType.CATEGORICAL, null, ColumnType.CATEGORICAL, null,
                    false, 32_561, 0, 0, DistinctCount.exact(2), 0, null, new ColumnProfile.TypeCounts(0, 0, 0, 0, 32_561),
                    null, null, new TextSummary(4, 6, 4.66, 0),
                    new FrequentItems(List.of(new FrequentItems.Item("Male", 21_790, 21_790, 21_790, 0.669)), 10_771, true),
                    List.of("Male", "Female"), false, 0);
            ColumnProfile email = new ColumnProfile("email", 2, ColumnType.IDENTIFIER, null, ColumnType.TEXT, null, true,
                    32_000, 561, 0.0172, new DistinctCount(31_990, 31_500, 32_400, false), 0, null,
                    new ColumnProfile.TypeCounts(0, 0, 0, 0, 32_000), null, null, new TextSummary(9, 40, 21.5, 0), null,
                    List.of(), true, 2);
            ColumnProfile dob = new ColumnProfile("dob", 3, ColumnType.DATETIME, "uuuu-MM-dd", ColumnType.DATETIME,
                    "uuuu-MM-dd", false, 32_561, 0, 0, new DistinctCount(9_000, 8_800, 9_200, false), 0, null,
                    new ColumnProfile.TypeCounts(0, 0, 0, 32_561, 0), null,
                    new DatetimeSummary("1930-01-01", "2005-12-31", -1_262_304_000_000L, 1_136_000_000_000L, 27_758.0, q, h),
                    null, null, List.of(), true, 0);
            return new DatasetProfile(DatasetProfile.VERSION, "d1",
                    new SourceInfo("adult.csv", "csv", 3_518_606L, "f2c62076f19504d99a38b22badf445a7f42530ade6b827acf78dd143fbce38bb",
                            new SourceInfo.CsvDialect(",", "\"", "UTF-8", false, true, List.of("", "NA"))),
                    Instant.parse("2025-01-01T00:00:00Z"), 32_561, 4, schema, List.of(age, sex, email, dob),
                    new TableSummary(561, 0.0043, new TableSummary.DuplicateRows(24, 0.00074, true, 1.0)),
                    new Correlations(false, 32_561, 42, List.of("age", "sex"),
                            List.of(new Correlations.SkippedColumn("email", "identifier")),
                            List.of(new Correlations.PairCorrelation("sex", "age", CorrelationMeasure.CORRELATION_RATIO, 0.09, 32_561))),
                    List.of(new PiiFinding("email", PiiKind.EMAIL, 0.99, null, null, 0.998, 1000,
                            List.of("column name matches 'email'", "99.8% of 1,000 sampled values are email addresses"), List.of()),
                            new PiiFinding("dob", PiiKind.DATE_OF_BIRTH, 0.9, null, "uuuu-MM-dd", 1.0, 1000,
                                    List.of("column name matches 'dob'"), List.of())),
                    List.of(new AttributeTag("sex", AttributeCategory.SEX_GENDER, AttributeCategory.SEX_GENDER.defaultRoles(),
                            0.95, List.of("column name 'sex'"))),
                    List.of(new Alert(AlertKind.DUPLICATE_ROWS, Alert.Severity.INFO, List.of(), "24 duplicate rows", 24.0, 0.0)),
                    new ProfileSettings(2, 42, 100_000, 12, 200, 1024, 1000, 0.5));
        }
    }
}
