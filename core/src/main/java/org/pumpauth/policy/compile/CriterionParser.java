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
            diagnostics.report(node, Diagnostic.CRITERIA_NOT_A_LIST, what, node.kind());
            return List.of();
        }
        List<Criterion> list = new ArrayList<>();
        for (Node item : ((ListNode) node).items()) {
            criterion(item, Context.topLevel(inheritedCite)).ifPresent(c -> {
                if (!c.meta().traced()) {
                    diagnostics.report(item, Diagnostic.TOP_LEVEL_WITHOUT_ID);
                }
                list.add(c);
            });
        }
        return list;
    }

    /** For a criterion without a body key: "; did you mean 'fact' for 'facts'?" where one of its keys is close. */
    private static String meantBody(MapNode map) {
        for (String key : map.keys().keySet()) {
            if (!Keys.META.contains(key)) {
                Optional<String> meant = Suggestions.closest(key, Keys.BODY);
                if (meant.isPresent()) {
                    return " (did you mean '" + meant.get() + "' for '" + key + "'?)";
                }
            }
        }
        return "";
    }

    Optional<Criterion> criterion(Node node, Context context) {
        if (!(node instanceof MapNode)) {
            diagnostics.report(node, Diagnostic.CRITERION_NOT_A_MAPPING, String.join(", ", Keys.BODY),
                    node == null ? "nothing" : node.kind());
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
            if (bodies.isEmpty()) {
                diagnostics.report(map, Diagnostic.CRITERION_WITHOUT_BODY, String.join(", ", Keys.BODY), meantBody(map));
            } else {
                diagnostics.report(map.keys().get(bodies.get(1)), Diagnostic.CRITERION_WITH_TWO_BODIES,
                        String.join(", ", Keys.BODY), String.join(" and ", bodies));
            }
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
