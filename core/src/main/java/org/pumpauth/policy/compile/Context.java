package org.pumpauth.policy.compile;

import java.util.Optional;
import org.pumpauth.request.Shape;

/**
 * Where a criterion stands in the file.
 *
 * @param item the list whose elements' fields it may read (inside {@code where} and {@code then})
 * @param traceable whether it may carry an id (not inside {@code where}, {@code then} or {@code when})
 * @param topLevel whether it is a criterion of scope or a pathway itself, which may give an outcome
 * @param cite the citation it inherits when it has none of its own
 */
record Context(Optional<Shape> item, boolean traceable, boolean topLevel, Optional<String> cite) {
    /** A top-level criterion of scope or a pathway. */
    static Context topLevel(Optional<String> cite) {
        return new Context(Optional.empty(), true, true, cite);
    }

    /** A part of a condition ({@code when: {if: ...}}, {@code sameAs}), which takes no id. */
    static Context condition(Optional<String> cite) {
        return new Context(Optional.empty(), false, false, cite);
    }

    /** Inside a list's {@code where} or {@code then}. */
    static Context inItem(Shape item, Optional<String> cite) {
        return new Context(Optional.of(item), false, false, cite);
    }

    /** A child of this criterion, inheriting {@code cite}. */
    Context nested(Optional<String> childCite) {
        return new Context(item, traceable, false, childCite);
    }
}
