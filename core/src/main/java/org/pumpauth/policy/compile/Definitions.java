package org.pumpauth.policy.compile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pumpauth.determination.Outcome;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;
import org.pumpauth.request.Shape;

/**
 * The file's {@code define} section and its {@code use: NAME} references. A definition is compiled
 * the first time it is needed (so definitions may come in any order), once for each list whose
 * elements it may read (a definition used inside {@code where}).
 */
final class Definitions {
    private final Diagnostics diagnostics;
    private final Keys keys;
    private final CriterionParser parser;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Optional<Criterion>> compiled = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    Definitions(Diagnostics diagnostics, Keys keys, CriterionParser parser) {
        this.diagnostics = diagnostics;
        this.keys = keys;
        this.parser = parser;
    }

    /** Reads {@code define:} and compiles every definition that does not read a list element's fields. */
    void define(Node define) {
        if (define == null) {
            return;
        }
        if (!(define instanceof MapNode)) {
            diagnostics.report(define, "define must be a mapping of names to criteria");
            return;
        }
        nodes.putAll(((MapNode) define).entries());
        for (Map.Entry<String, Node> entry : nodes.entrySet()) {
            if (!FactResolver.usesListFields(entry.getValue())) {
                definition(entry.getKey(), define, Optional.empty()); // checked even when unused
            }
        }
    }

    Optional<Criterion> use(MapNode map, Context context) {
        keys.unknown(map, Keys.withMeta(Set.of("use")), "use");
        String name = keys.name(map.get("use"));
        if (!nodes.containsKey(name)) {
            diagnostics.report(map, "no definition named '" + name + "'; defined: " + String.join(", ", nodes.keySet()));
            return Optional.empty();
        }
        Optional<Criterion> found = definition(name, map, context.item());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Criterion defined = found.get();
        if (!context.topLevel() && defined.meta().failure() != Outcome.DOES_NOT_MEET_CRITERIA) {
            diagnostics.report(map, "'" + name + "' has an outcome, so it can be used only as a top-level criterion");
        }
        if (!context.traceable() && defined.meta().traced()) {
            diagnostics.report(map, "'" + name + "' has an id, so it cannot be used inside where, then or when");
        }
        return Optional.of(defined);
    }

    private Optional<Criterion> definition(String name, Node usedAt, Optional<Shape> item) {
        String key = name + item.map(shape -> " in " + shape.name()).orElse("");
        Optional<Criterion> done = compiled.get(key);
        if (done != null) {
            return done;
        }
        if (!resolving.add(key)) {
            diagnostics.report(usedAt, "the definition '" + name + "' uses itself");
            return Optional.empty();
        }
        Context context = item.isPresent() ? Context.inItem(item.get(), Optional.empty()) : Context.topLevel(Optional.empty());
        Optional<Criterion> result = parser.criterion(nodes.get(name), context);
        resolving.remove(key);
        compiled.put(key, result);
        return result;
    }
}
