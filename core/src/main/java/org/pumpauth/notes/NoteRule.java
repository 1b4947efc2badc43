package org.pumpauth.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One family of facts a note states (pain, therapy, trials, ...): reads the note, adds to the facts. */
abstract class NoteRule {

    /** Words that make a statement a plan, a condition, an offer or a goal rather than a fact. */
    static final Pattern HEDGE = Pattern.compile(
            "(?i)\\b(if|will|would|may|might|could|possibly|potential(ly)?|discuss(ed)?|consider(ed|ing)?|goals?|target"
                    + "|plans?|planned|offered|declined|recommend(s|ed)?|should|once|until|pending|candidacy|whether"
                    + "|risks? of|unless|hope|hopes|aim|wishes to|would like)\\b");

    abstract void read(Note note, Facts facts);

    static Pattern words(String regex) {
        return Pattern.compile("(?i)" + regex);
    }

    /** Every match of {@code pattern} in every sentence, in note order. */
    static void each(Note note, Pattern pattern, BiConsumer<Note.Sentence, Matcher> action) {
        Matcher m = pattern.matcher(note.text);
        for (Note.Sentence s : candidates(note, pattern)) {
            m.region(s.start(), s.end());
            while (m.find()) {
                action.accept(s, m);
            }
        }
    }

    /**
     * The sentences that may hold a match of {@code pattern}, in note order: those where one of its
     * words starts (see Needles), all of them when it has none.
     */
    static List<Note.Sentence> candidates(Note note, Pattern pattern) {
        int[] hits = Needles.positions(pattern, note.lower, note.text.length());
        if (hits == null) {
            return note.sentences;
        }
        List<Note.Sentence> out = new ArrayList<>();
        int h = 0;
        for (Note.Sentence s : note.sentences) {
            while (h < hits.length && hits[h] < s.start()) {
                h++;
            }
            if (h == hits.length) {
                break;
            }
            if (hits[h] < s.end()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether the sentence, before {@code at}, makes what follows a plan, an offer or a goal. */
    static boolean hedged(Note note, Note.Sentence s, int at) {
        return s.section() == Note.Section.PLAN
                || HEDGE.matcher(note.text).region(s.start(), Math.max(s.start(), at)).find();
    }

    /** Whether the whole sentence is a plan, an offer or a goal. */
    static boolean hedged(Note note, Note.Sentence s) {
        return s.section() == Note.Section.PLAN || HEDGE.matcher(note.text).region(s.start(), s.end()).find();
    }

    /** Whether the mention is about a relative or another person, by its section or by ConText. */
    static boolean someoneElse(Note note, Note.Sentence s, int start, int end) {
        return s.section() == Note.Section.FAMILY || note.assess(s, start, end).experiencer() != Experiencer.PATIENT;
    }

    static boolean negated(Note note, Note.Sentence s, int start, int end) {
        return note.assess(s, start, end).negation() == Negation.NEGATED;
    }

    static Span span(Note note, Matcher m) {
        return note.span(m.start(), m.end());
    }

    static Span span(Note note, Matcher m, int group) {
        return note.span(m.start(group), m.end(group));
    }
}
