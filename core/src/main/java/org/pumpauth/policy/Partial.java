package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.logic.Truth;

/**
 * A derived value known only in part (ruling G14): a test it decides is decided, another is
 * unknown and asks for the field itself.
 */
sealed interface Partial permits OneOf, Including {
    /** The contract path of the field, asked for when a test is left unknown. */
    String field();

    /** The test {@code operator operand}, in three-valued logic. */
    Truth test(Operator operator, Object operand);
}

/** An enumerated value known to be one of several: an intraspinal code's route, intrathecal or epidural. */
record OneOf(String field, List<String> values) implements Partial {
    OneOf {
        values = List.copyOf(values);
    }

    @Override
    public Truth test(Operator operator, Object operand) {
        switch (operator) {
            case IN:
                return within((List<?>) operand);
            case NOT_IN:
                return within((List<?>) operand).not();
            case IS:
            case SAME_AS:
                return within(List.of(operand));
            default:
                return Truth.UNKNOWN;
        }
    }

    /** Each possible value in the list: true; none: false; some: unknown. */
    private Truth within(List<?> list) {
        long inside = values.stream().filter(list::contains).count();
        return inside == values.size() ? Truth.TRUE : inside == 0 ? Truth.FALSE : Truth.UNKNOWN;
    }
}

/** A list known to include these values and perhaps others: conditions from some of the diagnosis codes. */
record Including(String field, List<String> values) implements Partial {
    Including {
        values = List.copyOf(values);
    }

    @Override
    public Truth test(Operator operator, Object operand) {
        switch (operator) {
            case INCLUDES:
                return ((List<?>) operand).stream().anyMatch(values::contains) ? Truth.TRUE : Truth.UNKNOWN;
            case NOT_EMPTY:
                return (Boolean) operand ? Truth.TRUE : Truth.FALSE;
            default:
                return Truth.UNKNOWN;
        }
    }
}
