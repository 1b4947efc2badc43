package org.pumpauth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.Outcome;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;

/** The reasons a provider reads: why a criterion failed, and a referral said once. */
class ReasonsTest {
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();

    private static Determination example(String file, String policy) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("../examples", file));
        return new Engine().evaluate(new RequestReader().read(bytes), POLICIES.select(policy), LocalDate.of(2024, 6, 1));
    }

    @Test
    void a_criterion_not_met_says_what_the_request_stated() throws IOException {
        Determination d = example("nia-trial-pain-not-met.json", "nia-cg-310@2024-01-01");
        assertThat(d.outcome()).isEqualTo(Outcome.DOES_NOT_MEET_CRITERIA);
        assertThat(d.reasons()).anySatisfy(reason -> assertThat(reason)
                .startsWith("Not met: ")
                .contains("[pain.conservative-therapy]; the request states conservativeTherapy.weeks = 6")
                .contains("conservativeTherapy.outcome = unable-other-reason"));
    }

    @Test
    void a_failed_trial_names_its_relief_figure_not_the_length_of_the_list() throws IOException {
        Determination d = example("compare-implant-chronic-pain-differences.json", "bsc-7.01.41");
        assertThat(d.reasons()).anySatisfy(reason -> assertThat(reason)
                .contains("[implant.pain.successful-trial]")
                .contains("intraspinalTrials[0].reliefPercent = 50")
                .doesNotContain("listed"));
    }

    @Test
    void a_referral_is_a_reason_once_and_not_also_not_yet_shown() throws IOException {
        Determination d = example("nia-revision-other-reason.json", "nia-cg-310@2024-01-01");
        assertThat(d.outcome()).isEqualTo(Outcome.CASE_BY_CASE);
        assertThat(d.reasons()).containsExactly(
                "For individual review, as the policy directs: Other medical reason deemed appropriate for"
                        + " replacement, revision, or removal [device.other-reason]");
    }
}
