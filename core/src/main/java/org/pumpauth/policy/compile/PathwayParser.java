package org.pumpauth.policy.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
            diagnostics.report(node == null ? top : node, Diagnostic.PATHWAYS_EMPTY);
            return List.of();
        }
        List<PathwayOrder.Read> pathways = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node item : ((ListNode) node).items()) {
            pathway(item, scope).ifPresent(p -> {
                if (!seen.add(p.pathway().id())) {
                    diagnostics.report(item, Diagnostic.DUPLICATE_PATHWAY_ID, p.pathway().id());
                }
                pathways.add(p);
            });
        }
        return new PathwayOrder(diagnostics, keys).order(pathways);
    }

    private Optional<PathwayOrder.Read> pathway(Node node, List<Criterion> scope) {
        if (!(node instanceof MapNode)) {
            diagnostics.report(node, Diagnostic.PATHWAY_NOT_A_MAPPING, node.kind());
            return Optional.empty();
        }
        MapNode map = (MapNode) node;
        keys.unknown(map, Keys.PATHWAY, "a pathway");
        String id = keys.required(map, "id", "a pathway");
        String text = keys.required(map, "text", "a pathway");
        Optional<String> cite = keys.optional(map, "cite");
        if (cite.isEmpty()) {
            diagnostics.report(map, Diagnostic.PATHWAY_WITHOUT_CITE, id, source);
        }
        Map<String, List<String>> chosen = new HashMap<>();
        Criterion when = when(map.get("when"), map, id, chosen);
        Optional<Outcome> outcome = keys.optional(map, "outcome").flatMap(o -> metaParser.outcome(map.get("outcome"), o));
        Node criteriaNode = map.get("criteria");
        if (outcome.isPresent() == (criteriaNode != null)) {
            diagnostics.report(map, Diagnostic.PATHWAY_CRITERIA_OR_OUTCOME, id, outcome.isPresent() ? "both" : "neither");
        }
        List<Criterion> criteria = criteriaNode == null ? List.of() : parser.topLevel(criteriaNode, "criteria", cite);
        Set<String> ids = new HashSet<>();
        scope.forEach(c -> collectIds(c, ids, map, id));
        criteria.forEach(c -> collectIds(c, ids, map, id));
        Pathway pathway = new Pathway(id, text, metaParser.citation(cite.orElse("")), when, outcome, criteria);
        return Optional.of(new PathwayOrder.Read(pathway, map, PathwayOrder.chosen(chosen, "kind"),
                PathwayOrder.chosen(chosen, "indication")));
    }

    private void collectIds(Criterion c, Set<String> ids, Node at, String pathway) {
        if (c.meta().traced() && !ids.add(c.meta().id())) {
            diagnostics.report(at, Diagnostic.DUPLICATE_CRITERION_ID, c.meta().id(), pathway);
        }
        c.children().forEach(child -> collectIds(child, ids, at, pathway));
    }

    /** {@code when: {kind: [...], indication: [...], if: criterion}}: all must hold. */
    private Criterion when(Node node, Node pathway, String id, Map<String, List<String>> chosen) {
        if (!(node instanceof MapNode)) {
            diagnostics.report(node == null ? pathway : node, Diagnostic.PATHWAY_WITHOUT_WHEN, id);
            return new All(Meta.INLINE, List.of());
        }
        MapNode map = (MapNode) node;
        keys.unknown(map, Keys.WHEN, "when");
        List<Criterion> parts = new ArrayList<>();
        for (String key : List.of("kind", "indication")) {
            Node values = map.get(key);
            if (values != null) {
                Field field = RequestContract.field(key.equals("kind") ? "service.kind" : "indication.category");
                List<String> allowed = facts.allowedValues(values, field.allowed(), field.path());
                chosen.put(key, allowed);
                parts.add(new Compare(Meta.INLINE, new RequestFact(field), Operator.IN, allowed));
            }
        }
        Node condition = map.get("if");
        if (condition != null) {
            parser.criterion(condition, Context.condition(Optional.empty())).ifPresent(parts::add);
        }
        return new All(Meta.INLINE, parts);
    }
}
