package org.pumpauth.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pumpauth.logic.Truth;

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

    /**
     * Whether the criterion itself (its children aside) reads a fact's silence other than as
     * unknown: {@code present}, {@code silence: met | not-met | empty} or {@code ifNotMet: {askFor: ...}}.
     */
    public static boolean readsSilence(Criterion criterion) {
        return criterion.meta().missingWhenFalse().isPresent() || criterion.accept(READS_SILENCE);
    }

    private static void fields(Criterion criterion, Set<String> fields) {
        fields.addAll(criterion.accept(OWN_FIELDS));
        criterion.children().forEach(child -> fields(child, fields));
    }

    /** The fields a criterion reads itself, its children aside. */
    private static final CriterionVisitor<List<String>> OWN_FIELDS = new CriterionVisitor<>() {
        @Override
        public List<String> all(All all) {
            return List.of();
        }

        @Override
        public List<String> any(Any any) {
            return List.of();
        }

        @Override
        public List<String> not(Not not) {
            return List.of();
        }

        @Override
        public List<String> compare(Compare compare) {
            List<String> own = new ArrayList<>(compare.fact().askFields());
            if (compare.operand() instanceof Fact) {
                own.addAll(((Fact) compare.operand()).askFields());
            }
            return own;
        }

        @Override
        public List<String> exists(Exists exists) {
            return exists.list().askFields();
        }

        @Override
        public List<String> latest(Latest latest) {
            return latest.list().askFields();
        }

        @Override
        public List<String> count(Count count) {
            return count.list().askFields();
        }

        @Override
        public List<String> sum(Sum sum) {
            List<String> own = new ArrayList<>(sum.list().askFields());
            own.addAll(sum.of().askFields());
            return own;
        }

        @Override
        public List<String> refer(Refer refer) {
            return List.of();
        }
    };

    private static final CriterionVisitor<Boolean> READS_SILENCE = new CriterionVisitor<>() {
        @Override
        public Boolean all(All all) {
            return false;
        }

        @Override
        public Boolean any(Any any) {
            return false;
        }

        @Override
        public Boolean not(Not not) {
            return false;
        }

        @Override
        public Boolean compare(Compare compare) {
            return compare.unstated() != Truth.UNKNOWN || compare.operator() == Operator.STATED;
        }

        @Override
        public Boolean exists(Exists exists) {
            return false;
        }

        @Override
        public Boolean latest(Latest latest) {
            return false;
        }

        @Override
        public Boolean count(Count count) {
            return count.absentIsEmpty();
        }

        @Override
        public Boolean sum(Sum sum) {
            return false;
        }

        @Override
        public Boolean refer(Refer refer) {
            return false;
        }
    };
}
