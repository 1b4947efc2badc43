package org.pumpauth.policy.compile;

import java.util.List;
import java.util.Optional;
import org.pumpauth.request.Field;
import org.pumpauth.request.Shape;

/**
 * Where a criterion stands in the file.
 *
 * @param item the list whose elements' fields it may read (inside {@code where} and {@code then})
 * @param anyItem whether it may read the fields of any list's elements: an unused definition,
 *     checked without knowing which list it will be used on
 * @param traceable whether it may carry an id (not inside {@code where}, {@code then} or {@code when})
 * @param topLevel whether it is a criterion of scope or a pathway itself, which may give an outcome
 * @param cite the citation it inherits when it has none of its own
 */
record Context(Optional<Shape> item, boolean anyItem, boolean traceable, boolean topLevel, Optional<String> cite) {
    /** A top-level criterion of scope or a pathway. */
    static Context topLevel(Optional<String> cite) {
        return new Context(Optional.empty(), false, true, true, cite);
    }

    /** A part of a condition ({@code when: {if: ...}}, {@code sameAs}), which takes no id. */
    static Context condition(Optional<String> cite) {
        return new Context(Optional.empty(), false, false, false, cite);
    }

    /** Inside a list's {@code where} or {@code then}. */
    static Context inItem(Shape item, Optional<String> cite) {
        return new Context(Optional.of(item), false, false, false, cite);
    }

    /** A definition not used anywhere that reads list elements' fields. */
    static Context inAnyItem() {
        return new Context(Optional.empty(), true, false, false, Optional.empty());
    }

    /** A child of this criterion, inheriting {@code cite}. */
    Context nested(Optional<String> childCite) {
        return new Context(item, anyItem, traceable, false, childCite);
    }

    /** A condition inside this criterion ({@code refer}'s {@code when}), which takes no id. */
    Context condition() {
        return new Context(item, anyItem, false, false, cite);
    }

    /** The element shapes whose fields a fact here may name. */
    List<Shape> items() {
        if (anyItem) {
            return FactResolver.objectLists().stream().map(Field::items).map(Optional::get).toList();
        }
        return item.map(List::of).orElse(List.of());
    }
}
