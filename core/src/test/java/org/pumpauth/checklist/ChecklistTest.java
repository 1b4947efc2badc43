package org.pumpauth.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.policy.DocumentationItem;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.InvalidRequestException;

class ChecklistTest {
    private final PolicyVersion nia2024 = PolicyRegistry.builtIn().select("nia-cg-310@2024-01-01").version().orElseThrow();

    @Test
    void an_implant_for_chronic_pain_asks_for_every_fact_its_criteria_read() {
        Checklist checklist = Checklist.of(nia2024, "implant", "chronic-noncancer-pain").orElseThrow();

        assertThat(checklist.pathway().id()).isEqualTo("implant/chronic-pain");
        assertThat(checklist.items()).extracting(Checklist.Item::criterion).containsExactly(
                "scope.intraspinal", "non-terminal", "pain.severity", "pain.conservative-therapy",
                "implant.systemic-medication", "implant.opioid-trial", "psychological-assessment", "contraindications");
        Checklist.Item trial = checklist.items().stream().filter(i -> i.criterion().equals("implant.opioid-trial"))
                .findFirst().orElseThrow();
        assertThat(trial.documentation()).extracting(MissingInformation::field)
                .contains("intraspinalTrials", "intraspinalTrials[].reliefPercent", "intraspinalTrials[].sideEffectsTolerable");
        assertThat(trial.documentation()).allSatisfy(doc -> assertThat(doc.request()).isNotBlank().doesNotStartWith("Provide"));
    }

    @Test
    void a_trial_checklist_does_not_ask_for_contraindications() {
        Checklist checklist = Checklist.of(nia2024, "trial", "spasticity").orElseThrow();

        assertThat(checklist.items()).extracting(Checklist.Item::criterion).doesNotContain("contraindications");
    }

    @Test
    void blue_shields_own_documentation_list_keeps_the_history_and_physical_items_beneath_it() {
        PolicyVersion bsc = PolicyRegistry.builtIn().select("bsc-7.01.41@2019-05-01").version().orElseThrow();
        Checklist checklist = Checklist.of(bsc, "implant", "chronic-noncancer-pain").orElseThrow();

        assertThat(checklist.policyDocumentation()).extracting(DocumentationItem::text).containsExactly(
                "History and physical and/or consultation notes including:",
                "Pertinent physician progress notes",
                "Other pertinent multidisciplinary notes/reports: (e.g., psychological or psychiatric evaluation, physical therapy, multidisciplinary pain management)",
                "Make/Model of intrathecal implantable infusion device and FDA approved indications",
                "Post Service");
        DocumentationItem history = checklist.policyDocumentation().get(0);
        assertThat(history.items()).hasSize(7);
        assertThat(history.items().get(0).text()).isEqualTo("Patient's life expectancy (for chronic pain only)");
        assertThat(history.items().get(6).text()).isEqualTo("Medication requested for the intrathecal infusion pump");
        assertThat(checklist.policyDocumentation().get(4).items()).extracting(DocumentationItem::text)
                .containsExactly("Procedure report(s)");
    }

    @Test
    void a_kind_or_indication_outside_the_contract_names_the_allowed_values() {
        assertThatThrownBy(() -> Checklist.of(nia2024, "implnt", "pain"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("kind: must be one of: trial, implant, replacement")
                .hasMessageContaining("indication: must be one of: chronic-noncancer-pain");
    }
}
