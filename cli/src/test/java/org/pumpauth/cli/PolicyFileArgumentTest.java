package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analyst tries a version before it ships: {@code evaluate --policy-file FILE} and {@code diff}
 * take a policy file that is not built in, and a file that does not compile says where.
 */
class PolicyFileArgumentTest {
    private static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path policy;

    record Run(int status, String out, String err) {}

    /** The 2024 version of nia-cg-310 as a 2025 version that asks 30 weeks of conservative therapy. */
    @BeforeEach
    void a_policy_file_that_is_not_built_in() throws IOException {
        String text = Files.readString(ROOT.resolve("policies/nia-cg-310/2024-01-01.yaml"));
        String threshold = "            atLeast: 12\n          - fact: conservativeTherapy.regionSpecific\n";
        assertThat(text).containsOnlyOnce(threshold).containsOnlyOnce("version: 2024-01-01\n");
        policy = dir.resolve("nia-cg-310-2025.yaml");
        Files.writeString(policy, text.replace(threshold, threshold.replace("12", "30"))
                .replace("version: 2024-01-01\n", "version: 2025-01-01\n"));
    }

    @Test
    void evaluate_with_a_policy_file_applies_that_version_whatever_the_service_date() {
        Run run = pumpauth("evaluate", "--json", "--policy-file", policy.toString(),
                ROOT.resolve("examples/nia-implant-chronic-pain.json").toString());

        assertThat(run.err).isEmpty();
        assertThat(run.status).isZero();
        assertThat(run.out).startsWith("{\"requestId\":\"EX-NIA-IMPLANT-PAIN-1\",\"policy\":{\"id\":\"nia-cg-310\","
                + "\"version\":\"2025-01-01\",").contains("\"outcome\":\"DOES_NOT_MEET_CRITERIA\"");
    }

    @Test
    void diff_compares_a_built_in_version_with_a_file() {
        Run run = pumpauth("diff", "nia-cg-310@2024-01-01", policy.toString());

        assertThat(run.err).isEmpty();
        assertThat(run.status).isZero();
        assertThat(run.out).startsWith("== nia-cg-310@2024-01-01 -> nia-cg-310@2025-01-01 (nia-cg-310-2025.yaml): 2 changes\n"
                + "CHANGED trial/chronic-pain pain.conservative-therapy.failed-course (logic)\n");
    }

    @Test
    void policy_show_prints_the_criteria_of_a_policy_file() {
        Run run = pumpauth("policy", "show", policy.toString());

        assertThat(run.err).isEmpty();
        assertThat(run.status).isZero();
        assertThat(run.out).startsWith("nia-cg-310@2025-01-01  NIA_CG_310 Implantable Infusion Pump Insertion\n")
                .contains("logic:   all of (conservativeTherapy.weeks >= 30)");
    }

    @Test
    void a_policy_file_that_does_not_compile_prints_its_problems_and_the_status_is_2() throws IOException {
        Files.writeString(policy, Files.readString(policy).replace("atLeast: 30", "atleast: 30"));

        Run run = pumpauth("evaluate", "--policy-file", policy.toString(),
                ROOT.resolve("examples/nia-implant-chronic-pain.json").toString());

        assertThat(run.status).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).startsWith("pumpauth: the policy files do not compile:\n  nia-cg-310-2025.yaml:");
    }

    @Test
    void a_policy_file_reads_the_table_it_names_beside_it_and_check_says_when_it_is_not_there() throws IOException {
        Files.writeString(dir.resolve("demo.yaml"), """
                policy: demo
                version: 2024-01-01
                title: Demo policy
                payer: Demo payer
                source: demo.txt
                tables: {drugs: my-drugs.tsv}
                pathways:
                  - id: implant
                    text: Permanent pump
                    cite: PUMP
                    when: {kind: [implant]}
                    criteria:
                      - {id: opioid, text: An opioid, fact: service.drug.class, in: [opioid]}
                """);
        Files.writeString(dir.resolve("request.json"),
                "{\"requestId\": \"R-1\", \"serviceDate\": \"2024-03-01\", \"service\": {\"kind\": \"implant\","
                        + " \"drug\": {\"name\": \"examplamide\"}}}");

        Run missing = pumpauth("policy", "check", dir.resolve("demo.yaml").toString());
        Files.writeString(dir.resolve("my-drugs.tsv"), "name\tclass\tintrathecal\tbrand of\tsource\n"
                + "examplamide\topioid\t\t\tInvented for this test\n");
        Run run = pumpauth("evaluate", "--json", "--policy-file", dir.resolve("demo.yaml").toString(),
                dir.resolve("request.json").toString());

        assertThat(missing.status).isEqualTo(2);
        assertThat(missing.out).isEqualTo("demo.yaml:6:17: the table file 'my-drugs.tsv' (tables.drugs) is not beside the"
                + " policy file\n1 file checked: 1 problem\n");
        assertThat(run.err).isEmpty();
        assertThat(run.out).contains("\"outcome\":\"MEETS_CRITERIA\"");
    }

    private Run pumpauth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString().replace(dir + "/", ""), err.toString().replace(dir + "/", ""));
    }
}
