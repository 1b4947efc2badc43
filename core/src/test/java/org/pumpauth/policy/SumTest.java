package org.pumpauth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.FactValue;
import org.pumpauth.determination.Result;
import org.pumpauth.policy.compile.PolicyCompiler;
import org.pumpauth.request.RequestReader;

/** {@code sum}: a total over the list elements that meet a condition (ruling N-7's 12 weeks over several courses). */
class SumTest {
    private static final String POLICY = """
            policy: demo
            version: 2024-01-01
            title: Demo
            payer: Demo
            source: demo.txt
            pathways:
              - id: implant
                text: Implant
                cite: PUMP
                when: {kind: [implant]}
                criteria:
                  - id: medication
                    text: "At least 12 weeks of opioid pain medication that failed"
                    sum: medicationTrials
                    of: weeks
                    where:
                      all:
                        - fact: class
                          in: [opioid]
                        - fact: outcome
                          in: [failed, intolerable-side-effects]
                    atLeast: 12
            """;
    private static final Criterion MEDICATION =
            PolicyCompiler.compile("demo.yaml", POLICY).pathways().get(0).criteria().get(0);

    private static CriterionResult evaluate(String courses) {
        String json = "{\"requestId\": \"R\", \"service\": {\"kind\": \"implant\"}"
                + (courses == null ? "" : ", \"medicationTrials\": [" + courses + "]") + "}";
        return new Evaluation(new RequestReader().read(json), LocalDate.of(2024, 6, 1)).trace(MEDICATION);
    }

    private static String course(String weeks, String outcome) {
        return "{\"class\": \"opioid\", \"route\": \"oral\""
                + (weeks.isEmpty() ? "" : ", \"weeks\": " + weeks)
                + (outcome.isEmpty() ? "" : ", \"outcome\": \"" + outcome + "\"") + "}";
    }

    @ParameterizedTest(name = "{0} + {1} weeks: {2}")
    @CsvSource({
        "8, 6, MET",
        "6, 6, MET",
        "12, 0, MET",
        "5, 6, NOT_MET",
    })
    void courses_of_the_kind_add_up(String first, String second, Result expected) {
        assertThat(evaluate(course(first, "failed") + "," + course(second, "intolerable-side-effects")).result())
                .isEqualTo(expected);
    }

    @Test
    void a_course_of_another_kind_or_outcome_does_not_count() {
        String nonOpioid = "{\"class\": \"non-opioid-analgesic\", \"weeks\": 10, \"outcome\": \"failed\"}";
        assertThat(evaluate(course("8", "failed") + "," + nonOpioid).result()).isEqualTo(Result.NOT_MET);
        assertThat(evaluate(course("8", "failed") + "," + course("10", "effective")).result()).isEqualTo(Result.NOT_MET);
    }

    @Test
    void an_empty_list_totals_nothing_and_an_unstated_one_is_asked_for() {
        assertThat(evaluate("").result()).isEqualTo(Result.NOT_MET);
        CriterionResult unstated = evaluate(null);
        assertThat(unstated.result()).isEqualTo(Result.UNKNOWN);
        assertThat(unstated.facts()).extracting(FactValue::field).containsExactly("medicationTrials");
    }

    @Test
    void an_unknown_figure_or_outcome_is_asked_only_while_it_could_decide() {
        CriterionResult weeksUnknown = evaluate(course("8", "failed") + "," + course("", "failed"));
        assertThat(weeksUnknown.result()).isEqualTo(Result.UNKNOWN);
        assertThat(weeksUnknown.facts()).filteredOn(f -> !f.isKnown()).extracting(FactValue::field)
                .containsExactly("medicationTrials[1].weeks");

        CriterionResult outcomeUnknown = evaluate(course("8", "failed") + "," + course("6", ""));
        assertThat(outcomeUnknown.result()).isEqualTo(Result.UNKNOWN);
        assertThat(outcomeUnknown.facts()).filteredOn(f -> !f.isKnown()).extracting(FactValue::field)
                .containsExactly("medicationTrials[1].outcome");

        assertThat(evaluate(course("12", "failed") + "," + course("", "")).result()).isEqualTo(Result.MET);
        assertThat(evaluate(course("2", "failed") + "," + course("3", "")).result()).isEqualTo(Result.NOT_MET);
    }

    @Test
    void the_listing_shows_the_total_and_its_condition() {
        assertThat(Describe.logic(MEDICATION))
                .isEqualTo("total weeks of medicationTrials with (all of (class in [opioid]),"
                        + " (outcome in [failed, intolerable-side-effects])) >= 12");
    }

    @Test
    void a_sum_needs_a_number_field_of_the_element() {
        assertThatThrownBy(() -> PolicyCompiler.compile("demo.yaml", POLICY.replace("of: weeks", "of: route")))
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("demo.yaml:15:13: sum adds up a number field of medicationTrials[]; 'route' is not one; number fields: weeks");
        assertThatThrownBy(() -> PolicyCompiler.compile("demo.yaml", POLICY.replaceAll("\\n *of: weeks", "")))
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("sum needs of: the number field of medicationTrials[] to add up");
    }
}
