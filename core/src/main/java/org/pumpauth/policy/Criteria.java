package org.pumpauth.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Walks over compiled criteria: the traced ones by id, and the request fields they read. */
public final class Criteria {
    private Criteria() {}

    /** Every traced criterion under (and including) these, by id, in tree order. */
    public static Map<String, Criterion> byId(List<Criterion> criteria) {
        Map<String, Criterion> map = new LinkedHashMap<>();
        for (Criterion c : criteria) {
            collect(c, map);
        }
        return map;
    }

    private static void collect(Criterion criterion, Map<String, Criterion> map) {
        if (criterion.meta().traced()) {
            map.putIfAbsent(criterion.meta().id(), criterion);
        }
        criterion.children().forEach(child -> collect(child, map));
    }

    /**
     * The request fields (contract paths, {@code intraspinalTrials[].reliefPercent} for list
     * elements) a criterion reads, in tree order; a derived fact contributes the field a provider
     * is asked for.
     */
    public static List<String> fields(Criterion criterion) {
        Set<String> fields = new LinkedHashSet<>();
        fields(criterion, fields);
        return new ArrayList<>(fields);
    }

    private static void fields(Criterion criterion, Set<String> fields) {
        if (criterion instanceof Compare) {
            Compare compare = (Compare) criterion;
            fields.addAll(fieldsOf(compare.fact()));
            if (compare.operand() instanceof Fact) {
                fields.addAll(fieldsOf((Fact) compare.operand()));
            }
        } else if (criterion instanceof Exists) {
            fields.addAll(fieldsOf(((Exists) criterion).list()));
        } else if (criterion instanceof Latest) {
            fields.addAll(fieldsOf(((Latest) criterion).list()));
        } else if (criterion instanceof Count) {
            fields.addAll(fieldsOf(((Count) criterion).list()));
        } else if (criterion instanceof Sum) {
            fields.addAll(fieldsOf(((Sum) criterion).list()));
            fields.addAll(fieldsOf(((Sum) criterion).of()));
        }
        criterion.children().forEach(child -> fields(child, fields));
    }

    private static List<String> fieldsOf(Fact fact) {
        if (fact instanceof RequestFact) {
            return List.of(((RequestFact) fact).field().contractPath());
        }
        if (fact instanceof ItemFact) {
            return List.of(((ItemFact) fact).field().contractPath());
        }
        return ((DerivedFact) fact).askFields();
    }
}
