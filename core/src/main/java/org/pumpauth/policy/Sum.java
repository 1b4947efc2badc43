package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.logic.Truth;
import org.pumpauth.request.Absent;
import org.pumpauth.request.Item;

/**
 * The total of a number over the list elements meeting {@code where}, compared with a threshold:
 * "at least 12 weeks of opioid or non-opioid pain medications" over several courses (ruling N-7).
 * An element whose match or figure is unknown widens the total to a range (an unknown figure to
 * no upper bound); the result is unknown only when the range straddles the threshold. An unstated
 * list is unknown; an empty one totals 0.
 *
 * @param of the number to add up, a field of the list element ({@code weeks})
 */
public record Sum(Meta meta, Fact list, Fact of, Criterion where, Operator operator, double threshold)
        implements Criterion {

    @Override
    public Truth test(Evaluation evaluation) {
        Object value = list.read(evaluation);
        if (value == Absent.VALUE) {
            return Truth.UNKNOWN;
        }
        double low = 0;
        double high = 0;
        for (Object element : (List<?>) value) {
            Item item = (Item) element;
            Truth matches = evaluation.onItem(item, where);
            if (matches == Truth.FALSE) {
                continue;
            }
            Object figure = evaluation.onItem(item, of);
            if (figure == Absent.VALUE) {
                high = Double.POSITIVE_INFINITY;
            } else {
                double number = ((Number) figure).doubleValue();
                high += number;
                if (matches == Truth.TRUE) {
                    low += number;
                }
            }
        }
        if (operator == Operator.EQUALS && low != high) {
            return threshold >= low && threshold <= high ? Truth.UNKNOWN : Truth.FALSE;
        }
        boolean atLow = operator.holds(low, threshold);
        boolean atHigh = operator.holds(high, threshold);
        return atLow == atHigh ? Truth.of(atLow) : Truth.UNKNOWN; // the others are monotone in the total
    }

    @Override
    public List<Criterion> children() {
        return List.of(where);
    }

    @Override
    public <R> R accept(CriterionVisitor<R> visitor) {
        return visitor.sum(this);
    }
}
