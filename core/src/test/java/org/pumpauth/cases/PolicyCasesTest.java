package org.pumpauth.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.engine.Engine;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * The named example cases under {@code src/test/resources/cases/<policy>/}: each file is a request,
 * the policy version it is read under, and what the determination must say (see the README in
 * that folder). One test per file, named by its description.
 */
class PolicyCasesTest {
    static final Path CASES = Path.of("src/test/resources/cases");
    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();

    @TestFactory
    Stream<DynamicTest> every_case_gets_the_determination_it_states() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CASES)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        assertThat(files).as("case files under " + CASES).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(
                CASES.relativize(file) + ": " + description(file), file.toUri(), () -> check(file)));
    }

    private static String description(Path file) {
        try {
            return JSON.readTree(file.toFile()).path("description").asText("(no description)");
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    private static void check(Path file) throws IOException {
        JsonNode fixture = JSON.readTree(file.toFile());
        assertThat(fixture.path("description").asText()).as("description").isNotBlank();
        assertThat(fixture.path("exercises").isArray()).as("exercises: the criteria or rulings it exercises").isTrue();
        ReviewRequest request = new RequestReader().read(JSON.writeValueAsBytes(fixture.get("request")));
        Determination d = new Engine().evaluate(request, POLICIES.select(fixture.get("policy").asText()), TODAY);
        String shown = "\n" + JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(JSON.readTree(DeterminationJson.toJson(d))) + "\n";

        JsonNode expect = fixture.get("expect");
        assertThat(d.outcome().name()).as("outcome of " + file + shown).isEqualTo(expect.get("outcome").asText());
        if (expect.has("version")) {
            assertThat(d.policy().version().map(LocalDate::toString).orElse(null)).as("version applied in " + file + shown)
                    .isEqualTo(expect.get("version").isNull() ? null : expect.get("version").asText());
        }
        if (expect.has("pathway")) {
            assertThat(d.pathway().orElse(null)).as("pathway of " + file + shown)
                    .isEqualTo(expect.get("pathway").isNull() ? null : expect.get("pathway").asText());
        }
        if (expect.has("missing")) {
            List<String> expected = new ArrayList<>();
            expect.get("missing").forEach(f -> expected.add(f.asText()));
            assertThat(d.missingInformation()).extracting(MissingInformation::field)
                    .as("missingInformation fields of " + file + shown)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        if (expect.has("criteria")) {
            CriterionResult root = d.criteria().orElseThrow();
            for (Iterator<Map.Entry<String, JsonNode>> it = expect.get("criteria").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                assertThat(root.find(entry.getKey()))
                        .as("criterion " + entry.getKey() + " in " + file + shown)
                        .hasValueSatisfying(c -> assertThat(c.result().name()).isEqualTo(entry.getValue().asText()));
            }
        }
        if (expect.has("warnings")) {
            List<String> expected = new ArrayList<>();
            expect.get("warnings").forEach(f -> expected.add(f.asText()));
            for (String fragment : expected) {
                assertThat(d.warnings()).as("warnings of " + file + shown).anySatisfy(w -> assertThat(w).contains(fragment));
            }
        }
    }
}
