package org.pumpauth.policy.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pumpauth.determination.Outcome;
import org.pumpauth.policy.All;
import org.pumpauth.policy.Compare;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Meta;
import org.pumpauth.policy.Operator;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.RequestFact;
import org.pumpauth.policy.compile.Yaml.ListNode;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;
import org.pumpauth.request.Field;
import org.pumpauth.request.RequestContract;

/** The file's {@code pathways}: each with when it applies, and its criteria or the outcome it gives outright. */
final class PathwayParser {
    private final Diagnostics diagnostics;
    private final Keys keys;
    private final MetaParser metaParser;
    private final FactResolver facts;
    private final CriterionParser parser;
    private final String source;

    PathwayParser(Diagnostics diagnostics, Keys keys, MetaParser metaParser, FactResolver facts, CriterionParser parser,
            String source) {
        this.diagnostics = diagnostics;
        this.keys = keys;
        this.metaParser = metaParser;
        this.facts = facts;
        this.parser = parser;
        this.source = source;
    }

    List<Pathway> pathways(Node node, MapNode top, List<Criterion> scope) {
        if (!(node instanceof ListNode) || ((ListNode) node).items().isEmpty()) {
            diagnostics.report(node == null ? top : node, "pathways must be a non-empty list");
            return List.of();
        }
        List<Pathway> pathways = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node item : ((ListNode) node).items()) {
            pathway(item, scope).ifPresent(p -> {
                if (!seen.add(p.id())) {
                    diagnostics.report(item, "the pathway id '" + p.id() + "' is used twice");
                }
                pathways.add(p);
            });
        }
        return pathways;
    }

    private Optional<Pathway> pathway(Node node, List<Criterion> scope) {
        if (!(node instanceof MapNode)) {
            diagnostics.report(node, "a pathway must be a mapping");
            return Optional.empty();
        }
        MapNode map = (MapNode) node;
        keys.unknown(map, Keys.PATHWAY, "a pathway");
        String id = keys.required(map, "id");
        String text = keys.required(map, "text");
        Optional<String> cite = keys.optional(map, "cite");
        if (cite.isEmpty()) {
            diagnostics.report(map, "pathway '" + id + "' needs a citation (cite: the section heading of " + source + ")");
        }
        Criterion when = when(map.get("when"), map);
        Optional<Outcome> outcome = keys.optional(map, "outcome").flatMap(o -> metaParser.outcome(map.get("outcome"), o));
        Node criteriaNode = map.get("criteria");
        if (outcome.isPresent() == (criteriaNode != null)) {
            diagnostics.report(map, "pathway '" + id + "' needs either criteria or an outcome, not both");
        }
        List<Criterion> criteria = criteriaNode == null ? List.of() : parser.topLevel(criteriaNode, "criteria", cite);
        Set<String> ids = new HashSet<>();
        scope.forEach(c -> collectIds(c, ids, map));
        criteria.forEach(c -> collectIds(c, ids, map));
        return Optional.of(new Pathway(id, text, metaParser.citation(cite.orElse("")), when, outcome, criteria));
    }

    private void collectIds(Criterion c, Set<String> ids, Node at) {
        if (c.meta().traced() && !ids.add(c.meta().id())) {
            diagnostics.report(at, "the criterion id '" + c.meta().id() + "' is used twice in this pathway");
        }
        c.children().forEach(child -> collectIds(child, ids, at));
    }

    /** {@code when: {kind: [...], indication: [...], if: criterion}}: all must hold. */
    private Criterion when(Node node, Node pathway) {
        if (!(node instanceof MapNode)) {
            diagnostics.report(node == null ? pathway : node, "a pathway needs when: {kind: [...], indication: [...], if: ...}");
            return new All(Meta.INLINE, List.of());
        }
        MapNode map = (MapNode) node;
        keys.unknown(map, Keys.WHEN, "when");
        List<Criterion> parts = new ArrayList<>();
        for (String key : List.of("kind", "indication")) {
            Node values = map.get(key);
            if (values != null) {
                Field field = RequestContract.field(key.equals("kind") ? "service.kind" : "indication.category");
                parts.add(new Compare(Meta.INLINE, new RequestFact(field), Operator.IN,
                        facts.allowedValues(values, field.allowed(), field.path())));
            }
        }
        Node condition = map.get("if");
        if (condition != null) {
            parser.criterion(condition, Context.condition(Optional.empty())).ifPresent(parts::add);
        }
        return new All(Meta.INLINE, parts);
    }
}
