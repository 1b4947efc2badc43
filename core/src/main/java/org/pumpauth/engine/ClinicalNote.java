package org.pumpauth.engine;

import java.util.Objects;

/**
 * A clinical note to read for evidence: where it comes from ({@code notes[0]} for a request's
 * first note, the name of a note attached to a case) and its text.
 */
public record ClinicalNote(String source, String text) {
    public ClinicalNote {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
