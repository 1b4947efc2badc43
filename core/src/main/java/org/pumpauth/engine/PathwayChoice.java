package org.pumpauth.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.Result;
import org.pumpauth.policy.All;
import org.pumpauth.policy.Evaluation;
import org.pumpauth.policy.Meta;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.PolicyVersion;

/**
 * The pathway a request takes: the first whose {@code when} holds. When none holds but some might
 * (the indication is not stated, say), the trace says which facts would choose one; when one is
 * chosen, the trace is its {@code when}, evaluated.
 */
record PathwayChoice(Optional<Pathway> pathway, boolean undecided, List<CriterionResult> trace) {
    /** The chosen pathway's {@code when}, evaluated: it shows a reviewer why the pathway applies. */
    Optional<CriterionResult> why() {
        return pathway.isPresent() ? trace.stream().findFirst() : Optional.empty();
    }


    static PathwayChoice choose(PolicyVersion version, Evaluation evaluation) {
        List<CriterionResult> undecided = new ArrayList<>();
        for (Pathway pathway : version.pathways()) {
            Meta meta = new Meta("pathway:" + pathway.id(), pathway.text(), pathway.citation(), Optional.empty(),
                    Outcome.DOES_NOT_MEET_CRITERIA, Optional.empty());
            CriterionResult result = evaluation.trace(new All(meta, List.of(pathway.when())));
            if (result.is(Result.MET)) {
                return new PathwayChoice(Optional.of(pathway), false, List.of(result));
            }
            if (result.is(Result.UNKNOWN)) {
                undecided.add(result);
            }
        }
        return new PathwayChoice(Optional.empty(), !undecided.isEmpty(), undecided);
    }
}
