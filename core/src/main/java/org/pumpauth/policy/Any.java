package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.logic.Truth;

/** One child must be met: true if any is true, else unknown if any is unknown (G1). */
public record Any(Meta meta, List<Criterion> children) implements Criterion {
    public Any {
        children = List.copyOf(children);
    }

    @Override
    public Truth test(Evaluation evaluation) {
        Truth result = Truth.FALSE;
        for (Criterion child : children) {
            result = result.or(evaluation.evaluate(child));
        }
        return result;
    }

    @Override
    public <R> R accept(CriterionVisitor<R> visitor) {
        return visitor.any(this);
    }
}
