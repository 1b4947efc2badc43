package org.pumpauth.diff;

import java.util.List;
import java.util.Optional;

/**
 * One difference between two versions of a policy: a pathway or criterion added, removed or
 * changed, and for a change, which of its parts changed.
 *
 * @param pathway the pathway it belongs to ({@code scope} for scope criteria)
 * @param criterion the criterion id; empty for a change to the pathway itself
 * @param parts for CHANGED: {@code text}, {@code logic} (thresholds and values), {@code
 *     citation}, {@code interpretation}, {@code outcome}
 */
public record Change(
        Kind kind,
        String pathway,
        Optional<String> criterion,
        List<String> parts,
        Optional<String> before,
        Optional<String> after) {

    public Change {
        parts = List.copyOf(parts);
    }

    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }
}
