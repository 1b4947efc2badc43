package org.pumpauth.notes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words every match of a pattern contains, so a note without them is not scanned. */
class NeedlesTest {

    @Test
    void alternatives_give_one_needle_each_and_the_longest_literal_run_is_chosen() {
        assertThat(Needles.of("(?i)\\b(no|without)\\s+(signs?\\s+of\\s+)?(pocket|site) infection\\b"))
                .containsExactly(" infection");
        assertThat(Needles.of("(?i)\\b(TFESI|ESI|nerve block)\\b")).containsExactly("tfesi", "esi", "nerve block");
        assertThat(Needles.of("(?i)\\bNKDA\\b|\\bno known (drug )?allergies\\b")).containsExactly("nkda", "no known ");
    }

    @Test
    void a_pattern_that_needs_no_literal_has_no_needles_and_is_always_scanned() {
        assertThat(Needles.of("\\b(\\d{1,2})\\s*/\\s*10\\b")).containsExactly("10");
        assertThat(Needles.of("(?i)(a|\\d+)x")).containsExactly("x");
        assertThat(Needles.of("(?i)(a|\\d+)")).isEmpty();
        assertThat(Needles.mayMatch(java.util.regex.Pattern.compile("\\d+"), "anything")).isTrue();
    }

    @Test
    void optional_parts_and_look_arounds_give_nothing() {
        assertThat(Needles.of("(?i)(?<!non[- ])\\b(cancer|malignant)[- ](related\\s+)?pain\\b")).containsExactly("cancer", "malignant");
        assertThat(Needles.of("(?i)\\b(CBT|pain psychology)\\b(?=[^.]{0,20}\\bpain\\b)")).containsExactly("cbt", "pain psychology");
    }
}
