package org.pumpauth.determination;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.pumpauth.notes.Span;

/**
 * A fact a clinical note proposes for a criterion the request leaves unknown: the criterion, the
 * request field and value, how the note asserts it, which note and the words that state it. It
 * does not count until a reviewer confirms it (issue 14): the determination's outcome never rests
 * on it.
 *
 * @param note the note it was read from: {@code notes[1]} for the request's second note, or the
 *     name of a note attached to a case
 * @param assertion one word: {@code affirmed}, {@code negated} or {@code historical} (see
 *     {@link org.pumpauth.notes.Assertion#summary()})
 */
public record ProposedFact(String criterion, String field, JsonNode value, String assertion, String note,
        List<Span> evidence) {

    public ProposedFact {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(note, "note");
        evidence = List.copyOf(evidence);
    }
}
