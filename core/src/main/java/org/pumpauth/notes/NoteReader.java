package org.pumpauth.notes;

import java.util.List;

/**
 * Reads the request facts a free-text clinical note states, each with the words that state it.
 * Pure and deterministic: the same text always gives the same facts, and nothing is logged.
 */
public final class NoteReader {

    /** The longest note read, in characters (the service's body limit is well below it). */
    public static final int MAX_CHARS = 2_000_000;

    /** The rule families, in the order their facts are listed. */
    private static final List<NoteRule> RULES = List.of(
            new IndicationRules(),
            new PainRules(),
            new SpasticityRules(),
            new TherapyRules(),
            new SafetyRules(),
            new PsychRules(),
            new TrialRules(),
            new DeviceRules());

    public NoteReader() {}

    /**
     * The facts {@code text} states about the patient now, in field order; empty when it states
     * none.
     *
     * @throws UnreadableNoteException when the text is longer than {@link #MAX_CHARS}
     */
    public List<NoteFact> read(String text) {
        if (text.length() > MAX_CHARS) {
            throw new UnreadableNoteException(
                    "a note may have at most " + MAX_CHARS + " characters; this one has " + text.length());
        }
        Note note = new Note(text);
        Facts facts = new Facts();
        for (NoteRule rule : RULES) {
            rule.read(note, facts);
        }
        return facts.list();
    }
}
