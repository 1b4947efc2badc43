package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pumpauth policy check}: every problem of every file, where it is, and an exit status a script can test. */
class PolicyCheckTest {
    private static final String GOOD = """
            policy: demo
            version: 2024-01-01
            title: Demo policy
            payer: Demo payer
            source: demo.txt
            pathways:
              - id: implant
                text: Permanent pump
                cite: PUMP
                when: {kind: [implant]}
                criteria:
                  - {id: pain, text: Severe pain, fact: pain.score, atLeast: 6}
            """;

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run pumpauth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void a_file_that_compiles_passes_with_status_zero() throws IOException {
        Run run = pumpauth("policy", "check", write("good.yaml", GOOD).toString());
        assertThat(run.status).isZero();
        assertThat(run.out).isEqualTo("1 file checked: no problems\n");
        assertThat(run.err).isEmpty();
    }

    @Test
    void every_problem_of_every_file_is_printed_with_file_line_column_and_a_hint() throws IOException {
        Path typos = write("typos.yaml", GOOD.replace("kind: [implant]", "kind: [implnt]").replace("pain.score", "pain.scor"));
        Path unused = write("unused.yaml", GOOD.replace("pathways:", "define:\n  relief: {fact: relifPercent, atLeast: 50}\npathways:"));
        Run run = pumpauth("policy", "check", typos.toString(), unused.toString(), write("good.yaml", GOOD).toString());

        assertThat(run.status).isEqualTo(Main.INVALID_INPUT);
        assertThat(run.out.lines()).containsExactly(
                typos + ":10:19: 'implnt' (did you mean 'implant'?) is not a value of service.kind;"
                        + " allowed: trial, implant, replacement, revision, removal, refill",
                typos + ":12:45: unknown fact 'pain.scor' (did you mean 'pain.score'?): not a request field nor a derived"
                        + " fact (age, terminal, intraspinal, drugFdaApprovedForRoute, monthsSinceBrainInjury)",
                unused + ":7:18: unknown fact 'relifPercent' (did you mean 'reliefPercent'?): not a request field nor a"
                        + " field of a list's elements nor a derived fact (age, terminal, intraspinal,"
                        + " drugFdaApprovedForRoute, monthsSinceBrainInjury)",
                "3 files checked: 3 problems");
    }

    @Test
    void a_directory_stands_for_its_policy_files() throws IOException {
        Files.createDirectories(dir.resolve("demo"));
        write("demo/2024-01-01.yaml", GOOD);
        write("demo/2025-01-01.yaml", GOOD.replace("version: 2024-01-01", "version: 2025-01-01"));
        Run run = pumpauth("policy", "check", dir.toString());
        assertThat(run.status).isZero();
        assertThat(run.out).isEqualTo("2 files checked: no problems\n");
    }

    @Test
    void the_shipped_policies_check_clean() {
        Run run = pumpauth("policy", "check", "../policies");
        assertThat(run.out).isEqualTo("7 files checked: no problems\n");
        assertThat(run.status).isZero();
    }

    @Test
    void a_missing_file_is_named_and_fails_the_check_without_a_stack_trace() {
        Run run = pumpauth("policy", "check", dir.resolve("nowhere.yaml").toString());
        assertThat(run.status).isEqualTo(Main.INVALID_INPUT);
        assertThat(run.err).isEqualTo(dir.resolve("nowhere.yaml") + ": no such file\n");
        assertThat(run.out).isEqualTo("1 file checked: no problems\n");
    }
}
