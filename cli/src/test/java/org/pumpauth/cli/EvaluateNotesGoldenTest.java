package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The report of {@code pumpauth evaluate --notes} on the example whose psychological assessment is
 * only in its notes, as a reviewer reads it, held to a golden file read by eye when it was written:
 * the outcome stays insufficient information, the four facts the evaluation states are proposed
 * beside the psychological-assessment criterion with the note's exact words, and the outcome if
 * they were confirmed is shown. When the report changes on purpose, the new one is in
 * {@code target/golden/}: read it, then copy it over the golden file.
 */
class EvaluateNotesGoldenTest {
    private static final Path EXAMPLE = Path.of("../examples/nia-implant-pain-psych-in-notes.json");
    private static final Path GOLDEN = Path.of("src/test/resources/org/pumpauth/cli/golden/evaluate-notes-psych-in-notes.txt");

    @Test
    void the_report_with_notes_lists_what_the_notes_propose_with_their_words() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"evaluate", "--notes", "--today", "2024-06-01", EXAMPLE.toString()},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(status).as(err.toString()).isZero();
        String report = out.toString().replace("\r\n", "\n");
        Path actual = Path.of("target/golden/evaluate-notes-psych-in-notes.txt");
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, report, StandardCharsets.UTF_8);
        assertThat(GOLDEN).as("golden file (the report is in " + actual + ")").exists();
        assertThat(report).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
