package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pumpauth evaluate --notes} reads the request's notes (issue 14); without the flag they are
 * not read, and the output is what it always was. Shown here with a note the reader refuses (over
 * its 2,000,000 characters), whatever rules the reader has.
 */
class EvaluateNotesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("../examples/nia-implant-pain-psych-in-notes.json");

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    @Test
    void with_notes_the_requests_notes_are_read_and_a_note_that_cannot_be_read_is_named_in_a_warning() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(EXAMPLE.toFile());
        request.withArray("notes").addObject().put("date", "2024-06-21").put("author", "Scanner")
                .put("text", "x".repeat(2_000_001));
        Path file = dir.resolve("long-note.json");
        JSON.writeValue(file.toFile(), request);

        Run with = pumpauth("evaluate", "--json", "--notes", "--today", "2024-06-01", file.toString());
        Run without = pumpauth("evaluate", "--json", "--today", "2024-06-01", file.toString());

        assertThat(with.status()).as(with.err()).isZero();
        JsonNode d = JSON.readTree(with.out());
        assertThat(d.path("outcome").asText()).isEqualTo("INSUFFICIENT_INFORMATION");
        assertThat(d.path("warnings").toString()).contains("notes[2] was not read for evidence: a note may have at most");
        JsonNode plain = JSON.readTree(without.out());
        assertThat(plain.path("warnings").toString()).doesNotContain("notes[2]");
        assertThat(plain.has("proposedFacts")).isFalse();
    }

    @Test
    void the_outcome_with_notes_is_the_one_without() throws IOException {
        Run with = pumpauth("evaluate", "--json", "--notes", "--today", "2024-06-01", EXAMPLE.toString());
        Run without = pumpauth("evaluate", "--json", "--today", "2024-06-01", EXAMPLE.toString());

        assertThat(JSON.readTree(with.out()).path("outcome")).isEqualTo(JSON.readTree(without.out()).path("outcome"));
        assertThat(Files.readString(EXAMPLE)).contains("PRE-SURGICAL PSYCHOLOGICAL EVALUATION");
    }

    private static Run pumpauth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }
}
