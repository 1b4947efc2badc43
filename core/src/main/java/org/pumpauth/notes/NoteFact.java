package org.pumpauth.notes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A request fact a clinical note proposes: the request-contract field path (list entries indexed
 * oldest first, {@code intraspinalTrials[0].reliefPercent}), its JSON value, the assertion of the
 * words that state it, and those words. A proposal, never a decision: a person confirms it before
 * it counts.
 *
 * @param evidence the spans of the note that state the fact, in note order, at least one
 */
public record NoteFact(String field, JsonNode value, Assertion assertion, List<Span> evidence) {

    public NoteFact {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(assertion, "assertion");
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("a note fact needs at least one evidence span");
        }
    }
}
