package org.pumpauth.policy;

import org.pumpauth.logic.Truth;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A criterion's logic in one line of text, for {@code policy show} and version diffs. */
public final class Describe {
    private Describe() {}

    public static String logic(Criterion criterion) {
        if (criterion instanceof All) {
            return group("all of", ((All) criterion).children());
        }
        if (criterion instanceof Any) {
            return group("any of", ((Any) criterion).children());
        }
        if (criterion instanceof Not) {
            return "not " + inner(((Not) criterion).child());
        }
        if (criterion instanceof Compare) {
            Compare c = (Compare) criterion;
            String test = c.fact().factName() + " " + c.operator().symbol() + " " + operand(c.operand());
            return c.unstated() == Truth.UNKNOWN ? test : test + " (unstated: " + c.unstated().name().toLowerCase(Locale.ROOT) + ")";
        }
        if (criterion instanceof Exists) {
            Exists e = (Exists) criterion;
            return "some " + e.list().factName() + " with " + inner(e.where());
        }
        if (criterion instanceof Latest) {
            Latest l = (Latest) criterion;
            return "the latest " + l.list().factName() + " with " + inner(l.where()) + " has " + inner(l.then());
        }
        if (criterion instanceof Count) {
            Count c = (Count) criterion;
            return "count of " + c.list().factName() + " with " + inner(c.where()) + " " + c.operator().symbol() + " "
                    + operand(c.threshold()) + (c.absentIsEmpty() ? " (unstated: none)" : "");
        }
        if (criterion instanceof Sum) {
            Sum s = (Sum) criterion;
            return "total " + s.of().factName() + " of " + s.list().factName() + " with " + inner(s.where()) + " "
                    + s.operator().symbol() + " " + operand(s.threshold());
        }
        Refer r = (Refer) criterion;
        return "individual review when " + inner(r.when());
    }

    private static String inner(Criterion criterion) {
        return criterion.meta().traced() ? "[" + criterion.meta().id() + "]" : "(" + logic(criterion) + ")";
    }

    private static String group(String word, List<Criterion> children) {
        if (children.isEmpty()) {
            return "everything";
        }
        return word + " " + children.stream().map(Describe::inner).collect(Collectors.joining(", "));
    }

    private static String operand(Object operand) {
        if (operand instanceof Fact) {
            return ((Fact) operand).factName();
        }
        if (operand instanceof Double) {
            double d = (Double) operand;
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
        if (operand instanceof List) {
            return ((List<?>) operand).stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(operand);
    }
}
