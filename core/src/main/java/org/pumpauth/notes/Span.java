package org.pumpauth.notes;

/**
 * Where in a note a fact was read: character offsets into the note's text, end exclusive, and
 * exactly the note's characters between them (so a reviewer sees the words that state the fact).
 */
public record Span(int start, int end, String text) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a span needs 0 <= start <= end");
        }
        if (text == null || text.length() != end - start) {
            throw new IllegalArgumentException("a span's text must be its end - start characters");
        }
    }

    /** The span of {@code note}'s characters {@code [start, end)}. */
    public static Span of(String note, int start, int end) {
        return new Span(start, end, note.substring(start, end));
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
