package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.logic.Truth;

/** Every child must be met: false if any is false, else unknown if any is unknown (G1). */
public record All(Meta meta, List<Criterion> children) implements Criterion {
    public All {
        children = List.copyOf(children);
    }

    @Override
    public Truth test(Evaluation evaluation) {
        Truth result = Truth.TRUE;
        for (Criterion child : children) {
            result = result.and(evaluation.evaluate(child)); // no short cut: the trace shows every child
        }
        return result;
    }

    @Override
    public <R> R accept(CriterionVisitor<R> visitor) {
        return visitor.all(this);
    }
}
