package org.pumpauth.policy.compile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pumpauth.determination.Outcome;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;

/**
 * The file's {@code define} section and its {@code use: NAME} references. A definition is compiled
 * the first time it is needed (so definitions may come in any order), once for each list whose
 * elements it may read (a definition used inside {@code where}). A definition no criterion uses
 * is checked all the same ({@link #checkUnused()}), so a misspelt fact in it is an error.
 */
final class Definitions {
    private final Diagnostics diagnostics;
    private final Keys keys;
    private final CriterionParser parser;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Optional<Criterion>> compiled = new HashMap<>();
    private final Set<String> used = new HashSet<>();
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
            diagnostics.report(define, Diagnostic.DEFINE_NOT_A_MAPPING, define.kind());
            return;
        }
        nodes.putAll(((MapNode) define).entries());
        for (Map.Entry<String, Node> entry : nodes.entrySet()) {
            if (!FactResolver.usesListFields(entry.getValue())) {
                definition(entry.getKey(), define, Context.topLevel(Optional.empty()));
            }
        }
    }

    /**
     * Checks the definitions that read list elements' fields and that no criterion used, against
     * the fields of every list (the one they were meant for is not known).
     */
    void checkUnused() {
        for (String name : List.copyOf(nodes.keySet())) {
            if (!used.contains(name) && FactResolver.usesListFields(nodes.get(name))) {
                definition(name, nodes.get(name), Context.inAnyItem());
            }
        }
    }

    Optional<Criterion> use(MapNode map, Context context) {
        keys.unknown(map, Keys.withMeta(Set.of("use")), "use");
        String name = keys.name(map.get("use"));
        if (!nodes.containsKey(name)) {
            diagnostics.report(map.get("use"), Diagnostic.UNKNOWN_DEFINITION, name,
                    Suggestions.didYouMean(name, nodes.keySet()), String.join(", ", nodes.keySet()));
            return Optional.empty();
        }
        used.add(name);
        Optional<Criterion> found = definition(name, map, context);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Criterion defined = found.get();
        if (!context.topLevel() && defined.meta().failure() != Outcome.DOES_NOT_MEET_CRITERIA) {
            diagnostics.report(map, Diagnostic.DEFINITION_WITH_OUTCOME_NESTED, name);
        }
        if (!context.traceable() && defined.meta().traced()) {
            diagnostics.report(map, Diagnostic.DEFINITION_WITH_ID_IN_CONDITION, name);
        }
        return Optional.of(defined);
    }

    /** The definition compiled for where it is used: at the top, or on one list's elements, or any list's. */
    private Optional<Criterion> definition(String name, Node usedAt, Context usedIn) {
        Context context = usedIn.anyItem() ? Context.inAnyItem()
                : usedIn.item().isPresent() ? Context.inItem(usedIn.item().get(), Optional.empty())
                : Context.topLevel(Optional.empty());
        String key = name + (context.anyItem() ? " in any list" : context.item().map(s -> " in " + s.name()).orElse(""));
        Optional<Criterion> done = compiled.get(key);
        if (done != null) {
            return done;
        }
        if (!resolving.add(key)) {
            diagnostics.report(usedAt, Diagnostic.DEFINITION_USES_ITSELF, name);
            return Optional.empty();
        }
        Optional<Criterion> result = parser.criterion(nodes.get(name), context);
        resolving.remove(key);
        compiled.put(key, result);
        return result;
    }
}
