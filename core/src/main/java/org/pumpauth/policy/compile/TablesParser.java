package org.pumpauth.policy.compile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;
import org.pumpauth.terminology.Terminology;
import org.pumpauth.terminology.TerminologyException;

/**
 * A policy's own tables ({@code tables: {drugs: my-drugs.tsv}}): each replaces the shipped table of
 * its kind for that policy only, so an analyst adds a drug or a code without Java.
 */
final class TablesParser {
    private final Diagnostics diagnostics;
    private final Keys keys;
    private final TableFiles files;

    TablesParser(Diagnostics diagnostics, Keys keys, TableFiles files) {
        this.diagnostics = diagnostics;
        this.keys = keys;
        this.files = files;
    }

    /** The tables, the shipped ones for the kinds not named; none when {@code node} is absent. */
    Optional<Terminology> tables(Node node) {
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof MapNode)) {
            diagnostics.report(node, Diagnostic.TABLES_NOT_A_MAPPING, node.kind(), String.join(", ", Terminology.KINDS));
            return Optional.empty();
        }
        MapNode map = (MapNode) node;
        Set<String> kinds = new TreeSet<>(Terminology.KINDS);
        keys.unknown(map, kinds, "tables");
        Map<String, Map.Entry<String, String>> own = new LinkedHashMap<>();
        for (String kind : Terminology.KINDS) {
            Optional<String> name = keys.optional(map, kind);
            if (name.isEmpty()) {
                continue;
            }
            Optional<String> text = files.read(name.get());
            if (text.isEmpty()) {
                diagnostics.report(map.get(kind), Diagnostic.TABLE_NOT_FOUND, name.get(), kind);
            } else {
                own.put(kind, Map.entry(name.get(), text.get()));
            }
        }
        if (own.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Terminology.withOwn(own));
        } catch (TerminologyException e) {
            e.problems().forEach(problem -> diagnostics.report(map, Diagnostic.TABLE_PROBLEM, problem));
            return Optional.empty();
        }
    }
}
