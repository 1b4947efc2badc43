package org.pumpauth.policy.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Meta;
import org.pumpauth.policy.compile.Yaml.ListNode;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;

/**
 * Reads one criterion: finds its one body key and hands the mapping to the parser of that kind
 * ({@link LogicParser}, {@link FactTestParser}, {@link ListParser}, {@link ReferParser},
 * {@link Definitions} for {@code use}).
 */
final class CriterionParser {
    private final Diagnostics diagnostics;
    private final MetaParser metaParser;
    private final Definitions definitions;
    private final LogicParser logic;
    private final FactTestParser factTests;
    private final ListParser lists;
    private final ReferParser referrals;

    CriterionParser(Diagnostics diagnostics, Keys keys, MetaParser metaParser, FactResolver facts) {
        this.diagnostics = diagnostics;
        this.metaParser = metaParser;
        this.definitions = new Definitions(diagnostics, keys, this);
        this.logic = new LogicParser(diagnostics, keys, this);
        this.factTests = new FactTestParser(diagnostics, keys, facts);
        this.lists = new ListParser(diagnostics, keys, this);
        this.referrals = new ReferParser(diagnostics, keys, this);
    }

    Definitions definitions() {
        return definitions;
    }

    /** The criteria of scope or a pathway: each a traced criterion that may give an outcome. */
    List<Criterion> topLevel(Node node, String what, Optional<String> inheritedCite) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof ListNode)) {
            diagnostics.report(node, what + " must be a list of criteria");
            return List.of();
        }
        List<Criterion> list = new ArrayList<>();
        for (Node item : ((ListNode) node).items()) {
            criterion(item, Context.topLevel(inheritedCite)).ifPresent(c -> {
                if (!c.meta().traced()) {
                    diagnostics.report(item, "a top-level criterion needs an id and text");
                }
                list.add(c);
            });
        }
        return list;
    }

    Optional<Criterion> criterion(Node node, Context context) {
        if (!(node instanceof MapNode)) {
            diagnostics.report(node, "a criterion must be a mapping, with one of: " + String.join(", ", Keys.BODY));
            return Optional.empty();
        }
        MapNode map = (MapNode) node;
        List<String> bodies = new ArrayList<>();
        for (String key : Keys.BODY) {
            if (map.has(key)) {
                bodies.add(key);
            }
        }
        if (bodies.size() != 1) {
            diagnostics.report(map, bodies.isEmpty()
                    ? "a criterion needs one of: " + String.join(", ", Keys.BODY)
                    : "a criterion has only one of " + String.join(", ", bodies));
            return Optional.empty();
        }
        String body = bodies.get(0);
        if (body.equals("use")) {
            return definitions.use(map, context);
        }
        Meta meta = metaParser.meta(map, context);
        Context inner = context.nested(meta.traced() ? Optional.of(metaParser.ownCite(map, context)) : context.cite());
        switch (body) {
            case "all":
            case "any":
            case "not":
                return logic.parse(map, body, meta, inner);
            case "fact":
                return factTests.parse(map, meta, context);
            case "refer":
                return referrals.parse(map, meta, inner);
            default:
                return lists.parse(map, body, meta, inner);
        }
    }
}
