package org.pumpauth.policy.compile;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pumpauth.policy.compile.Yaml.ListNode;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;
import org.pumpauth.policy.compile.Yaml.Position;
import org.pumpauth.policy.compile.Yaml.Scalar;

/** The keys each part of a policy file allows, and the small readers of their values. */
final class Keys {
    static final Set<String> TOP = Set.of(
            "policy", "version", "title", "payer", "source", "reconstructed", "codes", "tables", "documentation", "define",
            "scope", "pathways");
    static final Set<String> META = Set.of("id", "text", "cite", "interpretation", "ifNotMet");
    static final Set<String> PATHWAY = Set.of("id", "text", "cite", "when", "after", "unless", "outcome", "criteria");
    static final Set<String> WHEN = Set.of("kind", "indication", "if");
    static final Set<String> DOCUMENTATION_ENTRY = Set.of("text", "items");
    /** Keys of the language's first version, with what version 2 writes instead. */
    static final Map<String, String> RENAMED = Map.of(
            "unstated", "silence: met (for true) or silence: not-met (for false)",
            "absent", "silence: empty",
            "missingWhenFalse", "ifNotMet: {askFor: FIELD}",
            "outcome", "ifNotMet: OUTCOME on a criterion; outcome: is a pathway's outright outcome",
            "when", "if: on a referral; when: chooses a pathway",
            "present", "stated: true | false (whether the request states the fact)");

    /** The keys that say what kind of criterion a mapping is; a criterion has exactly one. */
    static final List<String> BODY = List.of("all", "any", "not", "fact", "exists", "latest", "count", "sum", "refer", "use");

    private final Diagnostics diagnostics;

    Keys(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The meta keys and these. */
    static Set<String> withMeta(Collection<String> body) {
        Set<String> allowed = new TreeSet<>(META);
        allowed.addAll(body);
        return allowed;
    }

    void unknown(MapNode map, Set<String> allowed, String what) {
        unknown(map, allowed, allowed, what);
    }

    /** @param meant the keys a misspelling may have meant (a fact test's other operators too) */
    void unknown(MapNode map, Set<String> allowed, Collection<String> meant, String what) {
        for (Map.Entry<String, Position> key : map.keys().entrySet()) {
            if (!allowed.contains(key.getKey())) {
                String hint = RENAMED.containsKey(key.getKey())
                        ? " (the language now writes " + RENAMED.get(key.getKey()) + ")"
                        : Suggestions.didYouMean(key.getKey(), meant);
                diagnostics.report(key.getValue(), Diagnostic.UNKNOWN_KEY, key.getKey(), hint, what,
                        String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    /** @param what the part of the file that needs the key, for the message: "a pathway" */
    String required(MapNode map, String key, String what) {
        Optional<String> text = optional(map, key);
        if (text.isEmpty() && !map.has(key)) {
            diagnostics.report(map, Diagnostic.REQUIRED_KEY, what, key);
        }
        return text.orElse("");
    }

    Optional<String> optional(MapNode map, String key) {
        Node node = map.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof Scalar) || ((Scalar) node).text().isBlank()) {
            diagnostics.report(node, Diagnostic.NOT_A_TEXT, key, node instanceof Scalar ? "an empty text" : node.kind());
            return Optional.empty();
        }
        return Optional.of(((Scalar) node).text());
    }

    /** A name: a fact, a list, a definition. */
    String name(Node node) {
        if (node instanceof Scalar) {
            return ((Scalar) node).text();
        }
        diagnostics.report(node, Diagnostic.NOT_A_NAME, node == null ? "nothing" : node.kind());
        return "";
    }

    LocalDate date(MapNode map, String key, String what) {
        String text = required(map, key, what);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            if (!text.isEmpty()) {
                diagnostics.report(map.get(key), Diagnostic.NOT_A_DATE, key);
            }
            return LocalDate.MIN;
        }
    }

    /** A list of values, or one value on its own. */
    List<String> strings(Node node, String what) {
        return values(node, what).stream().map(Scalar::text).toList();
    }

    /** A list of values, or one value on its own, each with its place. */
    List<Scalar> values(Node node, String what) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof Scalar) {
            return List.of((Scalar) node);
        }
        if (!(node instanceof ListNode)) {
            diagnostics.report(node, Diagnostic.NOT_A_LIST_OF_VALUES, what, node.kind());
            return List.of();
        }
        List<Scalar> values = new ArrayList<>();
        for (Node item : ((ListNode) node).items()) {
            if (item instanceof Scalar) {
                values.add((Scalar) item);
            } else {
                name(item); // reports it
            }
        }
        return values;
    }
}
