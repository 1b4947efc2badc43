package org.pumpauth.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.compile.PolicyCompiler;
import org.pumpauth.policy.PolicyVersion;

class PolicyDiffTest {
    private static final String BEFORE = """
            policy: demo
            version: 2020-01-01
            title: Demo
            payer: Demo plan
            source: demo.txt
            pathways:
              - id: implant
                text: Permanent pump
                cite: PUMP
                when: {kind: [implant]}
                criteria:
                  - id: score
                    text: Pain at least 6
                    fact: pain.score
                    atLeast: 6
                  - id: psych
                    text: Psychological evaluation
                    fact: psychEvaluation.completed
                    is: true
              - id: refill
                text: Refills are not addressed
                cite: PUMP
                when: {kind: [refill]}
                outcome: NOT_ADDRESSED
            """;

    @Test
    void a_threshold_change_an_added_and_a_removed_criterion_are_reported() {
        String after = BEFORE.replace("version: 2020-01-01", "version: 2021-01-01")
                .replace("atLeast: 6", "greaterThan: 6")
                .replace("id: psych", "id: opioid-naive")
                .replace("text: Psychological evaluation", "text: Not opioid-naive")
                .replace("fact: psychEvaluation.completed", "fact: opioidNaive")
                .replace("is: true", "is: false");
        PolicyDiff diff = PolicyDiff.between(compile(BEFORE), compile(after));

        assertThat(diff.changes()).extracting(Change::kind, Change::criterion, Change::parts).containsExactly(
                tuple(Change.Kind.CHANGED, Optional.of("score"), List.of("logic")),
                tuple(Change.Kind.REMOVED, Optional.of("psych"), List.of()),
                tuple(Change.Kind.ADDED, Optional.of("opioid-naive"), List.of()));
        assertThat(diff.changes().get(0).before()).hasValueSatisfying(b -> assertThat(b).contains("pain.score >= 6"));
        assertThat(diff.changes().get(0).after()).hasValueSatisfying(a -> assertThat(a).contains("pain.score > 6"));
    }

    @Test
    void a_pathway_that_gains_criteria_instead_of_an_outcome_is_a_change_to_the_pathway() {
        String after = BEFORE.replace("version: 2020-01-01", "version: 2021-01-01").replace("    outcome: NOT_ADDRESSED\n",
                "    criteria:\n      - id: refill-reason\n        text: A refill\n"
                        + "        fact: service.programmablePump\n        is: true\n");
        PolicyDiff diff = PolicyDiff.between(compile(BEFORE), compile(after));

        assertThat(diff.changes()).extracting(Change::kind, Change::pathway, Change::criterion).containsExactly(
                tuple(Change.Kind.CHANGED, "refill", Optional.empty()),
                tuple(Change.Kind.ADDED, "refill", Optional.of("refill-reason")));
    }

    @Test
    void identical_versions_have_no_changes() {
        assertThat(PolicyDiff.between(compile(BEFORE), compile(BEFORE)).changes()).isEmpty();
    }

    private static PolicyVersion compile(String yaml) {
        return PolicyCompiler.compile("demo.yaml", yaml);
    }
}
