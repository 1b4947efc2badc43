package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line end to end, through the real launcher {@code ./pumpauth} and the packaged jar
 * (failsafe runs this after {@code package}). Bad inputs are written to a temporary folder: nothing
 * under the repository is touched, so the launcher never sees stale sources and never rebuilds.
 */
class LauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();
    private static final String EXAMPLE = "examples/nia-implant-chronic-pain.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An implant request that leaves the psychological assessment and contraindications unstated. */
    private static final String INSUFFICIENT = """
            {"requestId": "IT-INSUFFICIENT", "policy": "nia-cg-310", "serviceDate": "2024-04-02",
             "service": {"kind": "implant", "route": "intrathecal", "drug": {"name": "morphine", "class": "opioid"}},
             "indication": {"category": "chronic-noncancer-pain", "terminal": false},
             "pain": {"score": 7.5},
             "conservativeTherapy": {"weeks": 14, "regionSpecific": true, "outcome": "worsened"},
             "medicationTrials": [{"class": "opioid", "route": "oral", "weeks": 13, "outcome": "failed"}],
             "intraspinalTrials": [{"route": "intrathecal", "drugClass": "opioid", "reliefPercent": 55,
                                    "sideEffectsTolerable": true}]}
            """;

    /** An implant request with too little pain and a trial that gave 30% relief; no policy named. */
    private static final String NOT_MET = """
            {"requestId": "IT-NOT-MET", "serviceDate": "2024-05-10",
             "service": {"kind": "implant", "route": "intrathecal"},
             "indication": {"category": "chronic-noncancer-pain", "terminal": false},
             "pain": {"score": 4, "functionalDisability": false},
             "conservativeTherapy": {"weeks": 16, "regionSpecific": true, "outcome": "worsened"},
             "medicationTrials": [{"class": "opioid", "route": "oral", "weeks": 14, "outcome": "failed"}],
             "intraspinalTrials": [{"route": "intrathecal", "drugClass": "opioid", "reliefPercent": 30,
                                    "sideEffectsTolerable": true}],
             "psychEvaluation": {"completed": true, "documentsCognitiveAbility": true,
                                 "documentsPhysicalCapability": true, "documentsWillingness": true},
             "contraindications": {"activeSystemicInfection": false, "activeSpinalInfection": false,
                                   "insufficientBodyHabitus": false}}
            """;

    @TempDir
    static Path dir;

    @BeforeAll
    static void the_jar_is_packaged_so_the_launcher_does_not_build() {
        assertThat(ROOT.resolve("pumpauth")).isExecutable();
        assertThat(ROOT.resolve("cli/target/pumpauth.jar")).exists();
    }

    /** The README's "Start here" shows what the first command prints: that excerpt must stay true. */
    @Test
    void the_readme_shows_the_first_lines_the_start_here_command_prints() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String start = "The first command prints:\n\n```\n";
        int from = readme.indexOf(start);
        assertThat(from).as("the README's excerpt of the first command's output").isNotNegative();
        List<String> shown = new ArrayList<>(List.of(
                readme.substring(from + start.length(), readme.indexOf("```", from + start.length())).split("\n")));
        assertThat(shown.remove(shown.size() - 1)).isEqualTo("  ...");

        Run run = pumpauth("evaluate", EXAMPLE);
        assertThat(run.status).isZero();
        assertThat(run.out.split("\n")).startsWith(shown.toArray(String[]::new));
    }

    @Test
    void evaluate_prints_a_readable_report_with_outcome_pathway_marked_criteria_and_facts() {
        Run run = pumpauth("evaluate", EXAMPLE);

        assertThat(run.status).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.out)
                .startsWith("== " + EXAMPLE + ": nia-cg-310@2024-01-01\n")
                .contains("Request    EX-NIA-IMPLANT-PAIN-1, service date 2024-03-18")
                .contains("Outcome    MEETS_CRITERIA (action: approve)")
                .contains("Pathway    implant/chronic-pain: Permanently implanted infusion pump")
                .containsPattern("(?m)^  MET +Intraspinal \\(intrathecal or epidural\\) drug delivery \\[scope.intraspinal]$")
                .containsPattern("(?m)^    MET +Persistent pain level of >= 6 .* \\[pain.score]$")
                .contains("pain.score = 8\n")
                .contains("conservativeTherapy: weeks = 16, regionSpecific = true")
                .doesNotContain("8.0")
                .doesNotContain("Missing information");
        assertThat(run.out.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Wrap.WIDTH));
    }

    @Test
    void evaluate_reports_what_is_missing_when_the_request_leaves_criteria_unknown() {
        Run run = pumpauth("evaluate", write("insufficient.json", INSUFFICIENT));

        assertThat(run.status).isZero();
        assertThat(run.out)
                .contains("Outcome    INSUFFICIENT_INFORMATION (action: request-information)")
                .contains("? = not known")
                .containsPattern("(?m)^  \\? +Documentation of a completed psychological assessment")
                .contains("psychEvaluation: completed not stated")
                .contains("pain.score = 7.5")
                .contains("Missing information\n")
                .containsPattern("(?m)^  - State whether the patient has an active systemic infection\\."
                        + "\\s+\\[contraindications\\.activeSystemicInfection]$")
                .contains("[psychEvaluation.completed]");
    }

    @Test
    void evaluate_marks_the_criteria_not_met_and_gives_the_reasons() {
        Run run = pumpauth("evaluate", "--policy", "nia-cg-310", write("not-met.json", NOT_MET));

        assertThat(run.status).isZero();
        assertThat(run.out)
                .contains("Outcome    DOES_NOT_MEET_CRITERIA (action: physician-review)")
                .containsPattern("(?m)^  NOT MET +Pain causing functional disability")
                .containsPattern("(?m)^  NOT MET +Documentation of a successful trial of intraspinal")
                .contains("reliefPercent = 30")
                .contains("Note: N24-3")
                .contains("Reasons\n  - Not met: ");
    }

    @Test
    void evaluate_json_prints_one_determination_per_line_in_input_order() throws IOException {
        String insufficient = write("order-insufficient.json", INSUFFICIENT);
        Run run = pumpauth("evaluate", "--json", insufficient, EXAMPLE, insufficient);

        assertThat(run.status).isZero();
        List<JsonNode> lines = parseLines(run.out);
        assertThat(lines).extracting(d -> d.get("requestId").asText())
                .containsExactly("IT-INSUFFICIENT", "EX-NIA-IMPLANT-PAIN-1", "IT-INSUFFICIENT");
        assertThat(lines).extracting(d -> d.get("outcome").asText())
                .containsExactly("INSUFFICIENT_INFORMATION", "MEETS_CRITERIA", "INSUFFICIENT_INFORMATION");
        JsonNode met = lines.get(1);
        assertThat(met.at("/policy/id").asText()).isEqualTo("nia-cg-310");
        assertThat(met.at("/policy/version").asText()).isEqualTo("2024-01-01");
        assertThat(met.get("pathway").asText()).isEqualTo("implant/chronic-pain");
        assertThat(met.get("action").asText()).isEqualTo("approve");
        assertThat(met.at("/criteria/children/0/id").asText()).isEqualTo("scope.intraspinal");
        assertThat(lines.get(0).get("missingInformation")).extracting(m -> m.get("field").asText())
                .contains("psychEvaluation.completed", "contraindications.activeSystemicInfection");
    }

    @Test
    void a_named_policy_version_applies_to_a_request_that_names_none() throws IOException {
        Run run = pumpauth("evaluate", "--json", "--policy", "nia-cg-310@2024-01-01", write("named.json", NOT_MET));

        assertThat(run.status).isZero();
        JsonNode d = single(parseLines(run.out));
        assertThat(d.at("/policy/version").asText()).isEqualTo("2024-01-01");
        assertThat(d.get("outcome").asText()).isEqualTo("DOES_NOT_MEET_CRITERIA");
    }

    @Test
    void a_repeated_policy_option_gives_one_determination_per_policy_named() throws IOException {
        Run run = pumpauth("evaluate", "--json", "--policy", "nia-cg-310", "-p", "nia-cg-310@2024-06-30", EXAMPLE);

        assertThat(run.status).isZero();
        assertThat(parseLines(run.out)).hasSize(2).allSatisfy(d -> {
            assertThat(d.get("requestId").asText()).isEqualTo("EX-NIA-IMPLANT-PAIN-1");
            assertThat(d.at("/policy/id").asText()).isEqualTo("nia-cg-310");
            assertThat(d.get("outcome").asText()).isEqualTo("MEETS_CRITERIA");
        });
    }

    @Test
    void a_dash_reads_the_request_from_standard_input() throws IOException {
        Run json = pumpauthWithInput(INSUFFICIENT, "evaluate", "--json", "-");
        Run text = pumpauthWithInput(Files.readString(ROOT.resolve(EXAMPLE)), "evaluate", "-");

        assertThat(json.status).isZero();
        assertThat(single(parseLines(json.out)).get("requestId").asText()).isEqualTo("IT-INSUFFICIENT");
        assertThat(text.status).isZero();
        assertThat(text.out).startsWith("== <stdin>: nia-cg-310@2024-01-01\n").contains("MEETS_CRITERIA");
    }

    @Test
    void an_invalid_file_is_reported_by_field_on_stderr_and_the_other_files_are_still_evaluated() throws IOException {
        String invalid = write("invalid.json", """
                {"requestId": "IT-INVALID", "service": {"kind": "implantt"}, "pain": {"score": 42}}
                """);
        String broken = write("broken.json", "{ \"requestId\": ");

        Run run = pumpauth("evaluate", "--json", invalid, EXAMPLE, broken);

        assertThat(run.status).isEqualTo(2);
        assertThat(single(parseLines(run.out)).get("requestId").asText()).isEqualTo("EX-NIA-IMPLANT-PAIN-1");
        assertThat(run.err)
                .contains(invalid + ": service.kind: is not an allowed value; allowed: trial, implant, replacement")
                .contains(invalid + ": pain.score: must be a number from 0 to 10")
                .contains(broken + ": not valid JSON");
        // Errors name the field, never the value the request gave.
        assertThat(run.err.replace(invalid, "FILE").replace(broken, "FILE")).doesNotContain("implantt").doesNotContain("42");
        assertThat(run.err.lines()).allSatisfy(line -> assertThat(line).matches("^\\S+: \\S.*"));
    }

    @Test
    void a_missing_file_is_reported_and_the_other_files_are_still_evaluated() {
        String missing = dir.resolve("no-such-request.json").toString();

        Run run = pumpauth("evaluate", missing, EXAMPLE);

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).isEqualTo(missing + ": no such file\n");
        assertThat(run.out).contains("EX-NIA-IMPLANT-PAIN-1").contains("MEETS_CRITERIA");
    }

    @Test
    void a_request_no_policy_applies_to_is_reported_rather_than_skipped_in_silence() {
        String early = write("early.json", """
                {"requestId": "IT-EARLY", "serviceDate": "2001-01-01", "service": {"kind": "implant"}}
                """);

        Run run = pumpauth("evaluate", early);

        assertThat(run.status).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).startsWith(early + ": no policy has a version in force on 2001-01-01;"
                + " name one with --policy (known: ").contains("nia-cg-310");
    }

    @Test
    void an_unknown_policy_is_a_usage_error_naming_the_known_policies() {
        Run run = pumpauth("evaluate", "--policy", "nia-cg-999", EXAMPLE);

        assertThat(run.status).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err)
                .startsWith("pumpauth evaluate: --policy: unknown policy 'nia-cg-999'; known: ").contains("nia-cg-310")
                .contains("Try 'pumpauth evaluate --help'");
    }

    @Test
    void a_policy_date_before_every_version_is_a_usage_error_listing_the_versions() {
        Run run = pumpauth("evaluate", "--policy", "nia-cg-310@2020-01-01", EXAMPLE);

        assertThat(run.status).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("no version of nia-cg-310 is in force on 2020-01-01; versions: 2023-01-01,")
                .contains("2024-01-01");
    }

    @Test
    void policies_lists_each_version_with_its_effective_date_and_title() {
        Run run = pumpauth("policies");

        assertThat(run.status).isZero();
        assertThat(run.out.lines().findFirst()).hasValueSatisfying(header ->
                assertThat(header).contains("POLICY").contains("VERSION").contains("TITLE"));
        assertThat(run.out).containsPattern(
                "(?m)^nia-cg-310 +2024-01-01 +\\S+ +NIA_CG_310 Implantable Infusion Pump Insertion$");
    }

    @Test
    void policy_show_prints_the_criteria_with_citations_and_interpretation_notes() {
        Run run = pumpauth("policy", "show", "nia-cg-310@2024-01-01");

        assertThat(run.status).isZero();
        assertThat(run.out)
                .startsWith("nia-cg-310@2024-01-01  NIA_CG_310 Implantable Infusion Pump Insertion\n")
                .contains("Pathway implant/chronic-pain:")
                .contains("- pain.severity: ")
                .contains("- implant.opioid-trial: ")
                .contains("- contraindications.body-habitus: ")
                .contains("cites:   000_ade0b84dfbdd6f77.txt § PERMANENTLY IMPLANTED INFUSION PUMP")
                .containsPattern("reading: N24-2: ")
                .contains("if not met: NOT_ADDRESSED");
        assertThat(run.out.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Wrap.WIDTH));
    }

    @Test
    void checklist_prints_the_policys_own_documentation_list_with_its_sub_items_indented_beneath_their_entry() throws IOException {
        Run run = pumpauth("checklist", "--policy", "bsc-7.01.41", "--kind", "implant", "--indication", "chronic-noncancer-pain");
        Run json = pumpauth("checklist", "--policy", "bsc-7.01.41", "--kind", "implant", "--indication", "chronic-noncancer-pain", "--json");

        assertThat(run.status).isZero();
        assertThat(run.out).contains("""
                The policy's own documentation list:
                  - History and physical and/or consultation notes including:
                      - Patient's life expectancy (for chronic pain only)
                """).contains("""
                      - Medication requested for the intrathecal infusion pump
                  - Pertinent physician progress notes
                """).endsWith("""
                  - Post Service
                      - Procedure report(s)
                """);
        JsonNode history = JSON.readTree(json.out).get("policyDocumentation").get(0);
        assertThat(history.get("text").asText()).isEqualTo("History and physical and/or consultation notes including:");
        assertThat(history.get("items")).hasSize(7);
    }

    @Test
    void policy_show_of_an_unknown_policy_is_a_usage_error() {
        Run run = pumpauth("policy", "show", "nia-cg-999");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).startsWith("pumpauth policy show: unknown policy 'nia-cg-999'; known: ").contains("nia-cg-310");
    }

    @Test
    void policies_from_the_repository_folder_can_be_tried_as_the_policy_readme_shows() {
        // policies/README.md: `./pumpauth --policy-dir policies policy show <id>@<date>`; "policies" is
        // also a command name and must still be read as the folder.
        Run show = pumpauth("--policy-dir", "policies", "policy", "show", "nia-cg-310@2024-01-01");
        Run missing = pumpauth("--policy-dir", dir.resolve("no-such-folder").toString(), "policies");

        assertThat(show.status).isZero();
        assertThat(show.out).contains("- implant.opioid-trial: ");
        assertThat(missing.status).isEqualTo(2);
        assertThat(missing.out).isEmpty();
        assertThat(missing.err).startsWith("pumpauth: --policy-dir: no such directory: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "evaluate", "policies", "policy", "policy show", "keys list", "keys revoke", "letters"})
    void every_command_explains_itself_with_help(String command) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");

        Run run = pumpauth(args.toArray(String[]::new));

        assertThat(run.status).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.out).startsWith(("Usage: pumpauth " + command).strip() + " ");
    }

    @Test
    void a_mistyped_command_is_answered_with_a_suggestion() {
        Run run = pumpauth("evalute", EXAMPLE);

        assertThat(run.status).isEqualTo(2);
        // picocli names every command close to the word: evaluate first (letters is close too).
        assertThat(run.err).contains("Did you mean: pumpauth evaluate").contains("Try 'pumpauth --help'");
    }

    // --- running the launcher

    record Run(int status, String out, String err) {}

    private static Run pumpauth(String... args) {
        return pumpauthWithInput(null, args);
    }

    private static Run pumpauthWithInput(String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("pumpauth").toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin == null) {
                builder.redirectInput(new File("/dev/null"));
            }
            Process process = builder.start();
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("pumpauth " + String.join(" ", args) + " did not finish in 60 s");
            }
            Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            // Whatever goes wrong, a user never sees a stack trace.
            assertThat(run.err)
                    .as("stderr of pumpauth %s", String.join(" ", args))
                    .doesNotContain("Exception")
                    .doesNotContainPattern("(?m)^\\s+at [\\w.$]+\\(")
                    .doesNotContain("internal error")
                    .doesNotContain("building the command-line jar");
            return run;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    private static String write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content).toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<JsonNode> parseLines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                nodes.add(JSON.readTree(line));
            }
        }
        assertThat(out).as("JSON Lines end with a newline").endsWith("\n");
        return nodes;
    }

    private static JsonNode single(List<JsonNode> nodes) {
        assertThat(nodes).hasSize(1);
        return nodes.get(0);
    }
}
