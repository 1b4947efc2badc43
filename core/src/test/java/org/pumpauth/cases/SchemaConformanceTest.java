package org.pumpauth.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pumpauth.determination.Action;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.Result;
import org.pumpauth.engine.Engine;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;
import org.pumpauth.schema.Schemas;

/**
 * Every request in {@code examples/} and of the policy cases (a base with its patch) validates against
 * {@code schema/request.schema.json}, and every determination the engine gives for it (under the
 * case's policy, the request's own, and every policy in force on its date) validates against
 * {@code schema/determination.schema.json}, with no member the schema does not describe. The
 * files are found when the tests run, so new examples, cases and policies are checked too.
 */
class SchemaConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = PolicyCasesTest.TODAY;
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();
    private static final JsonSchema REQUEST = Schemas.load(Schemas.REQUEST);
    private static final JsonSchema DETERMINATION = Schemas.strict(Schemas.DETERMINATION);

    /** A request found on disk, and the policy its case names (examples name none here). */
    record Found(Path file, JsonNode request, String policy) {}

    @TestFactory
    Stream<DynamicTest> every_request_and_its_determinations_follow_the_schemas() throws IOException {
        List<Found> found = new ArrayList<>();
        for (Path file : jsonFiles(ExamplesTest.EXAMPLES)) {
            found.add(new Found(file, JSON.readTree(file.toFile()), null));
        }
        for (PolicyCase c : PolicyCasesTest.cases()) {
            found.add(new Found(PolicyCasesTest.CASES.resolve(c.name() + ".json"), JSON.readTree(c.request()),
                    c.policy().orElse(null)));
        }
        assertThat(found).as("requests in " + ExamplesTest.EXAMPLES + " and " + PolicyCasesTest.CASES).isNotEmpty();
        return found.stream().map(f -> DynamicTest.dynamicTest(f.file().toString(), f.file().toUri(), () -> check(f)));
    }

    private static void check(Found found) throws IOException {
        assertThat(Schemas.violations(REQUEST, found.request()))
                .as("request of " + found.file() + " against " + Schemas.REQUEST).isEmpty();

        ReviewRequest request = new RequestReader().read(JSON.writeValueAsBytes(found.request()));
        List<Determination> determinations = new ArrayList<>();
        if (found.policy() != null) {
            determinations.add(new Engine().evaluate(request, POLICIES.select(found.policy()), TODAY));
        }
        Review review = new Review(POLICIES);
        determinations.addAll(review.review(request, List.of(), TODAY));
        determinations.addAll(review.compare(request, TODAY));
        assertThat(determinations).as("determinations for " + found.file()).isNotEmpty();
        for (Determination d : determinations) {
            String json = DeterminationJson.toJson(d);
            assertThat(Schemas.violations(DETERMINATION, JSON.readTree(json)))
                    .as("determination of " + found.file() + " under " + d.policy() + " against " + Schemas.DETERMINATION
                            + "\n" + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json)))
                    .isEmpty();
        }
    }

    @Test
    void the_determination_schema_lists_the_outcomes_actions_and_results_the_engine_writes() {
        JsonNode schema = Schemas.tree(Schemas.DETERMINATION);

        assertThat(strings(schema.at("/$defs/outcome/enum")))
                .containsExactlyInAnyOrderElementsOf(names(Outcome.values()));
        assertThat(strings(schema.at("/properties/action/enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Action.values()).map(Action::code).collect(Collectors.toList()));
        assertThat(strings(schema.at("/$defs/criterion/properties/result/enum")))
                .containsExactlyInAnyOrderElementsOf(names(Result.values()));
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(v -> list.add(v.asText()));
        return list;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toList());
    }
}
