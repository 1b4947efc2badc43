package org.pumpauth.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.Outcome;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;

/** {@code batch generate}: valid requests of every policy in a plan's mix of outcomes, the same for a seed. */
class GenerateTest {
    @TempDir
    Path dir;

    @Test
    void the_same_seed_gives_the_same_requests_and_another_seed_others() throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path c = dir.resolve("c.jsonl");
        assertThat(BatchRun.of("generate", "--count", "300", "--seed", "5", "--out", a.toString()).status()).isZero();
        assertThat(BatchRun.of("generate", "--count", "300", "--seed", "5", "--out", b.toString()).status()).isZero();
        assertThat(BatchRun.of("generate", "--count", "300", "--seed", "6", "--out", c.toString()).status()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllLines(c)).hasSize(300).isNotEqualTo(Files.readAllLines(a));
    }

    @Test
    void requests_are_valid_cover_every_policy_and_come_in_a_plans_mix_of_outcomes() throws IOException {
        Path file = dir.resolve("mix.jsonl");
        BatchRun run = BatchRun.of("generate", "--count", "3000", "--seed", "1", "--out", file.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("3000 requests written to " + file + " (seed 1)\n");
        Review review = new Review(PolicyRegistry.builtIn());
        RequestReader reader = new RequestReader();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Set<String> policies = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines) {
            // Each is a valid request (a reader's error would end the test) naming its policy.
            for (Determination d : review.review(reader.read(line), List.of(), LocalDate.of(2024, 6, 1))) {
                outcomes.merge(d.outcome(), 1, Integer::sum);
                policies.add(d.policy().id());
                ids.add(d.requestId());
            }
        }
        assertThat(ids).as("request ids are unique").hasSize(3000);
        assertThat(policies).containsExactlyInAnyOrderElementsOf(
                review.registry().policies().stream().map(Policy::id).toList());
        assertThat(outcomes.keySet()).as("every outcome occurs").containsAll(List.of(Outcome.values()));
        assertThat(outcomes.get(Outcome.MEETS_CRITERIA)).as("most requests meet the criteria").isBetween(1200, 2000);
        assertThat(outcomes.get(Outcome.INSUFFICIENT_INFORMATION)).as("many lack a fact").isBetween(300, 1000);
    }

    @Test
    void the_lines_written_are_the_requests_built_one_by_one() throws IOException {
        List<CaseTemplates.Template> templates = CaseTemplates.load();
        java.io.StringWriter written = new java.io.StringWriter();
        new Generator(templates, 11).write(5000, written);
        Generator oneByOne = new Generator(templates, 11);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder expected = new StringBuilder();
        for (long n = 1; n <= 5000; n++) {
            expected.append(json.writeValueAsString(oneByOne.next(n))).append('\n');
        }
        assertThat(written.toString()).isEqualTo(expected.toString());
    }

    @Test
    void an_existing_file_is_kept_unless_overwrite_is_given() throws IOException {
        Path file = dir.resolve("kept.jsonl");
        Files.writeString(file, "mine\n");
        BatchRun refused = BatchRun.of("generate", "--count", "2", "--out", file.toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("pumpauth batch: --out: " + file
                + " exists; name a new file, or add --overwrite to replace it\n");
        assertThat(Files.readString(file)).isEqualTo("mine\n");
        assertThat(BatchRun.of("generate", "--count", "2", "--out", file.toString(), "--overwrite").status()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(2);
    }
}
