package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.determination.Outcome;
import org.pumpauth.logic.Truth;

/**
 * The policy sends the case to individual review when {@code when} holds ("other medical reason
 * deemed appropriate"). A machine cannot meet such a criterion, so it is unknown with a referral
 * (outcome {@link Outcome#CASE_BY_CASE}, G2); when {@code when} is false it is not met.
 */
public record Refer(Meta meta, Criterion when) implements Criterion {
    @Override
    public Truth test(Evaluation evaluation) {
        Truth holds = evaluation.evaluate(when);
        if (holds == Truth.TRUE) {
            evaluation.refer(Outcome.CASE_BY_CASE);
            return Truth.UNKNOWN;
        }
        return holds;
    }

    @Override
    public List<Criterion> children() {
        return List.of(when);
    }

    @Override
    public <R> R accept(CriterionVisitor<R> visitor) {
        return visitor.refer(this);
    }
}
