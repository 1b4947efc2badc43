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
        int[] hits = note.needles(pattern);
        if (hits == null || !Needles.matchStartsAtNeedle(pattern)) {
            each(note, pattern, candidates(note, pattern), action);
            return;
        }
        // Every match starts at a needle: a sentence is scanned from the first needle that may start
        // one, when the scan finds there what it finds from the sentence's start (see Needles).
        Matcher m = pattern.matcher(note.text);
        int h = 0;
        for (Note.Sentence s : note.sentences) {
            while (h < hits.length && hits[h] >> 1 < s.start()) {
                h++;
            }
            if (h == hits.length) {
                break;
            }
            int first = firstNeedle(note, hits, h, s);
            if (first < 0) {
                continue;
            }
            int from = hits[first] >> 1;
            if (from > s.start() && !Needles.nonWordBefore(note.text, from)) {
                from = s.start();
            }
            m.region(from, s.end());
            while (m.find()) {
                action.accept(s, m);
            }
        }
    }

    /** The index of the first of {@code hits}, from {@code h} on, that starts one of the pattern's words in {@code s}; -1 if none. */
    private static int firstNeedle(Note note, int[] hits, int h, Note.Sentence s) {
        for (int i = h; i < hits.length && hits[i] >> 1 < s.end(); i++) {
            if (Needles.startsAt(hits[i], note.text, s.start())) {
                return i;
            }
        }
        return -1;
    }

    /** Every match of {@code pattern} in {@code sentences} (those that may hold one), in note order. */
    static void each(Note note, Pattern pattern, List<Note.Sentence> sentences, BiConsumer<Note.Sentence, Matcher> action) {
        Matcher m = pattern.matcher(note.text);
        for (Note.Sentence s : sentences) {
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
        int[] hits = note.needles(pattern);
        if (hits == null) {
            return note.sentences;
        }
        List<Note.Sentence> out = new ArrayList<>();
        int h = 0;
        for (Note.Sentence s : note.sentences) {
            while (h < hits.length && hits[h] >> 1 < s.start()) {
                h++;
            }
            if (h == hits.length) {
                break;
            }
            if (firstNeedle(note, hits, h, s) >= 0) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Whether {@code pattern} finds a match in the note's characters from the sentence's start to
     * {@code to}, read as a text of their own (as {@code pattern.matcher(text.substring(s.start(),
     * to)).find()} does); a sentence where none of its needles starts is not scanned.
     */
    static boolean finds(Note note, Pattern pattern, Note.Sentence s, int to) {
        int from = s.start();
        int[] hits = note.needles(pattern);
        if (hits != null && !anyStartsIn(hits, note.text, from, to)) {
            return false;
        }
        return pattern.matcher(note.text).region(from, to).find();
    }

    private static boolean anyStartsIn(int[] hits, String text, int from, int to) {
        // the first hit at or after from: hits are sorted by position
        int lo = 0;
        int hi = hits.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hits[mid] >> 1 < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < hits.length && hits[i] >> 1 < to; i++) {
            if (Needles.startsAt(hits[i], text, from)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the sentence, before {@code at}, makes what follows a plan, an offer or a goal. */
    static boolean hedged(Note note, Note.Sentence s, int at) {
        return s.section() == Note.Section.PLAN || finds(note, HEDGE, s, Math.max(s.start(), at));
    }

    /** Whether the whole sentence is a plan, an offer or a goal. */
    static boolean hedged(Note note, Note.Sentence s) {
        return s.section() == Note.Section.PLAN || finds(note, HEDGE, s, s.end());
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
