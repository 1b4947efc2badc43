package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pumpauth notes extract} and {@code notes assert}: the facts of a note with spans that are
 * exactly its characters, the kit's labels one line a mention, and a clear message (no stack
 * trace, no note text) for what is not a note.
 */
class NotesCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();
    private static final Path NOTES = ROOT.resolve("core/src/test/resources/org/pumpauth/notes");

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    @Test
    void extract_json_prints_one_line_per_note_with_the_facts_and_their_exact_words() throws IOException {
        Path note = NOTES.resolve("pump-dev/03-it-trial-morphine.txt");
        String text = Files.readString(note);
        Run run = pumpauth("notes", "extract", "--json", note.toString());

        assertThat(run.err).isEmpty();
        assertThat(run.status).isZero();
        assertThat(run.out.lines()).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(run.out);
        assertThat(line.get("document").asText()).isEqualTo(note.toString());
        JsonNode score = null;
        for (JsonNode fact : line.get("facts")) {
            for (JsonNode span : fact.get("evidence")) {
                assertThat(span.get("text").asText())
                        .isEqualTo(text.substring(span.get("start").asInt(), span.get("end").asInt()));
            }
            if (fact.get("field").asText().equals("intraspinalTrials[0].reliefPercent")) {
                score = fact;
            }
        }
        assertThat(score).isNotNull();
        assertThat(score.get("value").asInt()).isEqualTo(75);
        assertThat(score.get("assertion").asText()).isEqualTo("affirmed");
    }

    @Test
    void the_readmes_example_note_gives_the_facts_the_readme_shows_and_none_of_its_traps() throws IOException {
        Path note = ROOT.resolve("examples/notes/trial-then-implant-request.txt");
        Run run = pumpauth("notes", "extract", note.toString());
        String readme = Files.readString(ROOT.resolve("README.md"));
        String shown = readme.substring(readme.indexOf("examples/notes/trial-then-implant-request.txt: 17 facts"));
        shown = shown.substring(0, shown.indexOf("  ...\n"));

        assertThat(run.status).isZero();
        assertThat(run.out).startsWith(note + ": 17 facts\n");
        for (String line : shown.lines().skip(1).toList()) {
            assertThat(run.out).contains(line + "\n");
        }
        assertThat(run.out).doesNotContain("= \"cancer-pain\"").doesNotContain("pain.score = 3").doesNotContain("pain.score = 2")
                .doesNotContain("service.kind = \"trial\"");
    }

    @Test
    void extract_in_text_lists_each_fact_with_its_words() throws IOException {
        Path note = dir.resolve("note.txt");
        Files.writeString(note, "Assessment: no signs of active infection. Allergies: NKDA.\n");
        Run run = pumpauth("notes", "extract", note.toString());

        assertThat(run.status).isZero();
        assertThat(run.out).isEqualTo(note + ": 2 facts\n"
                + "  contraindications.activeSystemicInfection = false  (negated)\n"
                + "      12-40  \"no signs of active infection\"\n"
                + "  contraindications.drugAllergy = false  (negated)\n"
                + "      53-57  \"NKDA\"\n");
    }

    @Test
    void a_binary_or_badly_encoded_file_is_refused_by_name_and_the_other_notes_are_read() throws IOException {
        Path junk = dir.resolve("scan.pdf");
        Files.write(junk, new byte[] {0x25, 0x50, 0x44, 0x46, 0x00, 0x01, (byte) 0xff, (byte) 0xfe});
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "Patient déclare douleur 8/10".getBytes(StandardCharsets.ISO_8859_1));
        Path fine = dir.resolve("fine.txt");
        Files.writeString(fine, "Seen today.");
        Run run = pumpauth("notes", "extract", "--json", junk.toString(), latin1.toString(), fine.toString());

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).isEqualTo("pumpauth: " + junk + ": a note must be UTF-8 text; this one has bytes that are not UTF-8\n"
                + "pumpauth: " + latin1 + ": a note must be UTF-8 text; this one has bytes that are not UTF-8\n");
        assertThat(run.out).isEqualTo("{\"document\":\"" + fine + "\",\"facts\":[]}\n");
    }

    @Test
    void a_text_file_with_control_characters_is_refused_as_binary() throws IOException {
        Path junk = dir.resolve("junk.txt");
        Files.writeString(junk, "abc\u0000def");
        Run run = pumpauth("notes", "extract", junk.toString());

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).isEqualTo("pumpauth: " + junk + ": a note must be text; this one has control characters (is it a binary file?)\n");
    }

    @Test
    void assert_prints_the_kits_labels_per_mention_and_the_agreement_on_standard_error() throws IOException {
        Path kit = dir.resolve("kit.tsv");
        Files.writeString(kit, "id\tphrase\tsentence\tnegation\ttemporality\texperiencer\textra\n"
                + "1\tfever\tShe denies FEVER.\tNegated\tRecent\tPatient\tx\n"
                + "2\tcolon cancer\tFamily history of COLON CANCER.\tAffirmed\tHistorical\tFamily member\tx\n"
                + "3\tchest pain\tReturn if CHEST PAIN recurs.\tAffirmed\tNot particular\tPatient\tx\n");
        Run run = pumpauth("notes", "assert", kit.toString());

        assertThat(run.status).isZero();
        assertThat(run.out).isEqualTo("1\tNegated\tRecent\tPatient\n"
                + "2\tAffirmed\tHistorical\tFamily member\n"
                + "3\tAffirmed\tNot particular\tPatient\n");
        assertThat(run.err).isEqualTo("assertion: 3 labelled mentions; negation P=1.000 R=1.000 F1=1.000;"
                + " temporality accuracy=1.000; experiencer accuracy=1.000\n");
    }

    @Test
    void assert_without_labels_prints_no_summary_and_a_bad_header_is_named() throws IOException {
        Path kit = dir.resolve("kit.tsv");
        Files.writeString(kit, "id\tphrase\tsentence\n7\tcough\tNo COUGH.\n");
        Run run = pumpauth("notes", "assert", kit.toString());
        assertThat(run.out).isEqualTo("7\tNegated\tRecent\tPatient\n");
        assertThat(run.err).isEmpty();

        Files.writeString(kit, "phrase\tsentence\ncough\tNo COUGH.\n");
        Run bad = pumpauth("notes", "assert", kit.toString());
        assertThat(bad.status).isEqualTo(2);
        assertThat(bad.err).isEqualTo("pumpauth: " + kit + ": line 1: the header must name the columns id, phrase and sentence\n");
    }

    private static Run pumpauth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }
}
