package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pumpauth policy test DIR}: an analyst's cases, run under the policies they name or under a
 * policy file that is not built in, PASS or FAIL each, and for a failure exactly what differs.
 */
class PolicyTestCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();
    private static final Path NCD_CASES = ROOT.resolve("core/src/test/resources/cases/cms-ncd-280.14");
    private static final Path NCD_POLICY = ROOT.resolve("policies/cms-ncd-280.14/2004-12-17.yaml");

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    @Test
    void the_shipped_cases_of_a_policy_pass_under_the_policy_their_folders_name() {
        Run run = pumpauth("policy", "test", NCD_CASES.toString());

        assertThat(run.err).isEmpty();
        assertThat(run.status).isZero();
        assertThat(run.out).startsWith("PASS  cms-ncd-280.14/2004-12-17/chemotherapy-")
                .contains("PASS  cms-ncd-280.14/2004-12-17/pain-meets\n")
                .endsWith("\n41 cases: 41 passed, 0 failed\n");
    }

    @Test
    void a_failing_case_is_reported_with_each_difference_and_the_status_is_1() throws IOException {
        Path version = Files.createDirectories(dir.resolve("my-cases/cms-ncd-280.14/2004-12-17"));
        Files.createDirectories(version.resolve("bases"));
        Files.copy(NCD_CASES.resolve("2004-12-17/bases/pain-meets.json"), version.resolve("bases/pain-meets.json"));
        write(version.resolve("pain-meets.json"), "{'description': 'The base meets', 'exercises': [], 'base': 'pain-meets',"
                + " 'expect': {'outcome': 'MEETS_CRITERIA', 'pathway': 'implant/pain', 'missing': []}}");
        write(version.resolve("relief-45-percent.json"), "{'description': 'A trial with 45% relief is read as acceptable',"
                + " 'exercises': ['G6'], 'base': 'pain-meets',"
                + " 'patch': {'intraspinalTrials': [{'route': 'epidural', 'drugClass': 'opioid', 'reliefPercent': 45,"
                + " 'sideEffectsTolerable': true, 'patientAccepts': true}], 'pain': {'exaggeratingFactorsAddressed': null}},"
                + " 'expect': {'outcome': 'MEETS_CRITERIA', 'pathway': 'implant/pain', 'missing': [],"
                + " 'criteria': {'ncd.pain.preliminary-trial': 'MET'}}}");

        Run run = pumpauth("policy", "test", dir.resolve("my-cases").toString());

        assertThat(run.err).isEmpty();
        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).isEqualTo("""
                PASS  my-cases/cms-ncd-280.14/2004-12-17/pain-meets
                FAIL  my-cases/cms-ncd-280.14/2004-12-17/relief-45-percent: A trial with 45% relief is read as acceptable
                        outcome: expected MEETS_CRITERIA, got DOES_NOT_MEET_CRITERIA
                        missing: expected [], got [pain.exaggeratingFactorsAddressed]; asked too: pain.exaggeratingFactorsAddressed
                        criterion ncd.pain.preliminary-trial: expected MET, got NOT_MET
                2 cases: 1 passed, 1 failed
                """);
    }

    @Test
    void cases_run_under_a_policy_file_that_is_not_built_in_and_show_what_its_change_changes() throws IOException {
        Path same = write(dir.resolve("ncd-as-shipped.yaml"), Files.readString(NCD_POLICY));
        String shipped = Files.readString(NCD_POLICY);
        assertThat(shipped).contains("atLeast: 50");
        Path stricter = write(dir.resolve("ncd-60-percent.yaml"), shipped.replace("atLeast: 50", "atLeast: 60"));
        String version = NCD_CASES.resolve("2004-12-17").toString();

        Run asShipped = pumpauth("policy", "test", version, "--policy", same.toString());
        Run changed = pumpauth("policy", "test", version, "--policy", stricter.toString());

        assertThat(asShipped.status).isZero();
        assertThat(asShipped.out).endsWith("\n41 cases: 41 passed, 0 failed\n");
        assertThat(changed.status).isEqualTo(1);
        assertThat(changed.out).contains("""
                FAIL  cms-ncd-280.14/2004-12-17/pain-meets: An epidural opioid pump for cancer pain after failed oral \
                opioids and a 55% epidural trial is covered
                        outcome: expected MEETS_CRITERIA, got DOES_NOT_MEET_CRITERIA
                """, """
                FAIL  cms-ncd-280.14/2004-12-17/pain-trial-exactly-50-percent: 50% relief is acceptable (G6 reads \
                'acceptable' as at least 50%)
                        outcome: expected MEETS_CRITERIA, got DOES_NOT_MEET_CRITERIA
                """, """
                FAIL  cms-ncd-280.14/2004-12-17/pain-trial-acceptance-unknown: Patient acceptance of the trial is \
                asked for when not stated
                        outcome: expected INSUFFICIENT_INFORMATION, got DOES_NOT_MEET_CRITERIA
                        missing: expected [intraspinalTrials[].patientAccepts], got []; not asked: \
                intraspinalTrials[].patientAccepts
                """).endsWith("\n41 cases: 30 passed, 11 failed\n");
    }

    @Test
    void cases_run_under_a_built_in_version_named_by_id_and_date() {
        Run run = pumpauth("policy", "test", NCD_CASES.toString(), "--policy", "cms-ncd-280.14@2004-12-17");

        assertThat(run.status).isZero();
        assertThat(run.out).endsWith("\n41 cases: 41 passed, 0 failed\n");
    }

    @Test
    void a_policy_file_that_does_not_compile_is_reported_with_its_line_and_no_case_is_run() throws IOException {
        String shipped = Files.readString(NCD_POLICY);
        Path broken = write(dir.resolve("ncd-broken.yaml"), shipped.replace("atLeast: 50", "atLeast: fifty"));

        Run run = pumpauth("policy", "test", NCD_CASES.toString(), "--policy", broken.toString());

        assertThat(run.status).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).startsWith("pumpauth: the policy files do not compile:\n  " + broken + ":");
    }

    @Test
    void cases_that_do_not_follow_the_format_are_each_reported_and_the_status_is_2() throws IOException {
        Path cases = Files.createDirectories(dir.resolve("bad/nia-cg-310/2024-01-01"));
        write(cases.resolve("typo.json"), "{'description': 'd', 'exercises': [], 'base': 'none',"
                + " 'expect': {'outcome': 'MEETS_CRITERIA', 'mising': []}}");

        Run run = pumpauth("policy", "test", dir.resolve("bad").toString());

        assertThat(run.status).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo("""
                pumpauth policy test: the cases do not follow the case format:
                  bad/nia-cg-310/2024-01-01/typo.json: base: no bases/none.json in the case's folder or a folder above it
                  bad/nia-cg-310/2024-01-01/typo.json: expect.mising: not a member of a case; allowed: outcome, version, \
                pathway, missing, criteria, warnings
                """);
    }

    @Test
    void an_unknown_policy_or_a_missing_folder_is_a_usage_error() {
        Run unknown = pumpauth("policy", "test", NCD_CASES.toString(), "--policy", "nia-cg-999");
        Run noFile = pumpauth("policy", "test", NCD_CASES.toString(), "--policy", dir.resolve("none.yaml").toString());
        Run noDir = pumpauth("policy", "test", dir.resolve("none").toString());

        assertThat(unknown.status).isEqualTo(2);
        String help = "Try 'pumpauth policy test --help' for more information.\n";
        assertThat(unknown.err).isEqualTo("pumpauth policy test: --policy: unknown policy 'nia-cg-999'; known: bcbsnc-iip,"
                + " bsc-7.01.41, cms-ncd-280.14, cohere-ma-itp, nia-cg-310\n" + help);
        assertThat(noFile.status).isEqualTo(2);
        assertThat(noFile.err).isEqualTo("pumpauth policy test: --policy: no such file: " + dir.resolve("none.yaml") + "\n" + help);
        assertThat(noDir.status).isEqualTo(2);
        assertThat(noDir.err).isEqualTo("pumpauth policy test: no such folder: " + dir.resolve("none") + "\n" + help);
    }

    @Test
    void policy_test_explains_itself_with_help() {
        Run run = pumpauth("policy", "test", "--help");

        assertThat(run.status).isZero();
        assertThat(run.out).startsWith("Usage: pumpauth policy test [-hV] [--policy=FILE|ID[@DATE]] DIR")
                .contains("Exit status: 0 when every case passes, 1 when one fails, 2 when the cases or\nthe policy cannot be read.");
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, file.toString().endsWith(".json") ? text.replace('\'', '"') : text);
    }

    private static Run pumpauth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }
}
