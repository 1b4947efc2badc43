package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.logic.Truth;

/**
 * A node of a compiled policy's criteria tree. Each kind of node is a record that knows how to
 * test itself in three-valued logic; {@link Evaluation} adds the trace around the nodes that
 * carry an id.
 */
public sealed interface Criterion permits All, Any, Not, Compare, Exists, Latest, Count, Sum, Refer {
    Meta meta();

    /** The node's logic on the evaluation at hand, children included. */
    Truth test(Evaluation evaluation);

    /** Direct sub-criteria, for walking the tree (where- and then-clauses included). */
    List<Criterion> children();

    /** Dispatches on the kind of criterion: the one way code outside the node handles each kind. */
    <R> R accept(CriterionVisitor<R> visitor);
}
