package org.pumpauth.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.policy.PolicyRegistry;

/**
 * The named example cases under {@code src/test/resources/cases/<policy>/<version>/}: each file is a
 * base request and a merge patch, and what the determination must say (see the README in that
 * folder). One test per case, named by its file and description; read and checked by the same
 * {@link CaseReader} and {@link CaseRunner} as {@code pumpauth policy test}.
 */
class PolicyCasesTest {
    static final Path CASES = Path.of("src/test/resources/cases");
    static final LocalDate TODAY = CaseRunner.AS_OF;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CaseRunner RUNNER = CaseRunner.byCase(PolicyRegistry.builtIn());

    @TestFactory
    Stream<DynamicTest> every_case_gets_the_determination_it_states() {
        List<PolicyCase> cases = cases();
        assertThat(cases).as("cases under " + CASES).hasSizeGreaterThan(600);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name() + ": " + c.description(),
                CASES.resolve(c.name() + ".json").toUri(), () -> check(c)));
    }

    private static void check(PolicyCase policyCase) throws IOException {
        assertThat(policyCase.description()).as("description").isNotBlank();
        CaseResult result = RUNNER.run(policyCase);
        String shown = result.determination().isEmpty() ? ""
                : "\n" + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                        JSON.readTree(DeterminationJson.toJson(result.determination().get())));
        assertThat(result.differences()).as("what " + CASES.resolve(policyCase.name() + ".json")
                + " (base " + policyCase.base() + ") expects and its determination says" + shown).isEmpty();
    }

    /** Every case under {@link #CASES}, read as {@code pumpauth policy test} reads them. */
    static List<PolicyCase> cases() {
        return new CaseReader().read(files(CASES));
    }

    /** Every file under {@code dir}, by its path relative to it. */
    static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
