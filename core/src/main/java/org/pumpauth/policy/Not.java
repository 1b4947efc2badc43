package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.logic.Truth;

/** The child must not be met; unknown stays unknown. Contraindications read this way. */
public record Not(Meta meta, Criterion child) implements Criterion {
    @Override
    public Truth test(Evaluation evaluation) {
        return evaluation.evaluate(child).not();
    }

    @Override
    public List<Criterion> children() {
        return List.of(child);
    }

    @Override
    public <R> R accept(CriterionVisitor<R> visitor) {
        return visitor.not(this);
    }
}
