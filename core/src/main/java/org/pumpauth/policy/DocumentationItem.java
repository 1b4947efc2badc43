package org.pumpauth.policy;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a policy's own documentation list, verbatim, with the entries the source lists
 * beneath it ("History and physical ... including:" and its items), so a checklist keeps the
 * source's structure.
 */
public record DocumentationItem(String text, List<DocumentationItem> items) {
    public DocumentationItem {
        Objects.requireNonNull(text, "text");
        items = List.copyOf(items);
    }

    /** An entry with nothing beneath it. */
    public static DocumentationItem of(String text) {
        return new DocumentationItem(text, List.of());
    }
}
