package org.pumpauth.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pumpauth.logic.Truth.FALSE;
import static org.pumpauth.logic.Truth.TRUE;
import static org.pumpauth.logic.Truth.UNKNOWN;

import org.junit.jupiter.api.Test;

/** Kleene's strong three-valued logic (ruling G1), checked over every value: the tables are small. */
class TruthTest {
    private static final Truth[] ALL = Truth.values();

    @Test
    void and_is_false_if_either_is_false_else_unknown_if_either_is_unknown() {
        assertThat(TRUE.and(TRUE)).isEqualTo(TRUE);
        assertThat(TRUE.and(UNKNOWN)).isEqualTo(UNKNOWN);
        assertThat(UNKNOWN.and(UNKNOWN)).isEqualTo(UNKNOWN);
        assertThat(UNKNOWN.and(FALSE)).isEqualTo(FALSE);
        assertThat(TRUE.and(FALSE)).isEqualTo(FALSE);
        assertThat(FALSE.and(FALSE)).isEqualTo(FALSE);
    }

    @Test
    void or_is_true_if_either_is_true_else_unknown_if_either_is_unknown() {
        assertThat(FALSE.or(FALSE)).isEqualTo(FALSE);
        assertThat(FALSE.or(UNKNOWN)).isEqualTo(UNKNOWN);
        assertThat(UNKNOWN.or(UNKNOWN)).isEqualTo(UNKNOWN);
        assertThat(UNKNOWN.or(TRUE)).isEqualTo(TRUE);
        assertThat(FALSE.or(TRUE)).isEqualTo(TRUE);
        assertThat(TRUE.or(TRUE)).isEqualTo(TRUE);
    }

    @Test
    void not_swaps_true_and_false_and_keeps_unknown() {
        assertThat(TRUE.not()).isEqualTo(FALSE);
        assertThat(FALSE.not()).isEqualTo(TRUE);
        assertThat(UNKNOWN.not()).isEqualTo(UNKNOWN);
    }

    @Test
    void and_and_or_are_commutative_and_associative() {
        for (Truth a : ALL) {
            for (Truth b : ALL) {
                assertThat(a.and(b)).as(a + " and " + b).isEqualTo(b.and(a));
                assertThat(a.or(b)).as(a + " or " + b).isEqualTo(b.or(a));
                for (Truth c : ALL) {
                    assertThat(a.and(b).and(c)).isEqualTo(a.and(b.and(c)));
                    assertThat(a.or(b).or(c)).isEqualTo(a.or(b.or(c)));
                    assertThat(a.and(b.or(c))).as("distributive").isEqualTo(a.and(b).or(a.and(c)));
                }
            }
        }
    }

    @Test
    void de_morgan_and_double_negation_hold() {
        for (Truth a : ALL) {
            assertThat(a.not().not()).isEqualTo(a);
            for (Truth b : ALL) {
                assertThat(a.and(b).not()).isEqualTo(a.not().or(b.not()));
                assertThat(a.or(b).not()).isEqualTo(a.not().and(b.not()));
            }
        }
    }

    @Test
    void true_and_false_are_the_identities_and_unknown_is_never_collapsed() {
        for (Truth a : ALL) {
            assertThat(a.and(TRUE)).isEqualTo(a);
            assertThat(a.or(FALSE)).isEqualTo(a);
        }
        assertThat(UNKNOWN.and(UNKNOWN.not())).as("no excluded middle").isEqualTo(UNKNOWN);
        assertThat(UNKNOWN.or(UNKNOWN.not())).isEqualTo(UNKNOWN);
    }

    @Test
    void filling_in_an_unknown_never_turns_a_known_result_into_the_other() {
        // Monotonicity of and/or/not in the information order UNKNOWN < TRUE, FALSE.
        for (Truth a : ALL) {
            for (Truth b : ALL) {
                for (Truth filled : new Truth[] {TRUE, FALSE}) {
                    if (a == UNKNOWN) {
                        assertKeeps(a.and(b), filled.and(b));
                        assertKeeps(a.or(b), filled.or(b));
                        assertKeeps(a.not(), filled.not());
                    }
                }
            }
        }
    }

    private static void assertKeeps(Truth before, Truth after) {
        if (before.isKnown()) {
            assertThat(after).isEqualTo(before);
        }
    }
}
