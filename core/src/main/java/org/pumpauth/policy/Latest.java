package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.logic.Truth;
import org.pumpauth.request.Absent;
import org.pumpauth.request.Item;

/**
 * The latest element of a list that meets {@code where} also meets {@code then}: "the latest
 * intraspinal opioid trial gave at least 50% relief" (G6: the latest trial of the matching kind
 * counts). Lists are oldest first. No matching element: false; an unstated list: unknown. An
 * element after the match whose kind is unknown might be the latest, so it makes the result
 * unknown unless it would give the same answer.
 */
public record Latest(Meta meta, Fact list, Criterion where, Criterion then) implements Criterion {
    @Override
    public Truth test(Evaluation evaluation) {
        Object value = list.read(evaluation);
        if (value == Absent.VALUE) {
            return Truth.UNKNOWN;
        }
        List<?> items = (List<?>) value;
        Truth result = null;
        for (int i = items.size() - 1; i >= 0; i--) {
            Item item = (Item) items.get(i);
            Truth matches = evaluation.onItem(item, where);
            if (matches == Truth.FALSE) {
                continue;
            }
            Truth outcome = evaluation.onItem(item, then);
            if (matches == Truth.TRUE) {
                return result == null || result == outcome ? outcome : Truth.UNKNOWN;
            }
            result = result == null || result == outcome ? outcome : Truth.UNKNOWN; // a maybe-match
            if (result == Truth.UNKNOWN) {
                return Truth.UNKNOWN;
            }
        }
        return result == null ? Truth.FALSE : Truth.UNKNOWN; // only maybe-matches: is there one at all?
    }

    @Override
    public List<Criterion> children() {
        return List.of(where, then);
    }

    @Override
    public <R> R accept(CriterionVisitor<R> visitor) {
        return visitor.latest(this);
    }
}
