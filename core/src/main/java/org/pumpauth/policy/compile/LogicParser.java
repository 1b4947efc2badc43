package org.pumpauth.policy.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pumpauth.policy.All;
import org.pumpauth.policy.Any;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Meta;
import org.pumpauth.policy.Not;
import org.pumpauth.policy.compile.Yaml.ListNode;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;

/** {@code all: [...]}, {@code any: [...]} and {@code not: c}: Kleene logic over other criteria (G1). */
final class LogicParser {
    private final Diagnostics diagnostics;
    private final Keys keys;
    private final CriterionParser parser;

    LogicParser(Diagnostics diagnostics, Keys keys, CriterionParser parser) {
        this.diagnostics = diagnostics;
        this.keys = keys;
        this.parser = parser;
    }

    /** @param inner the context of the children */
    Optional<Criterion> parse(MapNode map, String body, Meta meta, Context inner) {
        keys.unknown(map, Keys.withMeta(Set.of(body)), body);
        if (body.equals("not")) {
            return parser.criterion(map.get("not"), inner).map(child -> new Not(meta, child));
        }
        List<Criterion> children = children(map.get(body), body, inner);
        return Optional.of(body.equals("all") ? new All(meta, children) : new Any(meta, children));
    }

    private List<Criterion> children(Node node, String body, Context context) {
        if (!(node instanceof ListNode) || ((ListNode) node).items().isEmpty()) {
            diagnostics.report(node, Diagnostic.EMPTY_ALL_ANY, body);
            return List.of();
        }
        List<Criterion> children = new ArrayList<>();
        for (Node item : ((ListNode) node).items()) {
            parser.criterion(item, context).ifPresent(children::add);
        }
        return children;
    }
}
