package org.pumpauth.policy;

import java.util.List;
import java.util.stream.Collectors;
import org.pumpauth.logic.Truth;

/** A criterion's logic in one line of text, for {@code policy show} and version diffs. */
public final class Describe implements CriterionVisitor<String> {
    private static final Describe LOGIC = new Describe();

    private Describe() {}

    public static String logic(Criterion criterion) {
        return criterion.accept(LOGIC);
    }

    @Override
    public String all(All all) {
        return group("all of", all.children());
    }

    @Override
    public String any(Any any) {
        return group("any of", any.children());
    }

    @Override
    public String not(Not not) {
        return "not " + inner(not.child());
    }

    @Override
    public String compare(Compare c) {
        String test = c.fact().factName() + " " + c.operator().symbol() + " " + operand(c.operand());
        return c.unstated() == Truth.UNKNOWN ? test : test + (c.unstated() == Truth.TRUE ? " (silence: met)" : " (silence: not-met)");
    }

    @Override
    public String exists(Exists e) {
        return "some " + e.list().factName() + " with " + inner(e.where());
    }

    @Override
    public String latest(Latest l) {
        return "the latest " + l.list().factName() + " with " + inner(l.where()) + " has " + inner(l.then());
    }

    @Override
    public String count(Count c) {
        return "count of " + c.list().factName() + " with " + inner(c.where()) + " " + c.operator().symbol() + " "
                + operand(c.threshold()) + (c.absentIsEmpty() ? " (silence: empty)" : "");
    }

    @Override
    public String sum(Sum s) {
        return "total " + s.of().factName() + " of " + s.list().factName() + " with " + inner(s.where()) + " "
                + s.operator().symbol() + " " + operand(s.threshold());
    }

    @Override
    public String refer(Refer r) {
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
