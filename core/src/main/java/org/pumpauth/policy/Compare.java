package org.pumpauth.policy;

import java.util.List;
import java.util.Locale;
import org.pumpauth.logic.Truth;
import org.pumpauth.request.Absent;
import org.pumpauth.request.FieldType;

/**
 * A test of one fact against a value: {@code pain.score atLeast 6}, {@code indication.category in
 * [spasticity]}. An unstated fact makes it unknown, except for {@code stated}, which asks
 * whether the fact is stated at all, and where the policy says how to read silence ({@code silence:}).
 *
 * @param operand a Boolean, a Double, a List of String, or for {@code sameAs} the other {@link Fact}
 * @param unstated the result when the fact is not stated ({@code silence: ask | met | not-met}): unknown, except for exceptions that
 *     hold only when documented ("unless the medical reason ... is clearly documented"), which a
 *     silent request does not meet and is not asked for
 */
public record Compare(Meta meta, Fact fact, Operator operator, Object operand, Truth unstated) implements Criterion {

    public Compare(Meta meta, Fact fact, Operator operator, Object operand) {
        this(meta, fact, operator, operand, Truth.UNKNOWN);
    }

    @Override
    public Truth test(Evaluation evaluation) {
        Object value = unstated == Truth.UNKNOWN ? fact.read(evaluation) : evaluation.readQuietly(fact);
        if (value == Absent.VALUE && unstated != Truth.UNKNOWN && operator != Operator.STATED) {
            return unstated;
        }
        if (operator == Operator.STATED) {
            boolean present = value != Absent.VALUE && !(value instanceof String && ((String) value).isBlank());
            return Truth.of(present == (Boolean) operand);
        }
        if (value == Absent.VALUE) {
            return Truth.UNKNOWN;
        }
        if (value instanceof Partial && operator != Operator.SAME_AS) {
            return partly(evaluation, (Partial) value, ((Partial) value).test(operator, operand));
        }
        switch (operator) {
            case SAME_AS: {
                Object other = ((Fact) operand).read(evaluation);
                if (other == Absent.VALUE || (value instanceof Partial && other instanceof Partial)) {
                    return Truth.UNKNOWN;
                }
                if (value instanceof Partial) {
                    return partly(evaluation, (Partial) value, ((Partial) value).test(operator, other));
                }
                if (other instanceof Partial) {
                    return partly(evaluation, (Partial) other, ((Partial) other).test(operator, value));
                }
                return Truth.of(value.equals(other));
            }
            case IS:
                return Truth.of(value.equals(operand));
            case IN:
                return Truth.of(((List<?>) operand).contains(comparable(value)));
            case NOT_IN:
                return Truth.of(!((List<?>) operand).contains(comparable(value)));
            case NOT_EMPTY:
                return Truth.of(((List<?>) value).isEmpty() != (Boolean) operand);
            case INCLUDES:
                for (Object wanted : (List<?>) operand) {
                    if (((List<?>) value).contains(wanted)) {
                        return Truth.TRUE;
                    }
                }
                return Truth.FALSE;
            default:
                return Truth.of(operator.holds(((Number) value).doubleValue(), ((Number) operand).doubleValue()));
        }
    }

    /** A derived value known in part (G14) that leaves the test open asks for the field itself. */
    private static Truth partly(Evaluation evaluation, Partial value, Truth truth) {
        if (truth == Truth.UNKNOWN) {
            evaluation.saw(value.field(), Absent.VALUE);
        }
        return truth;
    }

    /** Free text (a drug's name) compares without regard to case; the compiler lower-cases its operands. */
    private Object comparable(Object value) {
        return fact.type() == FieldType.STRING ? ((String) value).toLowerCase(Locale.ROOT) : value;
    }

    @Override
    public List<Criterion> children() {
        return List.of();
    }

    @Override
    public <R> R accept(CriterionVisitor<R> visitor) {
        return visitor.compare(this);
    }
}
