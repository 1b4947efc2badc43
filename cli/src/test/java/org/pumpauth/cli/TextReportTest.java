package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.node.BooleanNode;
import org.junit.jupiter.api.Test;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.FactValue;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.PolicyRef;
import org.pumpauth.determination.ProposedFact;
import org.pumpauth.determination.Result;
import org.pumpauth.notes.Span;

class TextReportTest {
    private static final String LONG_TEXT = "Documentation of a successful trial of intraspinal (intrathecal or epidural)"
            + " opioid medication administered as a bolus or by continuous infusion providing at least 50% pain"
            + " relief with tolerable side effects";

    @Test
    void whole_numbers_print_without_a_decimal_point_and_fractions_keep_theirs() {
        assertThat(TextReport.value(8.0)).isEqualTo("8");
        assertThat(TextReport.value(7.5)).isEqualTo("7.5");
        assertThat(TextReport.value(100.0)).isEqualTo("100");
        assertThat(TextReport.value(List.of(12.0, 0.25))).isEqualTo("[12, 0.25]");
        assertThat(TextReport.value("no-meaningful-improvement")).isEqualTo("no-meaningful-improvement");
        assertThat(TextReport.value(true)).isEqualTo("true");
    }

    @Test
    void a_fact_the_request_does_not_state_reads_not_stated() {
        CriterionResult node = leaf("pain.score", Result.UNKNOWN, FactValue.unknown("pain.score"));

        assertThat(facts(node)).containsExactly("pain.score not stated");
    }

    @Test
    void facts_of_one_list_element_share_a_line_after_the_count_of_elements() {
        CriterionResult node = leaf("implant.opioid-trial", Result.MET,
                FactValue.known("intraspinalTrials", 2),
                FactValue.known("intraspinalTrials[1].route", "intrathecal"),
                FactValue.known("intraspinalTrials[1].reliefPercent", 60.0),
                FactValue.unknown("intraspinalTrials[1].sideEffectsTolerable"));

        assertThat(facts(node)).containsExactly(
                "intraspinalTrials: 2 listed",
                "intraspinalTrials[1]: route = intrathecal, reliefPercent = 60, sideEffectsTolerable not stated");
    }

    @Test
    void an_empty_list_reads_none_listed() {
        CriterionResult node = leaf("additional-trials.first", Result.MET, FactValue.known("intraspinalTrials", List.of()));

        assertThat(facts(node)).containsExactly("intraspinalTrials: none listed");
    }

    @Test
    void report_shows_the_outcome_action_pathway_and_the_marked_criteria() {
        String report = TextReport.render("a.json", determination(Outcome.DOES_NOT_MEET_CRITERIA, Result.NOT_MET,
                List.of(leaf("pain.score", Result.NOT_MET, FactValue.known("pain.score", 4.0))), List.of()));

        assertThat(report)
                .startsWith("== a.json: nia-cg-310@2024-01-01\n")
                .contains("Outcome    DOES_NOT_MEET_CRITERIA (action: physician-review)\n")
                .contains("Pathway    implant/chronic-pain: Permanently implanted infusion pump\n")
                .contains("  NOT MET  pain.score text [pain.score]\n")
                .contains("             pain.score = 4\n")
                .doesNotContain("4.0");
    }

