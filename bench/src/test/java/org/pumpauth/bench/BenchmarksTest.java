package org.pumpauth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;

/**
 * Runs each benchmark method once per input, outside JMH, so that {@code ./mvnw verify} catches a
 * benchmark whose input no longer loads or whose result is not what {@code evaluate} gives.
 */
class BenchmarksTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @Test
    void the_evaluate_benchmark_rotates_over_every_example_and_gets_what_review_gets() {
        EvaluateBenchmark bench = new EvaluateBenchmark();
        bench.setUp();
        List<Examples.Example> examples = Examples.all();
        assertThat(bench.size()).isEqualTo(examples.size()).isGreaterThanOrEqualTo(10);

        Review review = new Review(PolicyRegistry.builtIn());
        RequestReader reader = new RequestReader();
        List<Determination> seen = new ArrayList<>();
        for (Examples.Example example : examples) {
            Determination determination = bench.evaluate();
            seen.add(determination);
            assertThat(determination).as(example.name())
                    .isEqualTo(review.review(reader.read(example.bytes()), List.of(), TODAY).get(0));
            assertThat(determination.criteria()).as(example.name()).isPresent();
        }
        assertThat(bench.evaluate()).as("back to the first").isEqualTo(seen.get(0));
        assertThat(seen.stream().map(Determination::outcome).distinct().count()).as("outcomes covered")
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void the_json_benchmarks_take_requests_of_2_to_4_kb_and_write_what_evaluate_json_writes() {
        // One instance per method: each call moves its instance on to the next input.
        JsonBenchmark bench = new JsonBenchmark();
        bench.setUp();
        JsonBenchmark reads = new JsonBenchmark();
        reads.setUp();
        JsonBenchmark whole = new JsonBenchmark();
        whole.setUp();
        Review review = new Review(PolicyRegistry.builtIn());
        RequestReader reader = new RequestReader();
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        for (int i = 0; i < bench.size(); i++) {
            byte[] input = bench.input(i);
            assertThat(input.length).isBetween(JsonBenchmark.MIN_BYTES, JsonBenchmark.MAX_BYTES);
            String expected = DeterminationJson.toJson(review.review(reader.read(input), List.of(), TODAY).get(0));
            assertThat(new String(bench.write(), StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(reads.read().requestId()).isEqualTo(reader.read(input).requestId());
            whole.jsonToDetermination(bh);
        }
        bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }

    @Test
    void the_letter_benchmark_renders_a_denial_pdf_and_its_html_for_every_example() {
        LetterPdfBenchmark b = new LetterPdfBenchmark();
        b.setUp();

        String html = b.html();
        byte[] pdf = b.pdf();

        assertThat(html).contains("Notice of denial of coverage", "data-criterion");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
