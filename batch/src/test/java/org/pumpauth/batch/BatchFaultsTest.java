package org.pumpauth.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when a job cannot run or fails: one line naming the option and what to do (or
 * the log file), a non-zero exit, never a stack trace, and no half-written output.
 */
class BatchFaultsTest {
    @TempDir
    Path dir;

    @Test
    void a_missing_input_is_named_and_nothing_is_written() {
        Path out = dir.resolve("out");
        BatchRun run = BatchRun.of("evaluate", "--input", dir.resolve("no-such.jsonl").toString(), "--out", out.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("pumpauth batch: --input: no such file or directory: "
                + dir.resolve("no-such.jsonl") + "\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void an_output_directory_that_exists_is_refused_unless_overwrite_is_given() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("last-year.csv"), "kept\n");
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, "{}\n");
        BatchRun run = BatchRun.of("impact", "--from", "nia-cg-310@2023-07-01", "--to", "nia-cg-310@2024-01-01",
                "--input", input.toString(), "--out", out.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("pumpauth batch: --out: " + out
                + " exists; name a new directory, or add --overwrite to replace it\n");
        assertThat(out.resolve("last-year.csv")).hasContent("kept");
    }

    @Test
    void an_unknown_policy_is_a_usage_error_that_names_the_option() {
        BatchRun run = BatchRun.of("evaluate", "--input", dir.toString(), "--out", dir.resolve("out").toString(),
                "--policy", "no-such-policy");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("pumpauth batch evaluate: --policy: ")
                .contains("Try 'pumpauth batch evaluate --help' for more information.");
    }

    @Test
    void a_job_that_fails_names_spark_s_log_leaves_no_output_and_keeps_the_old_one() throws IOException {
        // A file Spark cannot read (not gzip, though named so) makes the job fail in its tasks.
        Path input = dir.resolve("in");
        Files.createDirectories(input);
        Files.writeString(input.resolve("requests.jsonl.gz"), "this is not gzip\n".repeat(100));
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.txt"), "the last run's output\n");
        BatchRun run = BatchRun.of("evaluate", "--master", "local[2]", "--input", input.toString(), "--out", out.toString(),
                "--overwrite");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).matches("pumpauth batch: the job failed \\(\\w+\\); no output was left in place\\."
                + " Spark's log: .+\\.log\n");
        Path log = Path.of(run.err().substring(run.err().indexOf("Spark's log: ") + 13).strip());
        assertThat(log).exists();
        assertThat(run.showsNoStackTrace()).isTrue();
        assertThat(out.resolve("old.txt")).hasContent("the last run's output");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no unfinished output beside --out")
                    .containsExactlyInAnyOrder("in", "out");
        }
    }
}
