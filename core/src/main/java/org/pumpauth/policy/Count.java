package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.logic.Truth;
import org.pumpauth.request.Absent;
import org.pumpauth.request.Item;

/**
 * The number of list elements meeting {@code where}, compared with a threshold: "a limit of two
 * intraspinal drug trials". Elements whose match is unknown widen the count to a range; the
 * result is unknown only when the range straddles the threshold.
 *
 * @param absentIsEmpty read an unstated list as an empty one (where the policy's rule is
 *     triggered only by documented elements)
 */
public record Count(Meta meta, Fact list, Criterion where, Operator operator, double threshold, boolean absentIsEmpty)
        implements Criterion {

    @Override
    public Truth test(Evaluation evaluation) {
        Object value = absentIsEmpty ? evaluation.request().valueOf(((RequestFact) list).field()) : list.read(evaluation);
        if (value == Absent.VALUE) {
            return absentIsEmpty ? Truth.of(operator.holds(0, threshold)) : Truth.UNKNOWN;
        }
        int sure = 0;
        int maybe = 0;
        for (Object item : (List<?>) value) {
            Truth matches = evaluation.onItem((Item) item, where);
            if (matches == Truth.TRUE) {
                sure++;
            } else if (matches == Truth.UNKNOWN) {
                maybe++;
            }
        }
        boolean low = operator.holds(sure, threshold);
        boolean high = operator.holds(sure + maybe, threshold);
        if (low != high) {
            return Truth.UNKNOWN;
        }
        for (int n = sure + 1; n < sure + maybe; n++) {
            if (operator.holds(n, threshold) != low) {
                return Truth.UNKNOWN; // "equals 1" with a range 0..2
            }
        }
        return Truth.of(low);
    }

    @Override
    public List<Criterion> children() {
        return List.of(where);
    }

    @Override
    public <R> R accept(CriterionVisitor<R> visitor) {
        return visitor.count(this);
    }
}
