package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.request.FieldType;

/**
 * A fact a criterion tests: a request field, a field of the list element at hand, or a fact
 * derived from several fields (age at the service date, terminal per G5, ...).
 */
public interface Fact {
    /** The name a policy file uses. */
    String factName();

    FieldType type();

    /**
     * The request fields (contract paths) this fact reads, the first being the one a provider is
     * asked for when it is unknown.
     */
    List<String> askFields();

    /** The values an enumerated fact allows; empty for others. */
    List<String> allowed();

    /**
     * The value in this evaluation, or {@link org.pumpauth.request.Absent#VALUE} when unknown. It
     * records what it read on the evaluation's trace.
     */
    Object read(Evaluation evaluation);
}
