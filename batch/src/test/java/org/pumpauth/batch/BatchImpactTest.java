package org.pumpauth.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pumpauth.determination.Determination;
import org.pumpauth.engine.Engine;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * {@code batch impact} over generated requests: its transition counts are the engine's, each change
 * names criteria whose result changed and at most five examples of it, and the report records the
 * input's and the policy files' hashes.
 */
class BatchImpactTest {
    static final String FROM = "nia-cg-310@2023-07-01";
    static final String TO = "nia-cg-310@2024-01-01";
    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path input;
    static Path out;
    static BatchRun run;

    @BeforeAll
    static void compare_a_generated_year() {
        input = dir.resolve("year.jsonl");
        BatchRun generated = BatchRun.of("generate", "--count", "400", "--seed", "11", "--out", input.toString());
        assertThat(generated.status()).as(generated.err()).isZero();
        out = dir.resolve("impact");
        run = BatchRun.of("impact", "--master", "local[2]", "--from", FROM, "--to", TO, "--input", input.toString(),
                "--out", out.toString(), "--today", TODAY.toString());
    }

    @Test
    void the_transitions_per_pathway_are_the_engines() throws IOException {
        assertThat(run.status()).as(run.err()).isZero();
        PolicyRegistry registry = PolicyRegistry.builtIn();
        PolicyVersion before = registry.select(FROM).version().orElseThrow();
        PolicyVersion after = registry.select(TO).version().orElseThrow();
        Engine engine = new Engine();
        RequestReader reader = new RequestReader();
        Map<String, Long> expected = new TreeMap<>();
        for (String line : Files.readAllLines(input)) {
            ReviewRequest request = reader.read(line);
            if (request.policy().isPresent() && !request.policy().get().equals("nia-cg-310")) {
                continue;
            }
            Determination a = engine.evaluate(request, before, request.serviceDate(TODAY));
            Determination b = engine.evaluate(request, after, request.serviceDate(TODAY));
            expected.merge(a.pathway().orElse("(none)") + "," + a.outcome() + "," + b.outcome(), 1L, Long::sum);
        }
        Map<String, Long> got = new TreeMap<>();
        List<String> csv = Files.readAllLines(out.resolve(ImpactReport.TRANSITIONS_CSV));
        assertThat(csv.get(0)).isEqualTo("pathway,from_outcome,to_outcome,requests,changed");
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            got.put(f[0] + "," + f[1] + "," + f[2], Long.parseLong(f[3]));
            assertThat(Boolean.parseBoolean(f[4])).as(line).isEqualTo(!f[1].equals(f[2]));
        }
        assertThat(got).isEqualTo(expected);
        assertThat(expected.keySet().stream().filter(k -> !k.split(",")[1].equals(k.split(",")[2])))
                .as("the two versions change some outcomes of a generated year").isNotEmpty();
    }

    @Test
    void each_change_names_the_criteria_that_changed_and_at_most_five_examples_of_it() throws IOException {
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode impact = JSON.readTree(out.resolve(ImpactReport.JSON).toFile());
        int changes = 0;
        for (JsonNode t : impact.get("transitions")) {
            if (t.get("from").equals(t.get("to"))) {
                assertThat(t.has("examples")).isFalse();
                continue;
            }
            changes++;
            List<String> examples = new ArrayList<>();
            t.get("examples").forEach(e -> examples.add(e.asText()));
            assertThat(examples).hasSize((int) Math.min(5, t.get("requests").asLong())).isSorted()
                    .allMatch(id -> id.startsWith("GEN-11-"));
            for (JsonNode c : t.get("criteria")) {
                assertThat(c.get("criterion").asText()).matches(".+: (MET|NOT_MET|UNKNOWN|absent) -> (MET|NOT_MET|UNKNOWN|absent)");
                assertThat(c.get("requests").asLong()).isBetween(1L, t.get("requests").asLong());
            }
        }
        assertThat(changes).isPositive();
        assertThat(impact.get("compared").asLong() + impact.get("otherPolicy").asLong() + impact.get("rejected").asLong())
                .isEqualTo(400);
    }

    @Test
    void the_report_is_html_with_a_chart_and_what_reproduces_it() throws IOException {
        assertThat(run.status()).as(run.err()).isZero();
        String html = Files.readString(out.resolve(ImpactReport.HTML));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Pathway implant/chronic-pain")
                .doesNotContain("<script").doesNotContain("http://cdn").doesNotContain("https://");
        String fileHash;
        try (InputStream in = Files.newInputStream(input)) {
            fileHash = Provenance.sha256(in);
        }
        String inputHash = Provenance.sha256(new java.io.ByteArrayInputStream(
                (fileHash + "  year.jsonl\n").getBytes(StandardCharsets.UTF_8)));
        JsonNode reproducibility = JSON.readTree(out.resolve(ImpactReport.JSON).toFile()).get("reproducibility");
        assertThat(reproducibility.get("inputSha256").asText()).isEqualTo(inputHash);
        assertThat(html).contains(inputHash);
        String policyHash;
        try (InputStream in = Files.newInputStream(BatchRun.ROOT.resolve("policies/nia-cg-310/2024-01-01.yaml"))) {
            policyHash = Provenance.sha256(in);
        }
        assertThat(reproducibility.get("policies").toString()).contains(policyHash).contains("nia-cg-310/2023-07-01.yaml");
        assertThat(reproducibility.get("pumpauth").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(run.out()).contains("400 requests read").contains("impact.html");
    }
}
