package org.pumpauth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * G12 for BCBSNC and NCD 280.14, over random requests: an evaluation, a trial or a course stated as
 * not done means its findings are absent, so the determination never asks for its other facts.
 */
class NotDoneIsNotAskedTest {
    private static final RequestReader READER = new RequestReader();
    private static final Engine ENGINE = new Engine();
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();
    private static final List<String> POLICY_IDS = List.of("bcbsnc-iip", "cms-ncd-280.14");

    /** A statement that something was not done, and the prefix of the fields it leaves without findings. */
    private record NotDone(String name, Consumer<ObjectNode> statement, String fields) {}

    private static final List<NotDone> NOT_DONE = List.of(
            new NotDone("psychological evaluation not completed",
                    r -> RandomRequests.set(r, "psychEvaluation", Map.of("completed", false)), "psychEvaluation."),
            new NotDone("no intraspinal trial", r -> r.putArray("intraspinalTrials"), "intraspinalTrials"),
            new NotDone("no systemic medication trial", r -> r.putArray("medicationTrials"), "medicationTrials"),
            new NotDone("conservative therapy not possible for a medical reason",
                    r -> RandomRequests.set(r, "conservativeTherapy", Map.of("notPossibleMedicalReason", true)),
                    "conservativeTherapy."));

    @Test
    void an_evaluation_trial_or_course_stated_as_not_done_is_never_asked_for_its_findings() {
        int[] asked = {0};
        qt().withFixedSeed(12L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            for (NotDone notDone : NOT_DONE) {
                ObjectNode json = RandomRequests.request(seed);
                notDone.statement().accept(json);
                ReviewRequest request = read(json);
                for (String id : POLICY_IDS) {
                    PolicyVersion version = POLICIES.select(id).versionFor(request.serviceDate(TODAY)).orElse(null);
                    if (version == null) {
                        continue;
                    }
                    Determination d = ENGINE.evaluate(request, version, request.serviceDate(TODAY));
                    asked[0] += d.missingInformation().size();
                    assertThat(d.missingInformation()).extracting(MissingInformation::field)
                            .as(version.key() + " seed " + seed + ", " + notDone.name() + ": " + d.outcome())
                            .noneMatch(field -> field.startsWith(notDone.fields()));
                }
            }
        });
        assertThat(asked[0]).as("fields asked: the generator must reach undecided determinations").isGreaterThan(100);
    }

    private static ReviewRequest read(ObjectNode json) {
        try {
            return READER.read(RandomRequests.JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
