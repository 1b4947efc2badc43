package org.pumpauth.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoteReaderTest {

    private final NoteReader reader = new NoteReader();

    @Test
    void a_note_that_states_nothing_proposes_nothing() {
        assertThat(reader.read("Seen today. Return in three months.")).isEmpty();
        assertThat(reader.read("")).isEmpty();
    }

    @Test
    void a_span_is_exactly_the_notes_characters() {
        String note = "Baseline NRS 8/10 today.";
        Span span = Span.of(note, 0, 17);
        assertThat(span.text()).isEqualTo("Baseline NRS 8/10");
        assertThatThrownBy(() -> new Span(0, 5, "abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_note_longer_than_the_limit_is_refused_with_its_length_not_its_text() {
        String huge = "x".repeat(NoteReader.MAX_CHARS + 1);
        assertThatThrownBy(() -> reader.read(huge))
                .isInstanceOf(UnreadableNoteException.class)
                .hasMessage("a note may have at most 2000000 characters; this one has 2000001");
    }
}
