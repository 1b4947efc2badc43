package org.pumpauth.policy.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pumpauth.determination.Outcome;
import org.pumpauth.policy.Operator;
import org.pumpauth.request.RequestContract;
import org.pumpauth.schema.Schemas;
import org.pumpauth.terminology.Terminology;

/**
 * {@code schema/policy.schema.json}, the JSON Schema an editor uses to complete and check policy
 * files: every shipped policy is valid under it, and its keys and values are the ones the compiler
 * accepts, so neither can drift from the other.
 */
class PolicySchemaTest {
    private static final Path SCHEMA = Schemas.DIR.resolve("policy.schema.json");
    private static final Path POLICIES = Path.of("../policies");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNode TREE = Schemas.tree(SCHEMA);

    static Stream<Path> shippedPolicies() throws IOException {
        try (Stream<Path> walk = Files.walk(POLICIES)) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedPolicies")
    void every_shipped_policy_is_valid_under_the_schema(Path file) throws IOException {
        JsonSchema schema = Schemas.load(SCHEMA);
        assertThat(Schemas.violations(schema, YAML.readTree(file.toFile()))).as(file.toString()).isEmpty();
    }

    @Test
    void the_schema_rejects_a_misspelt_key_and_a_value_the_language_does_not_have() throws IOException {
        JsonSchema schema = Schemas.load(SCHEMA);
        String policy = Files.readString(POLICIES.resolve("nia-cg-310/2024-01-01.yaml"));
        assertThat(Schemas.violations(schema, YAML.readTree(policy.replace("payer:", "paer:")))).isNotEmpty();
        assertThat(Schemas.violations(schema, YAML.readTree(policy.replaceFirst("ifNotMet: NOT_ADDRESSED", "ifNotMet: MEETS_CRITERIA"))))
                .isNotEmpty();
        assertThat(Schemas.violations(schema, YAML.readTree(policy.replaceFirst("kind: \\[trial]", "kind: [trail]"))))
                .isNotEmpty();
    }

    @Test
    void the_schema_has_the_keys_the_compiler_accepts_in_each_part_of_a_file() {
        assertThat(keys(TREE)).isEqualTo(new TreeSet<>(Keys.TOP));
        assertThat(keys(TREE.at("/$defs/pathway"))).isEqualTo(new TreeSet<>(Keys.PATHWAY));
        assertThat(keys(TREE.at("/properties/tables"))).isEqualTo(new TreeSet<>(Terminology.KINDS));
        assertThat(keys(TREE.at("/$defs/when"))).isEqualTo(new TreeSet<>(Keys.WHEN));
        assertThat(keys(TREE.at("/$defs/documentationEntry/oneOf/1"))).isEqualTo(new TreeSet<>(Keys.DOCUMENTATION_ENTRY));

        Set<String> criterion = new TreeSet<>(Keys.META);
        criterion.addAll(Keys.BODY);
        criterion.addAll(Operator.words());
        criterion.addAll(List.of("silence", "where", "then", "of", "if"));
        assertThat(keys(TREE.at("/$defs/criterion"))).isEqualTo(criterion);
        List<String> bodies = new ArrayList<>();
        TREE.at("/$defs/criterion/oneOf").forEach(one -> bodies.add(one.at("/required/0").asText()));
        assertThat(bodies).containsExactlyElementsOf(Keys.BODY);
    }

    @Test
    void the_schema_has_the_values_the_compiler_accepts() {
        assertThat(strings(TREE.at("/$defs/pathway/properties/outcome/enum")))
                .containsExactlyElementsOf(Stream.of(Outcome.values()).map(Outcome::name).toList());
        assertThat(strings(TREE.at("/$defs/criterion/properties/ifNotMet/oneOf/0/enum")))
                .containsExactlyElementsOf(MetaParser.FAILURE_OUTCOMES.stream().map(Outcome::name).toList());
        assertThat(strings(TREE.at("/$defs/when/properties/kind/anyOf/0/enum"))).isEqualTo(RequestContract.SERVICE_KINDS);
        assertThat(strings(TREE.at("/$defs/when/properties/indication/anyOf/0/enum")))
                .isEqualTo(RequestContract.INDICATION_CATEGORIES);
        assertThat(strings(TREE.at("/$defs/criterion/properties/silence/enum"))).containsExactly("ask", "met", "not-met", "empty");
        assertThat(strings(TREE.at("/$defs/criterion/properties/exists/enum")))
                .isEqualTo(FactResolver.objectLists().stream().map(f -> f.path()).toList());
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.get("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
