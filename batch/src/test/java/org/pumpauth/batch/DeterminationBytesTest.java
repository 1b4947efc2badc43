package org.pumpauth.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.pumpauth.cases.CaseReader;
import org.pumpauth.cases.PolicyCase;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;

/**
 * {@code batch evaluate} writes each determination's JSON as bytes, and reads each line from Spark's bytes:
 * the bytes written are those of the string {@code pumpauth evaluate --json} prints, and a line reads as
 * its Java string would.
 */
class DeterminationBytesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private final Review review = new Review(PolicyRegistry.builtIn());
    private final RequestReader reader = new RequestReader();

    @Test
    void every_example_and_case_is_written_as_the_utf8_of_its_string() throws IOException {
        List<String> requests = new ArrayList<>();
        try (Stream<Path> examples = Files.list(BatchRun.ROOT.resolve("examples"))) {
            for (Path example : (Iterable<Path>) examples.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
                requests.add(Files.readString(example));
            }
        }
        for (PolicyCase policyCase : new CaseReader().read(BatchEvaluateTest.files(BatchRun.ROOT.resolve("core/src/test/resources/cases")))) {
            ObjectNode request = (ObjectNode) JSON.readTree(policyCase.request());
            request.put("policy", policyCase.policy().orElseThrow());
            requests.add(JSON.writeValueAsString(request));
        }
        DeterminationBytes bytes = new DeterminationBytes();
        int compared = 0;
        for (String request : requests) {
            for (Determination d : review.review(reader.read(request), List.of(), TODAY)) {
                assertThat(bytes.of(d)).as(d.requestId()).isEqualTo(DeterminationJson.toJson(d).getBytes(StandardCharsets.UTF_8));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(700);
    }

    @Test
    void text_beyond_ascii_is_written_as_the_utf8_of_its_string_half_an_emoji_included() throws IOException {
        DeterminationBytes bytes = new DeterminationBytes();
        ObjectNode base = (ObjectNode) JSON.readTree(BatchRun.ROOT.resolve("examples/nia-trial-chronic-pain.json").toFile());
        for (String id : List.of("José", "\uD83D\uDE00 an emoji", "half an emoji \uD83D", "\uDE00 the other half", "\u2265 12 months")) {
            for (Determination d : review.review(reader.read(JSON.writeValueAsString(base.deepCopy().put("requestId", id))),
                    List.of(), TODAY)) {
                assertThat(bytes.of(d)).as(id).isEqualTo(DeterminationJson.toJson(d).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void a_line_reads_as_its_string_would_bytes_that_are_not_utf8_included() {
        byte[][] lines = {"{\"requestId\":\"A-1\"}".getBytes(StandardCharsets.UTF_8),
            "{\"requestId\":\"Jos\u00e9 \uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8),
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}, // half of a two-byte character
            {(byte) 0xED, (byte) 0xA0, (byte) 0xBD}}; // a surrogate in UTF-8 (CESU-8), which UTF-8 does not allow
        for (byte[] line : lines) {
            String text = new String(line, StandardCharsets.UTF_8);
            assertThat(RequestLine.bytes(UTF8String.fromBytes(line))).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void a_line_is_blank_as_its_string_is() {
        for (String line : List.of("", " ", "\t \r", "\u001c", "\u2003", "\u00a0", " {}", "\u2003x", "x")) {
            assertThat(RequestLine.isBlank(line.getBytes(StandardCharsets.UTF_8))).as("[" + line + "]").isEqualTo(line.isBlank());
        }
    }
}
