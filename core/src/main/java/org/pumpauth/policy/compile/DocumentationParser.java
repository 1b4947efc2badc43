package org.pumpauth.policy.compile;

import java.util.ArrayList;
import java.util.List;
import org.pumpauth.policy.DocumentationItem;
import org.pumpauth.policy.compile.Yaml.ListNode;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;
import org.pumpauth.policy.compile.Yaml.Scalar;

/**
 * The policy's documentation list: each entry a text, or {@code {text: ..., items: [...]}} for an
 * entry the source lists others beneath ("... including:").
 */
final class DocumentationParser {
    private final Diagnostics diagnostics;
    private final Keys keys;

    DocumentationParser(Diagnostics diagnostics, Keys keys) {
        this.diagnostics = diagnostics;
        this.keys = keys;
    }

    List<DocumentationItem> entries(Node node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof ListNode)) {
            diagnostics.report(node, "documentation must be a list of entries: a text, or {text: ..., items: [...]}");
            return List.of();
        }
        List<DocumentationItem> entries = new ArrayList<>();
        for (Node item : ((ListNode) node).items()) {
            if (item instanceof Scalar) {
                entries.add(DocumentationItem.of(((Scalar) item).text()));
            } else if (item instanceof MapNode) {
                MapNode map = (MapNode) item;
                keys.unknown(map, Keys.DOCUMENTATION_ENTRY, "a documentation entry");
                Node items = map.get("items");
                if (items == null) {
                    diagnostics.report(map,
                            "a documentation entry written as a mapping lists its 'items'; an entry without them is a text");
                }
                entries.add(new DocumentationItem(keys.required(map, "text"), entries(items)));
            } else {
                diagnostics.report(item, "a documentation entry is a text, or {text: ..., items: [...]}");
            }
        }
        return entries;
    }
}