    @Test
    void no_line_of_the_report_is_wider_than_the_terminal_width_and_long_criteria_are_kept_whole() {
        CriterionResult trial = new CriterionResult("implant.opioid-trial", LONG_TEXT, Result.UNKNOWN,
                List.of(FactValue.unknown("intraspinalTrials[0].sideEffectsTolerable")), "000.txt § X",
                Optional.of("N24-3: the trial must still be of an opioid. G6: the latest intrathecal or epidural opioid"
                        + " trial counts, whatever came before it."),
                List.of(), Optional.empty(), List.of());
        String report = TextReport.render("a.json", determination(Outcome.INSUFFICIENT_INFORMATION, Result.UNKNOWN,
                List.of(trial), List.of(new MissingInformation("intraspinalTrials[].sideEffectsTolerable",
                        "Document whether the side effects of the intraspinal trial were tolerable, and how they were"
                                + " managed during the trial."))));

        assertThat(report.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Wrap.WIDTH));
        assertThat(report.replaceAll("\\s+", " "))
                .contains(LONG_TEXT + " [implant.opioid-trial]")
                .contains("Note: N24-3: the trial must still be of an opioid.")
                .contains("- Document whether the side effects of the intraspinal trial were tolerable, and how they"
                        + " were managed during the trial. [intraspinalTrials[].sideEffectsTolerable]")
                .doesNotContain("...");
    }

    @Test
    void an_alternative_a_met_criterion_did_not_need_is_marked_not_needed_without_its_facts() {
        CriterionResult severity = new CriterionResult("pain.severity", "severity", Result.MET, List.of(), "", Optional.empty(),
                List.of(), Optional.empty(), List.of(
                        leaf("pain.functional-disability", Result.UNKNOWN, FactValue.unknown("pain.functionalDisability")),
                        leaf("pain.score", Result.MET, FactValue.known("pain.score", 8.0))));

        String report = TextReport.render("a.json", determination(Outcome.MEETS_CRITERIA, Result.MET, List.of(severity), List.of()));

        assertThat(report)
                .contains("Criteria   (- = not needed, another option is met)\n")
                .contains("    -        pain.functional-disability text [pain.functional-disability]\n")
                .doesNotContain("pain.functionalDisability not stated")
                .contains("    MET      pain.score text [pain.score]\n");
    }

    @Test
    void a_criterion_sent_to_individual_review_is_marked_review_and_the_legend_explains_it() {
        CriterionResult other = new CriterionResult("device.other-reason", "Other medical reason", Result.UNKNOWN,
                List.of(FactValue.known("existingDevice.otherMedicalReason", "stated")), "", Optional.empty(), List.of(),
                Optional.of(Outcome.CASE_BY_CASE), List.of());

        String report = TextReport.render("a.json", determination(Outcome.CASE_BY_CASE, Result.UNKNOWN, List.of(other), List.of()));

        assertThat(report)
                .contains("REVIEW = for individual review")
                .contains("  REVIEW   Other medical reason [device.other-reason]\n");
    }

    @Test
    void a_determination_without_criteria_prints_no_criteria_section() {
        Determination d = new Determination("R-1", new PolicyRef("nia-cg-310", Optional.empty(), "NIA"),
                LocalDate.of(2019, 1, 1), Optional.empty(), Outcome.NOT_ADDRESSED, Optional.empty(), List.of(),
                List.of("No version of nia-cg-310 was in force on the service date 2019-01-01."), List.of());

        assertThat(TextReport.render("a.json", d))
                .startsWith("== a.json: nia-cg-310\n")
                .contains("Pathway    none\n")
                .doesNotContain("Criteria")
                .contains("Reasons\n  - No version of nia-cg-310 was in force on the service date 2019-01-01.\n");
    }

    @Test
    void proposals_from_the_notes_print_per_criterion_with_the_note_s_words_and_the_outcome_if_confirmed() {
        String note = "Seen today. Psychological evaluation completed.";
        Determination plain = determination(Outcome.INSUFFICIENT_INFORMATION, Result.UNKNOWN,
                List.of(leaf("psychological-assessment", Result.UNKNOWN, FactValue.unknown("psychEvaluation.completed"))),
                List.of());
        Determination d = plain.withProposals(List.of(new ProposedFact("psychological-assessment",
                "psychEvaluation.completed", BooleanNode.TRUE, "affirmed", "notes[1]", List.of(Span.of(note, 12, 47)))),
                Outcome.MEETS_CRITERIA, List.of());

        assertThat(TextReport.render("a.json", d)).endsWith("""
                Proposed by the notes (not counted until a reviewer confirms them)
                  [psychological-assessment]
                    - psychEvaluation.completed = true (affirmed)
                        notes[1] 12-47: "Psychological evaluation completed."
                  Outcome if confirmed: MEETS_CRITERIA
                """);
        assertThat(TextReport.render("a.json", plain)).doesNotContain("Proposed");
    }

    /** The fact lines as printed ({@link Wrap#KEEP} binds words that are printed with a space). */
    private static List<String> facts(CriterionResult node) {
        return TextReport.facts(node).stream().map(line -> line.replace(Wrap.KEEP, ' ')).toList();
    }

    private static CriterionResult leaf(String id, Result result, FactValue... facts) {
        return new CriterionResult(id, id + " text", result, List.of(facts), "000.txt § X", Optional.empty(), List.of(),
                Optional.empty(), List.of());
    }

    private static Determination determination(Outcome outcome, Result rootResult, List<CriterionResult> children,
            List<MissingInformation> missing) {
        CriterionResult root = new CriterionResult("implant/chronic-pain", "Permanently implanted infusion pump", rootResult,
                List.of(), "000.txt § X", Optional.empty(), List.of(), Optional.empty(), children);
        return new Determination("R-1", new PolicyRef("nia-cg-310", Optional.of(LocalDate.of(2024, 1, 1)), "NIA"),
                LocalDate.of(2024, 3, 18), Optional.of("implant/chronic-pain"), outcome, Optional.of(root), missing,
                List.of(), List.of());
    }
}
