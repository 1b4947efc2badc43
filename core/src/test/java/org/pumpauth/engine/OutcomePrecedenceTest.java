package org.pumpauth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pumpauth.determination.Action;
import org.pumpauth.determination.Outcome;

/** Ruling G2's order of precedence and G3's actions. */
class OutcomePrecedenceTest {

    @Test
    void the_first_outcome_in_g2s_order_prevails() {
        assertThat(List.of(Outcome.values())).containsExactly(Outcome.NOT_ADDRESSED, Outcome.INVESTIGATIONAL,
                Outcome.DOES_NOT_MEET_CRITERIA, Outcome.CASE_BY_CASE, Outcome.INSUFFICIENT_INFORMATION,
                Outcome.MEETS_CRITERIA);
        assertThat(Outcome.DOES_NOT_MEET_CRITERIA.prevailing(Outcome.INSUFFICIENT_INFORMATION))
                .isEqualTo(Outcome.DOES_NOT_MEET_CRITERIA);
        assertThat(Outcome.CASE_BY_CASE.prevailing(Outcome.NOT_ADDRESSED)).isEqualTo(Outcome.NOT_ADDRESSED);
    }

    @Test
    void precedence_is_commutative_associative_and_idempotent() {
        qt().withFixedSeed(310L).forAll(arbitrary().enumValues(Outcome.class), arbitrary().enumValues(Outcome.class),
                        arbitrary().enumValues(Outcome.class))
                .checkAssert((a, b, c) -> {
                    assertThat(a.prevailing(b)).isEqualTo(b.prevailing(a));
                    assertThat(a.prevailing(b).prevailing(c)).isEqualTo(a.prevailing(b.prevailing(c)));
                    assertThat(a.prevailing(a)).isEqualTo(a);
                    assertThat(a.prevailing(b)).isIn(a, b);
                });
    }

    @Test
    void only_criteria_met_is_approved_by_the_machine() {
        for (Outcome outcome : Outcome.values()) {
            Action expected = outcome == Outcome.MEETS_CRITERIA ? Action.APPROVE
                    : outcome == Outcome.INSUFFICIENT_INFORMATION ? Action.REQUEST_INFORMATION : Action.PHYSICIAN_REVIEW;
            assertThat(outcome.action()).as(outcome.name()).isEqualTo(expected);
        }
    }
}
