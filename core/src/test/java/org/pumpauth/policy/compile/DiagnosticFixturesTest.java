package org.pumpauth.policy.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiler's messages, exactly: each fixture in {@code src/test/resources/diagnostics/} is a
 * policy file followed by its expected problems, one {@code # expect: file:line:column: message}
 * comment a line (a comment at the end does not move the lines above it). Every {@link Diagnostic}
 * has a fixture named after it.
 */
class DiagnosticFixturesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/diagnostics");
    private static final String EXPECT = "# expect: ";
    /** The table files a fixture names ({@code tables:}), beside the fixtures. */
    private static final TableFiles TABLES = name -> {
        try {
            Path table = FIXTURES.resolve(name);
            return Files.isRegularFile(table) ? Optional.of(Files.readString(table)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void a_fixture_gives_exactly_the_problems_it_expects_in_the_order_of_the_file(String name) throws IOException {
        String text = Files.readString(FIXTURES.resolve(name));
        List<String> expected = text.lines().filter(l -> l.startsWith(EXPECT)).map(l -> l.substring(EXPECT.length())).toList();
        assertThat(expected).as(name + " expects at least one problem").isNotEmpty();
        List<String> actual = PolicyCompiler.check(name, text, TABLES).stream().map(Problem::toString).toList();
        assertThat(actual).as(name).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Diagnostic.class)
    void every_diagnostic_has_a_fixture_that_gives_it(Diagnostic diagnostic) throws IOException {
        String name = diagnostic.fixtureName() + ".yaml";
        Path fixture = FIXTURES.resolve(name);
        assertThat(fixture).as("the fixture for " + diagnostic).exists();
        List<Diagnostic> given = new ArrayList<>();
        PolicyCompiler.check(name, Files.readString(fixture), TABLES).forEach(p -> given.add(p.diagnostic()));
        assertThat(given).as(name).contains(diagnostic);
    }

    @Test
    void a_file_that_compiles_has_no_problems_and_compile_returns_its_version() {
        String text = """
                policy: demo
                version: 2024-01-01
                title: Demo policy
                payer: Demo payer
                source: demo.txt
                pathways:
                  - id: implant
                    text: Permanent pump
                    cite: PUMP
                    when: {kind: [implant]}
                    criteria:
                      - {id: pain, text: Severe pain, fact: pain.score, atLeast: 6}
                """;
        assertThat(PolicyCompiler.check("demo.yaml", text)).isEmpty();
        assertThat(PolicyCompiler.compile("demo.yaml", text).key()).isEqualTo("demo@2024-01-01");
    }
}
