package org.pumpauth.determination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;

/** {@link DeterminationJson#toJsonBytes} writes exactly the UTF-8 of {@link DeterminationJson#toJson}. */
class DeterminationJsonTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @Test
    void bytes_are_the_utf8_of_the_string_for_every_example() throws IOException {
        Review review = new Review(PolicyRegistry.builtIn());
        RequestReader reader = new RequestReader();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("../examples"))) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            for (Determination d : review.review(reader.read(Files.readAllBytes(file)), List.of(), TODAY)) {
                assertThat(DeterminationJson.toJsonBytes(d)).as(file.toString())
                        .isEqualTo(DeterminationJson.toJson(d).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void bytes_are_the_utf8_of_the_string_for_text_beyond_ascii_and_text_that_needs_escapes() {
        Determination d = determination("Schmerz \u00e9 \u2265 50% \"quoted\" back\\slash tab\t line\nbreak \u0001 \u007f",
                "R-\u00fc-\u4e2d");
        assertThat(new String(DeterminationJson.toJsonBytes(d), StandardCharsets.UTF_8))
                .isEqualTo(DeterminationJson.toJson(d));
        assertThat(DeterminationJson.toJsonBytes(d)).isEqualTo(DeterminationJson.toJson(d).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void characters_beyond_the_bmp_and_lone_surrogates_are_escaped_and_read_back_as_the_same_text() throws IOException {
        String text = "relief \ud83d\ude00 and a lone \ud800 surrogate\udc00.";
        Determination d = determination(text, "R-\ud83d\ude00");
        String bytes = new String(DeterminationJson.toJsonBytes(d), StandardCharsets.UTF_8);
        assertThat(bytes).contains("R-\\uD83D\\uDE00").contains("a lone \\uD800 surrogate\\uDC00.");
        JsonNode read = new ObjectMapper().readTree(DeterminationJson.toJsonBytes(d));
        assertThat(read.get("requestId").asText()).isEqualTo("R-\ud83d\ude00");
        assertThat(read.get("reasons").get(0).asText()).isEqualTo(text);
    }

    private static Determination determination(String text, String requestId) {
        CriterionResult node = new CriterionResult("c\u00e9", text, Result.UNKNOWN,
                List.of(FactValue.known("pain.score", 7.5), FactValue.unknown("service.route")), "cit\u00e9",
                Optional.of(text), List.of(), Optional.of(Outcome.CASE_BY_CASE), List.of());
        return new Determination(requestId,
                new PolicyRef("p", Optional.of(TODAY), "Titel \u00e4"), TODAY, Optional.of("path\u00e9"),
                Outcome.CASE_BY_CASE, Optional.of(node), List.of(new MissingInformation("pain.score", text)),
                List.of(text), List.of("w\u00e9"));
    }
}
