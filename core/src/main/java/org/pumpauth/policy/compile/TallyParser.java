package org.pumpauth.policy.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pumpauth.policy.Count;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.ItemFact;
import org.pumpauth.policy.Meta;
import org.pumpauth.policy.Operator;
import org.pumpauth.policy.Sum;
import org.pumpauth.policy.compile.ListParser.ListFact;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;
import org.pumpauth.policy.compile.Yaml.Scalar;
import org.pumpauth.request.Field;
import org.pumpauth.request.FieldType;

/**
 * {@code count} and {@code sum} over a list, each compared with one number: "a limit of two
 * trials", "at least 12 weeks of medication" (N-7).
 */
final class TallyParser {
    private final Diagnostics diagnostics;
    private final Keys keys;

    TallyParser(Diagnostics diagnostics, Keys keys) {
        this.diagnostics = diagnostics;
        this.keys = keys;
    }

    private record Threshold(Operator operator, double value) {}

    Optional<Criterion> count(MapNode map, Meta meta, ListFact list, Criterion where) {
        Optional<Threshold> threshold = threshold(map, "count");
        if (threshold.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> silence = keys.optional(map, "silence");
        List<String> allowed = List.of("ask", "empty");
        if (silence.isPresent() && !allowed.contains(silence.get())) {
            diagnostics.report(map.get("silence"), Diagnostic.SILENCE_VALUE, silence.get(),
                    Suggestions.didYouMean(silence.get(), allowed), "a count", String.join(", ", allowed));
        }
        return Optional.of(new Count(meta, list.list(), where, threshold.get().operator(), threshold.get().value(),
                silence.orElse("ask").equals("empty")));
    }

    /** {@code sum: LIST, of: FIELD, where: c} and a numeric comparison: a total over the elements. */
    Optional<Criterion> sum(MapNode map, Meta meta, ListFact list, Criterion where) {
        if (map.has("silence")) {
            diagnostics.report(map.keys().get("silence"), Diagnostic.SUM_WITH_SILENCE);
        }
        Node ofNode = map.get("of");
        if (ofNode == null) {
            diagnostics.report(map, Diagnostic.SUM_WITHOUT_OF, list.item().name());
            return Optional.empty();
        }
        String name = keys.name(ofNode);
        Optional<Field> of = list.item().field(name).filter(f -> f.type() == FieldType.NUMBER);
        if (of.isEmpty()) {
            List<String> numbers = FactResolver.paths(list.item(), FieldType.NUMBER);
            diagnostics.report(ofNode, Diagnostic.SUM_OF_NOT_A_NUMBER_FIELD, list.item().name(), name,
                    Suggestions.didYouMean(name, numbers), String.join(", ", numbers));
            return Optional.empty();
        }
        return threshold(map, "sum").map(t -> new Sum(meta, list.list(), new ItemFact(of.get()), where, t.operator(), t.value()));
    }

    /** The one numeric comparison of a count or sum: {@code atLeast: 12}. */
    private Optional<Threshold> threshold(MapNode map, String kind) {
        List<Operator> ops = new ArrayList<>();
        for (Operator op : Operator.values()) {
            if (map.has(op.word())) {
                ops.add(op);
            }
        }
        if (ops.size() != 1 || !ops.get(0).appliesTo(FieldType.NUMBER)) {
            diagnostics.report(map, Diagnostic.THRESHOLD_OPERATOR, kind);
            return Optional.empty();
        }
        Node thresholdNode = map.get(ops.get(0).word());
        if (!(thresholdNode instanceof Scalar) || !((Scalar) thresholdNode).isNumber()) {
            diagnostics.report(thresholdNode, Diagnostic.THRESHOLD_NOT_A_NUMBER, kind);
            return Optional.empty();
        }
        return Optional.of(new Threshold(ops.get(0), Double.parseDouble(((Scalar) thresholdNode).text())));
    }
}
