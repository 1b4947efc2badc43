package org.pumpauth.policy.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.engine.Engine;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.RequestReader;

/**
 * Which of two pathways that can both hold is taken, as the file says: with {@code after} the later
 * one is taken when the earlier is undecided; with {@code unless} only when the earlier is known
 * not to hold (a catch-all, without a hand-written {@code not:} guard).
 */
class PathwayOrderTest {
    private static final String POLICY = """
            policy: demo
            version: 2024-01-01
            title: Demo policy
            payer: Demo payer
            source: demo.txt
            pathways:
              - id: implant/pain
                text: Permanent pump for severe intractable pain
                cite: PUMP
                when: {kind: [implant], indication: [cancer-pain], if: {fact: pain.severeIntractable, is: true}}
                criteria:
                  - {id: pain, text: Severe pain, fact: pain.score, atLeast: 6}
              - id: implant/other
                text: Any other permanent pump
                cite: PUMP
                when: {kind: [implant]}
                %s: [implant/pain]
                outcome: INVESTIGATIONAL
            """;

    private static Determination evaluate(String order, String severeIntractable) {
        PolicyVersion version = PolicyCompiler.compile("demo.yaml", POLICY.formatted(order));
        String pain = severeIntractable.isEmpty() ? "" : ", \"pain\": {\"severeIntractable\": " + severeIntractable + "}";
        String json = "{\"requestId\": \"R\", \"service\": {\"kind\": \"implant\"},"
                + " \"indication\": {\"category\": \"cancer-pain\"}" + pain + "}";
        return new Engine().evaluate(new RequestReader().read(json), version, LocalDate.of(2024, 6, 1));
    }

    @ParameterizedTest(name = "{0}, severeIntractable {1}: {2} {3}")
    @CsvSource({
        "after,  true,  implant/pain,  INSUFFICIENT_INFORMATION",  // pain.score asked
        "after,  false, implant/other, INVESTIGATIONAL",
        "after,  '',    implant/other, INVESTIGATIONAL",           // the earlier undecided: the later holds
        "unless, true,  implant/pain,  INSUFFICIENT_INFORMATION",
        "unless, false, implant/other, INVESTIGATIONAL",
        "unless, '',    -,             INSUFFICIENT_INFORMATION",  // asked what decides between them
    })
    void the_file_says_which_of_two_pathways_that_both_hold_is_taken(String order, String severeIntractable,
            String pathway, String outcome) {
        Determination determination = evaluate(order, severeIntractable);
        assertThat(determination.pathway().orElse("-")).isEqualTo(pathway);
        assertThat(determination.outcome().name()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"unless"})
    void a_catch_all_asks_for_what_decides_the_earlier_pathway(String order) {
        List<String> asked = evaluate(order, "").missingInformation().stream().map(MissingInformation::field).toList();
        assertThat(asked).contains("pain.severeIntractable");
    }
}
