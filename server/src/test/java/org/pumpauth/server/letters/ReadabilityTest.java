package org.pumpauth.server.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The grade-level measure the letter tests use, on texts whose grade is known. */
class ReadabilityTest {
    @Test
    void syllables_are_counted_by_vowel_groups_without_a_silent_e() {
        assertThat(Readability.syllables("pump")).isEqualTo(1);
        assertThat(Readability.syllables("decide")).isEqualTo(2);
        assertThat(Readability.syllables("medicine")).isEqualTo(3);
        assertThat(Readability.syllables("table")).isEqualTo(2);
        assertThat(Readability.syllables("1-800-555-0100")).isEqualTo(1);
    }

    @Test
    void short_plain_sentences_score_low_and_long_technical_ones_high() {
        double plain = Readability.grade(List.of("We will not pay for the pump. A doctor made this decision."));
        double technical = Readability.grade(List.of("Documentation of a successful intraspinal opioid administration providing"
                + " substantial analgesia with tolerable adverse effects is contraindicated for individuals demonstrating"
                + " psychological comorbidities necessitating additional evaluation."));

        assertThat(plain).isLessThan(4);
        assertThat(technical).isGreaterThan(20);
    }

    @Test
    void the_formula_is_flesch_kincaid() {
        // 2 sentences, 12 words, 13 syllables ("again" has two)
        assertThat(Readability.grade(List.of("The cat sat on the mat. The dog ran to it again.")))
                .isCloseTo(0.39 * 12 / 2 + 11.8 * 13 / 12 - 15.59, within(0.01));
    }
}
