package org.pumpauth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pumpauth.notes.Assertion;
import org.pumpauth.notes.NoteFact;
import org.pumpauth.notes.Span;

/**
 * A note reader for the engine's tests while {@code NoteReader} proposes nothing yet: each
 * sentence it knows, where it occurs in a note, states the facts it is given, with the sentence as
 * their evidence. So the tests hold the engine's note step, not the reader's rules.
 */
final class StandInNoteReader implements Function<String, List<NoteFact>> {
    private record Stated(String field, JsonNode value, Assertion assertion) {}

    private final Map<String, List<Stated>> sentences = new LinkedHashMap<>();

    StandInNoteReader states(String sentence, String field, JsonNode value, Assertion assertion) {
        sentences.computeIfAbsent(sentence, s -> new ArrayList<>()).add(new Stated(field, value, assertion));
        return this;
    }

    StandInNoteReader states(String sentence, String field, JsonNode value) {
        return states(sentence, field, value, Assertion.AFFIRMED);
    }

    @Override
    public List<NoteFact> apply(String note) {
        List<NoteFact> facts = new ArrayList<>();
        sentences.forEach((sentence, stated) -> {
            int at = note.indexOf(sentence);
            if (at >= 0) {
                Span span = Span.of(note, at, at + sentence.length());
                stated.forEach(s -> facts.add(new NoteFact(s.field(), s.value(), s.assertion(), List.of(span))));
            }
        });
        return facts;
    }
}
