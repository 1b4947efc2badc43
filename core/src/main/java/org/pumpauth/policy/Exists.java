package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.logic.Truth;
import org.pumpauth.request.Absent;
import org.pumpauth.request.Item;

/**
 * Some element of a list meets {@code where}: "any medication trial of a class". An unstated list
 * is unknown; an empty one is false.
 */
public record Exists(Meta meta, Fact list, Criterion where) implements Criterion {
    @Override
    public Truth test(Evaluation evaluation) {
        Object value = list.read(evaluation);
        if (value == Absent.VALUE) {
            return Truth.UNKNOWN;
        }
        Truth result = Truth.FALSE;
        for (Object item : (List<?>) value) {
            result = result.or(evaluation.onItem((Item) item, where));
        }
        return result;
    }

    @Override
    public List<Criterion> children() {
        return List.of(where);
    }

    @Override
    public <R> R accept(CriterionVisitor<R> visitor) {
        return visitor.exists(this);
    }
}
