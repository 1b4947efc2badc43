package org.pumpauth.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.engine.Engine;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * The example requests in {@code examples/} at the repository root, against the table in
 * {@code examples/README.md}: each example gets the outcome and pathway its row states under the
 * policy its row names, and every example file has a row. So the table a reader trusts cannot rot.
 */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("../examples");
    static final Path README = EXAMPLES.resolve("README.md");
    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private static final Pattern FILE = Pattern.compile("([A-Za-z0-9._-]+\\.json)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();

    /** One row of the README's table: | Example | Policy | Outcome | Pathway | What it shows |. */
    record Row(int line, String file, String policy, String outcome, String pathway) {
        String where() {
            return file + " (" + README + " line " + line + ")";
        }
    }

    @TestFactory
    Stream<DynamicTest> every_example_gets_the_outcome_and_pathway_the_readme_states() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).as("example rows in " + README).isNotEmpty();
        return rows.stream().map(row -> DynamicTest.dynamicTest(
                row.file() + ": " + row.outcome() + " on " + row.pathway(),
                EXAMPLES.resolve(row.file()).toUri(),
                () -> check(row)));
    }

    @Test
    void every_example_file_has_a_row_in_the_readme_and_at_most_one_per_policy() throws IOException {
        List<Row> rows = rows();
        assertThat(rows.stream().map(row -> row.file() + " under " + row.policy()).collect(Collectors.toList()))
                .as("example rows in " + README).doesNotHaveDuplicates();
        List<String> listed = rows.stream().map(Row::file).distinct().collect(Collectors.toList());
        List<String> files;
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .collect(Collectors.toList());
        }
        assertThat(listed).as("examples listed in " + README).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(files);
    }

    /**
     * The {@code compare-*} examples are for {@code pumpauth compare}: they are read under every
     * built-in policy, and the README gives the outcome under each, side by side.
     */
    @Test
    void a_comparison_example_is_read_under_every_policy_and_has_a_row_for_each() throws IOException {
        List<String> everyPolicy = POLICIES.policies().stream().map(Policy::id).sorted().collect(Collectors.toList());
        List<String> comparisons = rows().stream().map(Row::file).filter(f -> f.startsWith("compare-")).distinct()
                .collect(Collectors.toList());
        assertThat(comparisons).as("compare-* examples in " + README).isNotEmpty();
        for (String file : comparisons) {
            ReviewRequest request = new RequestReader().read(Files.readAllBytes(EXAMPLES.resolve(file)));
            List<String> compared = new Review(POLICIES).compare(request, TODAY).stream()
                    .map(d -> d.policy().id()).sorted().collect(Collectors.toList());
            assertThat(compared).as("policies " + file + " is compared under").isEqualTo(everyPolicy);
            List<String> inTable = rows().stream().filter(r -> r.file().equals(file))
                    .map(r -> POLICIES.select(r.policy()).policy().id()).sorted().collect(Collectors.toList());
            assertThat(inTable).as("policies with a row for " + file + " in " + README).isEqualTo(everyPolicy);
        }
    }

    private static void check(Row row) throws IOException {
        ReviewRequest request = new RequestReader().read(Files.readAllBytes(EXAMPLES.resolve(row.file())));
        assertThat(request.ignoredFields()).as("fields of " + row.where() + " outside the request contract").isEmpty();

        Determination d = new Engine().evaluate(request, POLICIES.select(row.policy()), TODAY);
        String shown = "\n" + JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(JSON.readTree(DeterminationJson.toJson(d))) + "\n";
        assertThat(d.outcome().name()).as("outcome of " + row.where() + shown).isEqualTo(row.outcome());
        assertThat(d.pathway().orElse("-")).as("pathway of " + row.where() + shown).isEqualTo(row.pathway());

        // The README tells readers to run `pumpauth evaluate FILE`: the request's own policy and
        // service date must lead to the version the row names.
        if (request.policy().isPresent()) {
            List<Determination> own = new Review(POLICIES).review(request, List.of(), TODAY);
            assertThat(own).as("determinations of " + row.where() + " under its own policy").hasSize(1);
            assertThat(own.get(0).policy().toString()).as("policy version " + row.where() + " is read under")
                    .isEqualTo(d.policy().toString());
        }
    }

    /** The table rows that name an example file, in order. */
    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(README);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("|")) {
                continue;
            }
            String[] cells = line.substring(1).split("\\|", -1);
            Matcher file = FILE.matcher(cells[0]);
            if (!file.find()) {
                continue; // the header and the separator
            }
            assertThat(cells.length)
                    .as(README + " line " + (i + 1) + ": a row needs | Example | Policy | Outcome | Pathway | What it shows |")
                    .isGreaterThanOrEqualTo(5);
            rows.add(new Row(i + 1, file.group(1), plain(cells[1]), plain(cells[2]), plain(cells[3])));
        }
        return rows;
    }

    private static String plain(String cell) {
        return cell.replace("`", "").trim();
    }
}
