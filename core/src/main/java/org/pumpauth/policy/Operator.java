package org.pumpauth.policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pumpauth.request.FieldType;

/**
 * How a {@link Compare} tests its fact, with the word a policy file uses. Thresholds follow
 * ruling G4: "at least" is inclusive, "greater than" strict.
 */
public enum Operator {
    IS("is", EnumSet.of(FieldType.BOOLEAN)),
    AT_LEAST("atLeast", EnumSet.of(FieldType.NUMBER)),
    GREATER_THAN("greaterThan", EnumSet.of(FieldType.NUMBER)),
    AT_MOST("atMost", EnumSet.of(FieldType.NUMBER)),
    LESS_THAN("lessThan", EnumSet.of(FieldType.NUMBER)),
    EQUALS("equals", EnumSet.of(FieldType.NUMBER)),
    IN("in", EnumSet.of(FieldType.ENUM, FieldType.STRING)),
    NOT_IN("notIn", EnumSet.of(FieldType.ENUM, FieldType.STRING)),
    INCLUDES("includes", EnumSet.of(FieldType.ENUM_LIST, FieldType.STRING_LIST)),
    SAME_AS("sameAs", EnumSet.of(FieldType.ENUM, FieldType.STRING, FieldType.NUMBER, FieldType.BOOLEAN, FieldType.DATE)),
    NOT_EMPTY("notEmpty", EnumSet.of(FieldType.ENUM_LIST, FieldType.STRING_LIST, FieldType.OBJECT_LIST)),
    /** Whether the request states the fact at all (a blank text is not stated): never unknown. */
    STATED("stated", EnumSet.allOf(FieldType.class));

    private final String word;
    private final Set<FieldType> types;

    Operator(String word, Set<FieldType> types) {
        this.word = word;
        this.types = types;
    }

    public String word() {
        return word;
    }

    public boolean appliesTo(FieldType type) {
        return types.contains(type);
    }

    /** The types this operator applies to, for error messages. */
    public Set<FieldType> types() {
        return types;
    }

    public static List<String> words() {
        return List.of(values()).stream().map(Operator::word).toList();
    }

    /** For a count or a number, with a threshold. */
    boolean holds(double value, double threshold) {
        switch (this) {
            case AT_LEAST:
                return value >= threshold;
            case GREATER_THAN:
                return value > threshold;
            case AT_MOST:
                return value <= threshold;
            case LESS_THAN:
                return value < threshold;
            case EQUALS:
                return value == threshold;
            default:
                throw new IllegalStateException(word + " is not a numeric comparison");
        }
    }

    /** The comparison in words, for trace text and policy listings. */
    public String symbol() {
        switch (this) {
            case AT_LEAST:
                return ">=";
            case GREATER_THAN:
                return ">";
            case AT_MOST:
                return "<=";
            case LESS_THAN:
                return "<";
            case EQUALS:
                return "=";
            default:
                return word;
        }
    }
}
