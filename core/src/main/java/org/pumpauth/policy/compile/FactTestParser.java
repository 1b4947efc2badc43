package org.pumpauth.policy.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pumpauth.logic.Truth;
import org.pumpauth.policy.Compare;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Fact;
import org.pumpauth.policy.Meta;
import org.pumpauth.policy.Operator;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;
import org.pumpauth.policy.compile.Yaml.Scalar;
import org.pumpauth.request.FieldType;

/** {@code fact: F} with one operator ({@code atLeast: 6}, {@code in: [...]}): a {@link Compare}. */
final class FactTestParser {
    private final Diagnostics diagnostics;
    private final Keys keys;
    private final FactResolver facts;

    FactTestParser(Diagnostics diagnostics, Keys keys, FactResolver facts) {
        this.diagnostics = diagnostics;
        this.keys = keys;
        this.facts = facts;
    }

    Optional<Criterion> parse(MapNode map, Meta meta, Context context) {
        Optional<Fact> fact = facts.fact(map.get("fact"), context);
        List<Operator> ops = new ArrayList<>();
        for (Operator op : Operator.values()) {
            if (map.has(op.word())) {
                ops.add(op);
            }
        }
        Set<String> allowed = Keys.withMeta(Set.of("fact", "silence"));
        ops.forEach(op -> allowed.add(op.word()));
        Set<String> meant = Keys.withMeta(Set.of("fact", "silence"));
        meant.addAll(Operator.words());
        keys.unknown(map, allowed, meant, "a fact test (operators: " + String.join(", ", Operator.words()) + ")");
        if (ops.size() != 1) {
            if (ops.isEmpty()) {
                diagnostics.report(map, Diagnostic.NO_OPERATOR, String.join(", ", Operator.words()));
            } else {
                diagnostics.report(map.keys().get(ops.get(1).word()), Diagnostic.TWO_OPERATORS,
                        String.join(" and ", ops.stream().map(Operator::word).toList()));
            }
            return Optional.empty();
        }
        if (fact.isEmpty()) {
            return Optional.empty();
        }
        Operator op = ops.get(0);
        Node operandNode = map.get(op.word());
        if (!op.appliesTo(fact.get().type())) {
            diagnostics.report(map.keys().get(op.word()), Diagnostic.OPERATOR_DOES_NOT_APPLY, op.word(),
                    fact.get().factName(), fact.get().type().expected(), String.join(", ", operatorsFor(fact.get())));
            return Optional.empty();
        }
        Object operand = op == Operator.SAME_AS ? sameAs(operandNode, fact.get()) : operand(operandNode, op, fact.get());
        Truth unstated = silence(map.get("silence"));
        return operand == null ? Optional.empty() : Optional.of(new Compare(meta, fact.get(), op, operand, unstated));
    }

    private static List<String> operatorsFor(Fact fact) {
        List<String> words = new ArrayList<>();
        for (Operator op : Operator.values()) {
            if (op.appliesTo(fact.type())) {
                words.add(op.word());
            }
        }
        return words;
    }

    /** {@code silence: ask | met | not-met}: the test's result when the request does not state the fact. */
    private Truth silence(Node node) {
        if (node == null) {
            return Truth.UNKNOWN;
        }
        String word = keys.name(node);
        switch (word) {
            case "ask":
                return Truth.UNKNOWN;
            case "met":
                return Truth.TRUE;
            case "not-met":
                return Truth.FALSE;
            default:
                List<String> allowed = List.of("ask", "met", "not-met");
                diagnostics.report(node, Diagnostic.SILENCE_VALUE, word, Suggestions.didYouMean(word, allowed), "a fact test",
                        String.join(", ", allowed));
                return Truth.UNKNOWN;
        }
    }

    private Object operand(Node node, Operator op, Fact fact) {
        switch (op) {
            case IS:
            case STATED:
            case NOT_EMPTY:
                if (node instanceof Scalar && ((Scalar) node).isBoolean()) {
                    return Boolean.valueOf(((Scalar) node).text());
                }
                diagnostics.report(node, Diagnostic.NOT_A_BOOLEAN, op.word());
                return null;
            case IN:
            case NOT_IN:
            case INCLUDES: {
                List<String> values = facts.allowedValues(node, fact.allowed(), fact.factName());
                return fact.type() == FieldType.STRING
                        ? values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList() // see Compare.comparable
                        : values;
            }
            default:
                if (node instanceof Scalar && ((Scalar) node).isNumber()) {
                    return Double.valueOf(((Scalar) node).text());
                }
                diagnostics.report(node, Diagnostic.NOT_A_NUMBER, op.word());
                return null;
        }
    }

    /** {@code sameAs: service.route}: the other fact, which must have the same type. */
    private Object sameAs(Node node, Fact fact) {
        Optional<Fact> other = facts.fact(node, Context.condition(Optional.empty()));
        if (other.isEmpty()) {
            return null;
        }
        if (other.get().type() != fact.type()) {
            diagnostics.report(node, Diagnostic.SAME_AS_TYPES, fact.factName(), fact.type().expected(),
                    other.get().factName(), other.get().type().expected());
            return null;
        }
        return other.get();
    }
}
