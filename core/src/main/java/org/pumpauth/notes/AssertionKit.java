package org.pumpauth.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NegEx/ConText test kit's format: a header line {@code id phrase sentence ...}, then one
 * tab-separated mention a line (the phrase upper-cased in its sentence), optionally with the
 * reference labels in columns named {@code negation}, {@code temporality}, {@code experiencer}.
 * Other columns are ignored.
 */
public final class AssertionKit {

    /** One mention of the kit, with its reference labels when the file has them. */
    public record Mention(
            String id,
            String phrase,
            String sentence,
            Optional<String> negation,
            Optional<String> temporality,
            Optional<String> experiencer) {

        /** Where the phrase is in the sentence: its upper-cased occurrence, else the first one. */
        public int[] locate() {
            Matcher m = Pattern.compile(
                            String.join("\\s+", phrase.strip().split("\\s+")).isEmpty()
                                    ? "(?!)"
                                    : quotedWords(phrase),
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(sentence);
            int[] first = null;
            while (m.find()) {
                int[] at = {m.start(), m.end()};
                if (first == null) {
                    first = at;
                }
                String found = m.group();
                if (found.equals(found.toUpperCase(Locale.ROOT))) {
                    return at;
                }
            }
            return first != null ? first : new int[] {0, sentence.length()};
        }

        private static String quotedWords(String phrase) {
            List<String> parts = new ArrayList<>();
            for (String w : phrase.strip().split("\\s+")) {
                parts.add(Pattern.quote(w));
            }
            return String.join("\\s+", parts);
        }

        /** ConText's reading of this mention. */
        public Assertion assess(ConText context) {
            int[] at = locate();
            return context.assess(sentence, at[0], at[1]);
        }
    }

    private AssertionKit() {}

    /**
     * The mentions of a kit file's text.
     *
     * @throws UnreadableNoteException when the header lacks {@code id}, {@code phrase} or {@code
     *     sentence}, or a line has fewer columns than those need (named by its line number)
     */
    public static List<Mention> parse(String text) {
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new UnreadableNoteException("line 1: the header must name the columns id, phrase and sentence");
        }
        List<String> header = List.of(lines[0].strip().split("\t"));
        int id = header.indexOf("id");
        int phrase = header.indexOf("phrase");
        int sentence = header.indexOf("sentence");
        if (id < 0 || phrase < 0 || sentence < 0) {
            throw new UnreadableNoteException("line 1: the header must name the columns id, phrase and sentence");
        }
        int negation = header.indexOf("negation");
        int temporality = header.indexOf("temporality");
        int experiencer = header.indexOf("experiencer");
        int needed = Math.max(id, Math.max(phrase, sentence)) + 1;
        List<Mention> mentions = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cols = lines[i].split("\t", -1);
            if (cols.length < needed) {
                throw new UnreadableNoteException(
                        "line " + (i + 1) + ": a mention needs the columns id, phrase and sentence; this line has "
                                + cols.length + " columns");
            }
            mentions.add(new Mention(
                    cols[id].strip(),
                    cols[phrase],
                    cols[sentence],
                    column(cols, negation),
                    column(cols, temporality),
                    column(cols, experiencer)));
        }
        return List.copyOf(mentions);
    }

    private static Optional<String> column(String[] cols, int index) {
        return index >= 0 && index < cols.length && !cols[index].isBlank()
                ? Optional.of(cols[index].strip())
                : Optional.empty();
    }
}
