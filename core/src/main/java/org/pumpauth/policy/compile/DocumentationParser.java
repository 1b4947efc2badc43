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
            diagnostics.report(node, Diagnostic.DOCUMENTATION_NOT_A_LIST);
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
                    diagnostics.report(map, Diagnostic.DOCUMENTATION_ENTRY_WITHOUT_ITEMS);
                }
                entries.add(new DocumentationItem(keys.required(map, "text", "a documentation entry"), entries(items)));
            } else {
                diagnostics.report(item, Diagnostic.DOCUMENTATION_ENTRY_NOT_A_TEXT, item.kind());
            }
        }
        return entries;
    }
}
