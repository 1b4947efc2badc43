package org.pumpauth.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.pumpauth.logic.Truth;
import org.pumpauth.policy.Compare;
import org.pumpauth.policy.DerivedFact;
import org.pumpauth.policy.Evaluation;
import org.pumpauth.policy.Meta;
import org.pumpauth.policy.Operator;
import org.pumpauth.request.RequestReader;

/** {@code policies/terminology/thresholds.tsv}: the figures derived facts use are data, with their rulings. */
class ThresholdsTest {
    private static final Path DIR = Path.of("../policies/terminology");
    private static final String HEADER = "threshold\tvalue\tunit\tsource\n";

    private static Terminology with(String thresholds) throws IOException {
        return Terminology.parse(Files.readString(DIR.resolve("drugs.tsv")), Files.readString(DIR.resolve("code-facts.tsv")),
                Files.readString(DIR.resolve("diagnoses.tsv")), thresholds);
    }

    private static Truth terminal(Terminology tables, int lifeExpectancyMonths) {
        String json = "{\"requestId\": \"R\", \"service\": {\"kind\": \"implant\"},"
                + " \"indication\": {\"lifeExpectancyMonths\": " + lifeExpectancyMonths + "}}";
        Evaluation evaluation = new Evaluation(new RequestReader().read(json), LocalDate.of(2024, 6, 1), tables);
        return new Compare(Meta.INLINE, DerivedFact.TERMINAL, Operator.IS, Boolean.TRUE).test(evaluation);
    }

    @Test
    void the_shipped_table_gives_g5s_six_months() {
        assertThat(Terminology.builtIn().thresholds().terminalLifeExpectancyMonths()).isEqualTo(6.0);
    }

    @ParameterizedTest(name = "{0} months: terminal {1} under G5, {2} with a 3-month threshold")
    @CsvSource({"2, TRUE, TRUE", "3, TRUE, TRUE", "4, TRUE, FALSE", "6, TRUE, FALSE", "7, FALSE, FALSE"})
    void terminal_reads_its_threshold_from_the_table(int months, Truth underG5, Truth underThree) throws IOException {
        assertThat(terminal(Terminology.builtIn(), months)).isEqualTo(underG5);
        assertThat(terminal(with(HEADER + "terminal.lifeExpectancyMonths.atMost\t3\tmonths\ta test's own figure\n"), months))
                .isEqualTo(underThree);
    }

    @Test
    void a_malformed_thresholds_table_names_its_line_and_what_is_allowed() {
        assertThatThrownBy(() -> with(HEADER + "terminal.months\t6\tmonths\tG5\n"))
                .isInstanceOf(TerminologyException.class)
                .satisfies(e -> assertThat(((TerminologyException) e).problems()).containsExactly(
                        "thresholds.tsv:2: unknown threshold 'terminal.months'; known: terminal.lifeExpectancyMonths.atMost",
                        "thresholds.tsv:1: no row for 'terminal.lifeExpectancyMonths.atMost'"));
        assertThatThrownBy(() -> with(HEADER + "terminal.lifeExpectancyMonths.atMost\tsix\tmonths\tG5\n"))
                .hasMessage("thresholds.tsv:2: value must be a number\nthresholds.tsv:1: no row for 'terminal.lifeExpectancyMonths.atMost'");
    }
}
