package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pumpauth.cases.CaseReader;
import org.pumpauth.cases.PolicyCase;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.FactValue;
import org.pumpauth.determination.Result;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;

/**
 * The readable report of every example and every policy case never prints a criterion MET beside a
 * fact "not stated": a fact the request does not state cannot have met it (G13).
 */
class TextReportCasesTest {
    private static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    /** A criterion's line: its indent, its mark (MET, NOT MET, ?, REVIEW, -), then the policy's words. */
    private static final Pattern NODE = Pattern.compile("^( +)(MET|NOT MET|\\?|REVIEW|-) +\\S");

    private final PolicyRegistry registry = PolicyRegistry.builtIn();
    private final Review review = new Review(registry);
    private final RequestReader reader = new RequestReader();

    @Test
    void no_criterion_reads_met_beside_a_fact_not_stated_in_any_example_or_case() throws IOException {
        List<String> offences = new ArrayList<>();
        int reports = 0;
        for (Path file : jsonFiles(ROOT.resolve("examples"))) {
            for (Determination d : review.review(reader.read(Files.readString(file)), List.of(), TODAY)) {
                offences.addAll(metBesideNotStated(ROOT.relativize(file).toString(), d));
                reports++;
            }
        }
        Path cases = ROOT.resolve("core/src/test/resources/cases");
        for (PolicyCase c : new CaseReader().read(files(cases))) {
            Determination d = review.review(reader.read(c.request()),
                    List.of(registry.select(c.policy().orElseThrow())), TODAY).get(0);
            offences.addAll(metBesideNotStated(c.name() + ".json", d));
            reports++;
        }
        assertThat(reports).as("reports read").isGreaterThan(600);
        assertThat(offences).as("criteria printed MET beside a fact not stated").isEmpty();
    }

    @Test
    void a_met_criterion_shows_only_the_facts_the_request_states() {
        CriterionResult node = new CriterionResult("pain-severity", "Pain severity", Result.MET,
                List.of(FactValue.known("pain.score", 7.0), FactValue.unknown("pain.functionalDisability")),
                "", Optional.empty(), List.of(), Optional.empty(), List.of());

        assertThat(plain(TextReport.facts(node, true))).containsExactly("pain.score = 7");
        assertThat(plain(TextReport.facts(node))).as("a criterion not met or unknown shows both")
                .containsExactly("pain: score = 7, functionalDisability not stated");
    }

    /** Each criterion line marked MET whose own fact lines (up to the next criterion) say "not stated". */
    private static List<String> metBesideNotStated(String file, Determination d) {
        List<String> offences = new ArrayList<>();
        String met = null;
        for (String line : TextReport.render(file, d).split("\n")) {
            if (line.startsWith("Missing information") || line.startsWith("Reasons") || line.startsWith("Warnings")) {
                break;
            }
            Matcher node = NODE.matcher(line);
            if (node.find()) {
                met = node.group(2).equals("MET") ? line.strip() : null;
            } else if (met != null && line.replace('\u00a0', ' ').contains("not stated")) {
                offences.add(file + " (" + d.policy() + "): " + met + " / " + line.strip());
            }
        }
        return offences;
    }

    /** Facts as printed: the wrapper's unbreakable spaces are spaces. */
    private static List<String> plain(List<String> facts) {
        return facts.stream().map(f -> f.replace(Wrap.KEEP, ' ')).toList();
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
