package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.PolicyRef;

/**
 * {@code pumpauth policy impact}: the requests whose outcome, pathway or missing information a change
 * of policy changes, and how many outcomes move from which to which, for a medical director to read.
 */
class PolicyImpactCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();
    private static final String NIA_2024 = "policies/nia-cg-310/2024-01-01.yaml";

    @TempDir
    Path dir;

    /** The 2024 version with conservative therapy of 20 weeks instead of 12, as a file not built in. */
    private Path twentyWeeks;

    record Run(int status, String out, String err) {}

    @BeforeEach
    void a_changed_policy_and_four_requests() throws IOException {
        String text = Files.readString(ROOT.resolve(NIA_2024));
        // The pain pathways' conservative therapy (pain.conservative-therapy.failed-course), not spasticity's.
        String threshold = "            atLeast: 12\n          - fact: conservativeTherapy.regionSpecific\n";
        assertThat(text).containsOnlyOnce(threshold);
        twentyWeeks = dir.resolve("nia-cg-310-20-weeks.yaml");
        Files.writeString(twentyWeeks, text.replace(threshold, threshold.replace("12", "20")));
        Path requests = Files.createDirectories(dir.resolve("requests"));
        for (String example : List.of("nia-implant-chronic-pain.json", "nia-trial-chronic-pain.json",
                "nia-trial-cancer-pain.json", "nia-implant-spasticity.json")) {
            Files.copy(ROOT.resolve("examples").resolve(example), requests.resolve(example));
        }
    }

    @Test
    void each_request_whose_determination_changes_is_listed_with_what_changes_then_the_outcome_counts() {
        Run run = pumpauth("policy", "impact", "--from", "nia-cg-310@2024-01-01", "--to", twentyWeeks.toString(),
                dir.resolve("requests").toString());

        // nia-implant-chronic-pain has 16 weeks of conservative therapy and nia-trial-cancer-pain 13;
        // nia-trial-chronic-pain has 20 and nia-implant-spasticity is not read for it.
        assertThat(run.err).isEmpty();
        assertThat(run.status).isZero();
        assertThat(run.out).isEqualTo("""
                == nia-cg-310@2024-01-01 -> nia-cg-310@2024-01-01 (nia-cg-310-20-weeks.yaml)
                requests/nia-implant-chronic-pain.json (EX-NIA-IMPLANT-PAIN-1)
                  outcome  MEETS_CRITERIA -> DOES_NOT_MEET_CRITERIA
                requests/nia-trial-cancer-pain.json (EX-NIA-TRIAL-CANCER-1)
                  outcome  MEETS_CRITERIA -> DOES_NOT_MEET_CRITERIA

                4 requests: 2 change outcome, 0 change only pathway or missing information, 2 unchanged
                  MEETS_CRITERIA -> DOES_NOT_MEET_CRITERIA: 2
                """);
    }

    @Test
    void the_same_version_on_both_sides_changes_nothing_and_a_request_named_twice_is_compared_once() {
        Run run = pumpauth("policy", "impact", "--from", "nia-cg-310@2024-01-01", "--to", ROOT.resolve(NIA_2024).toString(),
                dir.resolve("requests/nia-implant-chronic-pain.json").toString(), dir.resolve("requests").toString());

        assertThat(run.err).isEmpty();
        assertThat(run.status).isZero();
        assertThat(run.out).isEqualTo("""
                == nia-cg-310@2024-01-01 -> nia-cg-310@2024-01-01 (%s)

                4 requests: 0 change outcome, 0 change only pathway or missing information, 4 unchanged
                """.formatted(ROOT.resolve(NIA_2024)));
    }

    @Test
    void an_invalid_request_is_named_on_standard_error_the_others_are_compared_and_the_status_is_2() throws IOException {
        Files.writeString(dir.resolve("requests/broken.json"), "{\"requestId\": \"R-1\", \"service\": {\"kind\": \"implnt\"}}");

        Run run = pumpauth("policy", "impact", "--from", "nia-cg-310@2024-01-01", "--to", twentyWeeks.toString(),
                dir.resolve("requests").toString());

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).isEqualTo("requests/broken.json: service.kind: is not an allowed value; allowed: trial, implant,"
                + " replacement, revision, removal, refill\n");
        assertThat(run.out).endsWith("""

                4 requests: 2 change outcome, 0 change only pathway or missing information, 2 unchanged (1 file not read)
                  MEETS_CRITERIA -> DOES_NOT_MEET_CRITERIA: 2
                """);
    }

    @Test
    void a_version_that_does_not_exist_or_a_missing_file_is_a_usage_error_naming_the_option() {
        Run unknown = pumpauth("policy", "impact", "--from", "nia-cg-310@2020-01-01", "--to", twentyWeeks.toString());
        Run missing = pumpauth("policy", "impact", "--from", "nia-cg-310@2024-01-01", "--to", "no-such-policy.yaml");

        assertThat(unknown.status).isEqualTo(2);
        assertThat(unknown.err).isEqualTo("""
                pumpauth policy impact: --from: no version of nia-cg-310 is in force on 2020-01-01; versions: 2023-01-01, 2023-07-01, 2024-01-01
                Try 'pumpauth policy impact --help' for more information.
                """);
        assertThat(missing.status).isEqualTo(2);
        assertThat(missing.err).isEqualTo("""
                pumpauth policy impact: --to: no such file: no-such-policy.yaml
                Try 'pumpauth policy impact --help' for more information.
                """);
    }

    @Test
    void a_change_of_pathway_and_of_the_fields_asked_is_said_in_words() {
        Determination before = determination(Optional.of("implant/chronic-pain"), Outcome.INSUFFICIENT_INFORMATION,
                "psychEvaluation.completed", "pain.score");
        Determination after = determination(Optional.empty(), Outcome.INSUFFICIENT_INFORMATION,
                "pain.score", "conservativeTherapy.detailedDocumentation", "conservativeTherapy.weeks");

        assertThat(PolicyImpactCommand.changes(before, after)).containsExactly(
                "pathway  implant/chronic-pain -> (none)",
                "missing  now asked: conservativeTherapy.detailedDocumentation, conservativeTherapy.weeks",
                "missing  no longer asked: psychEvaluation.completed");
        assertThat(PolicyImpactCommand.changes(before, before)).isEmpty();
    }

    private static Determination determination(Optional<String> pathway, Outcome outcome, String... missing) {
        return new Determination("R-1", new PolicyRef("nia-cg-310", Optional.of(LocalDate.of(2024, 1, 1)), "NIA"),
                LocalDate.of(2024, 3, 18), pathway, outcome, Optional.empty(),
                java.util.Arrays.stream(missing).map(f -> new MissingInformation(f, "Send " + f)).toList(), List.of(), List.of());
    }

    private Run pumpauth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString().replace(dir + "/", ""), err.toString().replace(dir + "/", ""));
    }
}
