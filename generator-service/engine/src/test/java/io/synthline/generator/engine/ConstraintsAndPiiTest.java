package io.synthline.generator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.api.ConstraintSpec;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every constraint kind and PII replacement, on a customer table with keys, names, places, dates and amounts. */
class ConstraintsAndPiiTest {
    private static final Table CUSTOMERS = Fixtures.customers();

    private static final List<ConstraintSpec> ALL = List.of(
            new ConstraintSpec.FixedCombinations(List.of("city", "state", "country")),
            new ConstraintSpec.Inequality("opened", "closed", false),
            new ConstraintSpec.Inequality("balance", "limit", true),
            new ConstraintSpec.Range("balance", "100", "4000"),
            new ConstraintSpec.Format("account", "AC-[0-9]{5}"),
            new ConstraintSpec.Unique(List.of("account")),
            new ConstraintSpec.Unique(List.of("id")));

    private static final Map<String, String> PII = Map.of("name", "full_name", "email", "email", "phone", "phone");

    static SynthesisModel fit(String model) {
        return SynthesisModel.fit(CUSTOMERS, new ModelSpec(model, null, ALL, PII, "en-US"), 3, 2, null);
    }

    static Table sample(SynthesisModel model, int rows) {
        return Fixtures.read(Fixtures.csv(model, GenerationSettings.of(rows, 17)), CUSTOMERS.schema());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tree", "copula", "independent"})
    void everyRowSatisfiesEveryConstraint(String name) {
        Table syn = sample(fit(name), 6_000);
        assertThat(syn.rowCount()).isEqualTo(6_000);
        Set<String> realPlaces = new HashSet<>();
        for (int r = 0; r < CUSTOMERS.rowCount(); r++) {
            realPlaces.add(place(CUSTOMERS, r));
        }
        Set<String> accounts = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Pattern format = Pattern.compile("AC-[0-9]{5}");
        NumericColumn opened = (NumericColumn) syn.column("opened");
        NumericColumn closed = (NumericColumn) syn.column("closed");
        NumericColumn balance = (NumericColumn) syn.column("balance");
        NumericColumn limit = (NumericColumn) syn.column("limit");
        for (int r = 0; r < syn.rowCount(); r++) {
            assertThat(realPlaces.contains(place(syn, r))).as("a real combination").isTrue();
            assertThat(opened.value(r)).isLessThanOrEqualTo(closed.value(r));
            assertThat(balance.value(r)).isLessThan(limit.value(r));
            assertThat(balance.value(r)).isBetween(100.0, 4000.0);
            assertThat(syn.column("account").text(r)).matches(format);
            assertThat(accounts.add(syn.column("account").text(r))).as("unique account").isTrue();
            assertThat(ids.add(syn.column("id").text(r))).as("unique id").isTrue();
        }
    }

    private static String place(Table t, int r) {
        return t.column("city").text(r) + "/" + t.column("state").text(r) + "/" + t.column("country").text(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tree", "copula"})
    void piiColumnsNeverContainSourceValuesAreConsistentAndKeysStayUnique(String name) {
        Table syn = sample(fit(name), 5_000);
        Set<String> realValues = new HashSet<>();
        for (String c : List.of("name", "email", "phone")) {
            Column col = CUSTOMERS.column(c);
            for (int r = 0; r < col.size(); r++) {
                realValues.add(col.text(r).toLowerCase());
            }
        }
        Set<String> emails = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int r = 0; r < syn.rowCount(); r++) {
            String person = syn.column("name").text(r);
            String email = syn.column("email").text(r);
            String phone = syn.column("phone").text(r);
            assertThat(realValues.contains(person.toLowerCase()) || realValues.contains(email.toLowerCase())
                    || realValues.contains(phone.toLowerCase())).as("a real PII value").isFalse();
            // the e-mail is made from the same person's name
            String first = person.split(" ")[0].toLowerCase().replaceAll("[^a-z]", "");
            assertThat(email).startsWith(first);
            assertThat(email).contains("@");
            // phones keep the real values' format
            assertThat(phone).matches("\\(\\d{3}\\) \\d{3}-\\d{4}");
            // e-mails were unique in the source, so they are here; names are no keys: they stay names, without digits
            assertThat(emails.add(email)).isTrue();
            assertThat(person).matches("[\\p{L}'. -]+ [\\p{L}'. -]+");
            names.add(person);
        }
        assertThat(names.size()).as("distinct names").isGreaterThan(syn.rowCount() / 2);
    }

    @Test
    void piiIsNeverLearnedFrom() {
        SynthesisModel model = fit("tree");
        assertThat(model.base().domain().names()).doesNotContain("name", "email", "phone", "account", "id");
    }

    /** Generated columns are not learned, so the stored model holds none of their real values (it did: the output domain kept them). */
    @ParameterizedTest
    @ValueSource(strings = {"tree", "copula", "independent"})
    void theStoredModelHoldsNoRealValueOfAGeneratedColumn(String name) throws Exception {
        java.io.ByteArrayOutputStream artifact = new java.io.ByteArrayOutputStream();
        fit(name).write(artifact);
        String bytes = artifact.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String column : List.of("name", "email", "phone", "account")) {
            for (int r = 0; r < CUSTOMERS.rowCount(); r++) {
                String value = CUSTOMERS.column(column).text(r);
                assertThat(value == null || !bytes.contains(value)).as("%s value of row %d in the %s artifact", column, r, name).isTrue();
            }
        }
        // a learned column's values are in it, as they must be: the check above can find values
        assertThat(bytes).contains("gold");
    }

    @Test
    void conditionsOnCombinedColumnsAreExact() {
        SynthesisModel model = fit("tree");
        Table syn = Fixtures.read(Fixtures.csv(model, GenerationSettings.of(2_000, 2)
                .withConditions(List.of(ConditionSpec.equalTo("country", "FR")))), CUSTOMERS.schema());
        for (int r = 0; r < syn.rowCount(); r++) {
            assertThat(syn.column("country").text(r)).isEqualTo("FR");
            assertThat(syn.column("city").text(r)).isIn("Lyon", "Paris", "Nice");
        }
    }

    @Test
    void badConfigurationsAreClearErrors() {
        assertThatThrownBy(() -> spec(List.of(new ConstraintSpec.Inequality("opened", "nope", false)), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("column 'nope'");
        assertThatThrownBy(() -> spec(List.of(new ConstraintSpec.Range("balance", "10", "5")), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("above max");
        assertThatThrownBy(() -> spec(List.of(new ConstraintSpec.Inequality("balance", "limit", false),
                new ConstraintSpec.Inequality("limit", "balance", false)), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> spec(List.of(new ConstraintSpec.Format("email", "[a-z]+")), Map.of("email", "email")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("cannot be both");
        assertThatThrownBy(() -> spec(List.of(new ConstraintSpec.FixedCombinations(List.of("city", "state")),
                new ConstraintSpec.Inequality("opened", "city", false)), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("numeric or datetime");
        assertThatThrownBy(() -> spec(List.of(new ConstraintSpec.Range("balance", "5000", "6000"),
                new ConstraintSpec.Range("balance", "0", "10")), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> spec(List.of(new ConstraintSpec.Format("account", "AC-[0-9")), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("missing ']'");
        assertThatThrownBy(() -> spec(List.of(), Map.of("name", "spaceship")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown PII kind");
        SynthesisModel small = SynthesisModel.fit(CUSTOMERS, new ModelSpec("tree", null,
                List.of(new ConstraintSpec.Format("account", "[AB][0-9]"), new ConstraintSpec.Unique(List.of("account"))), null, null), 1, 1, null);
        assertThatThrownBy(() -> Generation.prepare(small, GenerationSettings.of(100, 1)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("allows only 20 values");
        assertThatThrownBy(() -> Generation.prepare(fit("tree"), GenerationSettings.of(10, 1)
                .withConditions(List.of(ConditionSpec.equalTo("email", "a@b.c")))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("generated");
    }

    private static void spec(List<ConstraintSpec> constraints, Map<String, String> pii) {
        SynthesisModel.fit(CUSTOMERS, new ModelSpec("independent", null, constraints, pii, null), 1, 1, null);
    }
}
