package org.pumpauth.notes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ConText (Harkema, Dowling, Thornblade, Chapman 2009): whether a mention in a sentence is negated,
 * historical or hypothetical, and whether it is about the patient, decided by trigger phrases and
 * their scopes. The triggers are data ({@code context/triggers.tsv} beside this class): each has
 * a category, and a direction that says which way its scope runs (forward to the end of the
 * sentence, backward to its start, or both), or marks a pseudo-trigger (words that contain a
 * trigger but are not one: "no increase") or a terminator (a word that ends the scopes of its
 * category: "but" ends a negation). A scope also ends at a trigger of a different kind of the same
 * category, so "no fever but cough" leaves the cough affirmed.
 *
 * <p>Immutable and thread-safe; {@link #standard()} is the shipped rule set.
 */
public final class ConText {

    /** The question a trigger answers. */
    public enum Category {
        NEGATED,
        HISTORICAL,
        HYPOTHETICAL,
        FAMILY,
        OTHER
    }

    /** Which way a trigger's scope runs, or what else the phrase does. */
    public enum Direction {
        FORWARD,
        BACKWARD,
        BOTH,
        PSEUDO,
        TERMINATE
    }

    /** One line of a trigger file. */
    public record Trigger(List<String> words, Category category, Direction direction) {
        public Trigger {
            words = List.copyOf(words);
        }
    }

    private static final ConText STANDARD = load(ConText.class, "context/triggers.tsv");

    /** Per category, its triggers by their first word, longest first. */
    private final Map<Category, Map<String, List<Trigger>>> byFirstWord;

    public ConText(List<Trigger> triggers) {
        Map<Category, Map<String, List<Trigger>>> index = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            index.put(c, new HashMap<>());
        }
        for (Trigger t : merged(triggers)) {
            index.get(t.category()).computeIfAbsent(t.words().get(0), w -> new ArrayList<>()).add(t);
        }
        index.values().forEach(m -> m.values()
                .forEach(l -> l.sort(Comparator.comparingInt((Trigger t) -> -t.words().size()))));
        this.byFirstWord = index;
    }

    /** A phrase listed both forward and backward in one category looks both ways. */
    private static List<Trigger> merged(List<Trigger> triggers) {
        Map<List<Object>, Trigger> byPhrase = new LinkedHashMap<>();
        for (Trigger t : triggers) {
            List<Object> key = List.of(t.category(), t.words());
            Trigger before = byPhrase.get(key);
            if (before == null) {
                byPhrase.put(key, t);
            } else if (EnumSet.of(before.direction(), t.direction()).equals(EnumSet.of(Direction.FORWARD, Direction.BACKWARD))) {
                byPhrase.put(key, new Trigger(t.words(), t.category(), Direction.BOTH));
            }
        }
        return List.copyOf(byPhrase.values());
    }

    /** The shipped rules. */
    public static ConText standard() {
        return STANDARD;
    }

    /**
     * The assertion of the mention at {@code sentence}'s characters {@code [start, end)}. Only the
     * sentence is read: split a note into sentences first.
     */
    public Assertion assess(String sentence, int start, int end) {
        return assess(Words.of(sentence), start, end);
    }

    /** The same, over the sentence's words already read (a note reads each sentence's words once). */
    Assertion assess(List<Word> words, int start, int end) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (w.end() > start && w.start() < end) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return Assertion.AFFIRMED;
        }
        Negation negation = applies(words, Category.NEGATED, first, last) ? Negation.NEGATED : Negation.AFFIRMED;
        Temporality temporality = applies(words, Category.HYPOTHETICAL, first, last)
                ? Temporality.HYPOTHETICAL
                : applies(words, Category.HISTORICAL, first, last) ? Temporality.HISTORICAL : Temporality.RECENT;
        Experiencer experiencer = applies(words, Category.FAMILY, first, last)
                ? Experiencer.FAMILY_MEMBER
                : applies(words, Category.OTHER, first, last) ? Experiencer.OTHER : Experiencer.PATIENT;
        return new Assertion(negation, temporality, experiencer);
    }

    private record Match(Trigger trigger, int from, int to) {}

    private boolean applies(List<Word> words, Category category, int first, int last) {
        return inScope(matches(words, byFirstWord.get(category), first, last), category, first, last);
    }

    /**
     * One category's triggers found left to right, the longest at each word; none inside the
     * mention itself. Categories are matched apart, so "no history of" is both a negation and a
     * history.
     */
    private static List<Match> matches(List<Word> words, Map<String, List<Trigger>> byFirstWord, int first, int last) {
        List<Match> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (i >= first && i <= last) {
                i = last + 1;
                continue;
            }
            Trigger hit = longestAt(byFirstWord, words, i, first);
            if (hit == null) {
                i++;
            } else {
                found.add(new Match(hit, i, i + hit.words().size()));
                i += hit.words().size();
            }
        }
        return found;
    }

    private static Trigger longestAt(Map<String, List<Trigger>> byFirstWord, List<Word> words, int i, int first) {
        List<Trigger> candidates = byFirstWord.get(words.get(i).text());
        if (candidates == null) {
            return null;
        }
        for (Trigger t : candidates) {
            int n = t.words().size();
            if (i + n > words.size() || (i < first && i + n > first)) {
                continue;
            }
            boolean same = true;
            for (int k = 1; k < n && same; k++) {
                same = words.get(i + k).text().equals(t.words().get(k));
            }
            if (same) {
                return t;
            }
        }
        return null;
    }

    /**
     * Whether the mention (words {@code first..last}) lies in the scope of a trigger of {@code
     * category}: after a forward trigger with no terminator or other trigger of the category
     * between, or before a backward one likewise.
     */
    private static boolean inScope(List<Match> matches, Category category, int first, int last) {
        for (int m = 0; m < matches.size(); m++) {
            Match match = matches.get(m);
            Trigger t = match.trigger();
            if (t.category() != category) {
                continue;
            }
            Direction d = t.direction();
            if (match.to() <= first && (d == Direction.FORWARD || d == Direction.BOTH)) {
                if (!stopped(matches, category, m + 1, first, 1)) {
                    return true;
                }
            }
            if (match.from() > last && (d == Direction.BACKWARD || d == Direction.BOTH)) {
                if (!stopped(matches, category, m - 1, last, -1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a terminator or pseudo-trigger of the category lies between a trigger and the mention. */
    private static boolean stopped(List<Match> matches, Category category, int from, int mention, int step) {
        for (int m = from; m >= 0 && m < matches.size(); m += step) {
            Match match = matches.get(m);
            if (step > 0 ? match.from() > mention : match.to() <= mention) {
                return false;
            }
            if (match.trigger().category() == category
                    && (match.trigger().direction() == Direction.TERMINATE
                            || match.trigger().direction() == Direction.PSEUDO)) {
                return true;
            }
        }
        return false;
    }

    /** Reads a trigger file: {@code trigger<TAB>category<TAB>direction}, {@code #} comments. */
    public static ConText load(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("ConText triggers are missing: " + resource);
            }
            return new ConText(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Trigger> parse(BufferedReader reader, String source) throws IOException {
        List<Trigger> triggers = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 3) {
                throw new IllegalStateException(source + ":" + number + ": a trigger line is phrase, category, direction");
            }
            List<String> words = new ArrayList<>();
            Words.of(cols[0]).forEach(w -> words.add(w.text()));
            if (words.isEmpty()) {
                throw new IllegalStateException(source + ":" + number + ": the phrase has no words");
            }
            triggers.add(new Trigger(
                    words,
                    Category.valueOf(cols[1].strip().toUpperCase(Locale.ROOT)),
                    Direction.valueOf(cols[2].strip().toUpperCase(Locale.ROOT))));
        }
        return triggers;
    }
}
