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
    void a_long_note_without_sentence_ends_is_read_in_pieces_with_exact_spans() {
        String runOn = "pain 8/10 despite treatment and no signs of active infection ".repeat(2_000);
        var facts = reader.read(runOn);
        assertThat(facts).extracting(NoteFact::field)
                .containsExactly("pain.score", "contraindications.activeSystemicInfection");
        facts.forEach(f -> f.evidence().forEach(s -> assertThat(runOn.substring(s.start(), s.end())).isEqualTo(s.text())));
    }

    @Test
    void binary_junk_decoded_as_text_is_refused_and_never_quoted() {
        assertThatThrownBy(() -> NoteText.decode(new byte[] {'%', 'P', 'D', 'F', 0, 1, 2}))
                .isInstanceOf(UnreadableNoteException.class)
                .hasMessage("a note must be text; this one has control characters (is it a binary file?)");
        assertThatThrownBy(() -> NoteText.decode(new byte[] {'a', (byte) 0xC3, '(', 'b'}))
                .hasMessage("a note must be UTF-8 text; this one has bytes that are not UTF-8");
        assertThat(NoteText.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k'})).isEqualTo("ok");
    }

    @Test
    void a_note_longer_than_the_limit_is_refused_with_its_length_not_its_text() {
        String huge = "x".repeat(NoteReader.MAX_CHARS + 1);
        assertThatThrownBy(() -> reader.read(huge))
                .isInstanceOf(UnreadableNoteException.class)
                .hasMessage("a note may have at most 2000000 characters; this one has 2000001");
    }
}
