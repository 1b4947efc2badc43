package org.pumpauth.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Words one of which every match of a rule's pattern contains, read from the pattern itself, so a
 * note that contains none of them is not scanned with the pattern at all (a plain substring search
 * is a hundred times cheaper than a scan with a pattern of alternatives). An empty answer means
 * the pattern has no such words; it is then always scanned.
 */
final class Needles {

    /**
     * One needle: its text, lower-cased; whether the pattern asserts a word boundary right before
     * it ({@code \\b(pt|ot)}), so that an occurrence inside a word ("except", "not") is no place a
     * match can start; and whether nothing of a match comes before it (it leads its alternative).
     */
    record Needle(String text, boolean wordStart, boolean leading) {}

    /** A pattern's needles, and whether every match starts where one of them does. */
    record Reading(List<Needle> needles, boolean matchStartsAtNeedle) {}

    /**
     * The readings of the rules' patterns, which are compiled once (a few hundred). A pattern compiled
     * at each reading of a note would be read and kept again each time: past this many, the cache is
     * emptied rather than grow without end.
     */
    static final int MAX_CACHED = 4096;
    private static final Map<Pattern, Reading> CACHE = new ConcurrentHashMap<>();

    private static Reading reading(Pattern pattern) {
        Reading r = CACHE.get(pattern);
        if (r != null) {
            return r;
        }
        if (CACHE.size() >= MAX_CACHED) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(pattern, p -> read(p.pattern()));
    }

    /** How many patterns' readings are kept. */
    static int cached() {
        return CACHE.size();
    }

    /**
     * Whether every match of the pattern starts where one of its needles does, and nothing in it
     * looks to the left of where a match starts but a word boundary ({@code ^}, a look-behind):
     * then a scan may start at the first needle with a character other than a letter, digit or
     * underscore before it, and find what a scan from the sentence's start finds.
     */
    static boolean matchStartsAtNeedle(Pattern pattern) {
        return reading(pattern).matchStartsAtNeedle();
    }

    private Needles() {}

    /** Whether {@code lowerText} (a note, lower-cased) may hold a match of the pattern. */
    static boolean mayMatch(Pattern pattern, String lowerText) {
        List<Needle> needles = reading(pattern).needles();
        if (needles.isEmpty()) {
            return true;
        }
        for (Needle n : needles) {
            if (lowerText.contains(n.text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the pattern's needles occur in {@code lowerText}, in order, each as {@code 2 * position + 1}
     * when the needle must start a word there and {@code 2 * position} otherwise (see {@link
     * #startsAt}): an empty array when none occurs (no match is possible), null when the pattern has
     * no needles or the lower-cased text is not index for index the note (then every sentence is
     * scanned).
     */
    static int[] positions(Pattern pattern, String lowerText, int textLength, WordStarts starts) {
        List<Needle> needles = reading(pattern).needles();
        if (needles.isEmpty() || lowerText.length() != textLength) {
            return null;
        }
        int[] found = new int[8];
        int n = 0;
        for (Needle needle : needles) {
            String text = needle.text();
            int[] at = needle.wordStart() ? starts.startingWith(text.charAt(0)) : null;
            if (at != null) {
                // Only where a word (or a sentence) starts can this needle start a match.
                for (int p : at) {
                    if (lowerText.startsWith(text, p)) {
                        if (n == found.length) {
                            found = java.util.Arrays.copyOf(found, n * 2);
                        }
                        found[n++] = p * 2 + 1;
                    }
                }
                continue;
            }
            int flag = needle.wordStart() ? 1 : 0;
            for (int p = lowerText.indexOf(text); p >= 0; p = lowerText.indexOf(text, p + 1)) {
                if (n == found.length) {
                    found = java.util.Arrays.copyOf(found, n * 2);
                }
                found[n++] = p * 2 + flag;
            }
        }
        int[] sorted = java.util.Arrays.copyOf(found, n);
        java.util.Arrays.sort(sorted);
        return sorted;
    }

    /**
     * Whether the needle occurrence {@code hit} (from {@link #positions}) may start a match scanned
     * in the region {@code [from, ...)} of {@code text}: always, unless the pattern wants a word to
     * start there and the character before it, inside the region, is a letter, digit or underscore
     * (then {@code \\b} fails there, as java.util.regex reads it).
     */
    static boolean startsAt(int hit, String text, int from) {
        int at = hit >> 1;
        if ((hit & 1) == 0 || at <= from) {
            return true;
        }
        char before = text.charAt(at - 1);
        return !(Character.isLetterOrDigit(before) || before == '_');
    }

    /**
     * Where words start in a note, by their first character lower-cased: each position whose
     * character before is not a letter, digit or underscore, and each sentence's start (a region's
     * start is a word boundary to java.util.regex). Read once a note, it spares a scan of the whole
     * note per needle that must start a word.
     */
    static final class WordStarts {
        private static final int ASCII = 128;
        private static final boolean[] WORD = new boolean[ASCII];

        static {
            for (char c = 0; c < ASCII; c++) {
                WORD[c] = isWordChar(c);
            }
        }

        private final int[][] byChar = new int[ASCII][];

        WordStarts(String text, String lower, List<Note.Sentence> sentences) {
            int[] counts = new int[ASCII];
            int[][] lists = new int[ASCII][];
            int sentence = 0;
            int nextSentence = sentences.isEmpty() ? -1 : sentences.get(0).start();
            boolean afterWord = false; // whether the character before p is a letter, digit or underscore
            for (int p = 0; p < text.length(); p++) {
                boolean starts = !afterWord;
                if (p == nextSentence) {
                    starts = true;
                    sentence++;
                    nextSentence = sentence < sentences.size() ? sentences.get(sentence).start() : -1;
                }
                char t = text.charAt(p);
                afterWord = t < ASCII ? WORD[t] : isWordChar(t);
                char c = lower.charAt(p);
                if (starts && c < ASCII) {
                    int[] list = lists[c];
                    if (list == null) {
                        list = lists[c] = new int[4];
                    } else if (counts[c] == list.length) {
                        list = lists[c] = java.util.Arrays.copyOf(list, list.length * 2);
                    }
                    list[counts[c]++] = p;
                }
            }
            for (int c = 0; c < ASCII; c++) {
                byChar[c] = lists[c] == null ? new int[0] : java.util.Arrays.copyOf(lists[c], counts[c]);
            }
        }

        /** The word starts whose lower-cased character is {@code c}, in order; null when {@code c} is not ASCII. */
        int[] startingWith(char c) {
            return c < ASCII ? byChar[c] : null;
        }
    }

    /**
     * Whether the character before {@code at} is one java.util.regex reads as no part of a word
     * whatever follows it: ASCII, and not a letter, digit or underscore. Then a region starting at
     * {@code at} sees the same word boundary there as one starting before it.
     */
    static boolean nonWordBefore(String text, int at) {
        char c = text.charAt(at - 1);
        return c < WordStarts.ASCII && !WordStarts.WORD[c];
    }

    /** The needles of a regular expression, or none. */
    static List<String> of(String regex) {
        return needles(regex).stream().map(Needle::text).toList();
    }

    /** The needles of a regular expression with where they start, or none. */
    static List<Needle> needles(String regex) {
        return read(regex).needles();
    }

    private static Reading read(String regex) {
        Parser p = new Parser(regex);
        List<Needle> found = p.alternation(false, true);
        if (p.pos < regex.length() || found == null || found.isEmpty()) {
            return new Reading(List.of(), false);
        }
        boolean leading = !p.looksLeft && found.stream().allMatch(Needle::leading);
        return new Reading(List.copyOf(found), leading);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /**
     * A small reader of the expressions the rules use: each method returns the needles of what it
     * read, or null when a match need not contain any literal (an optional part, a class, \\d).
     */
    private static final class Parser {
        private final String s;
        int pos;
        /** Whether the pattern holds a ^, \\A, \\G, \\B or a look-behind. */
        boolean looksLeft;

        Parser(String s) {
            this.s = s;
        }

        /**
         * @param bound whether a word boundary is asserted right before what is read
         * @param leading whether nothing of a match can have been read before it
         */
        List<Needle> alternation(boolean bound, boolean leading) {
            List<Needle> all = new ArrayList<>();
            boolean none = false;
            while (true) {
                List<Needle> part = sequence(bound, leading);
                if (part == null) {
                    none = true;
                } else {
                    all.addAll(part);
                }
                if (pos < s.length() && s.charAt(pos) == '|') {
                    pos++;
                    continue;
                }
                return none ? null : all;
            }
        }

        /**
         * The best needles of a sequence: its longest literal run, or a required group's. A needle
         * starts a word when a {@code \\b} comes right before it and its first character is a
         * word character.
         */
        private List<Needle> sequence(boolean boundAtStart, boolean leadingAtStart) {
            List<Needle> best = null;
            StringBuilder literal = new StringBuilder();
            boolean literalStartsWord = false;
            boolean literalLeads = false;
            boolean bound = boundAtStart; // a word boundary is asserted here, and nothing read since
            boolean leading = leadingAtStart; // nothing of a match read before here
            while (pos < s.length() && s.charAt(pos) != '|' && s.charAt(pos) != ')') {
                Atom atom = atom(bound, leading);
                int min = quantifier();
                if (atom.literal != null && atom.literal.isEmpty()) {
                    continue; // (?i): a flag, nothing read
                }
                if (atom.literal != null && min == 1 && atom.plain) {
                    if (literal.length() == 0) {
                        literalStartsWord = bound && isWordChar(atom.literal.charAt(0));
                        literalLeads = leading;
                    }
                    literal.append(atom.literal);
                    bound = false;
                    leading = false;
                    continue;
                }
                best = better(best, literal, literalStartsWord, literalLeads);
                literal.setLength(0);
                if (min >= 1) {
                    List<Needle> needles = atom.literal != null
                            ? List.of(new Needle(atom.literal, bound && isWordChar(atom.literal.charAt(0)), leading))
                            : atom.needles;
                    best = better(best, needles);
                }
                bound = atom.wordBoundary;
                leading = leading && atom.zeroWidth;
            }
            return better(best, literal, literalStartsWord, literalLeads);
        }

        private static List<Needle> better(List<Needle> best, CharSequence literal, boolean startsWord, boolean leads) {
            return literal.length() == 0 ? best : better(best, List.of(new Needle(literal.toString(), startsWord, leads)));
        }

        private static List<Needle> better(List<Needle> best, List<Needle> candidate) {
            if (candidate == null || candidate.isEmpty()) {
                return best;
            }
            if (best == null) {
                return candidate;
            }
            return shortest(candidate) > shortest(best) ? candidate : best;
        }

        private static int shortest(List<Needle> needles) {
            return needles.stream().mapToInt(n -> n.text().length()).min().orElse(0);
        }

        /**
         * One atom: a literal character, a group's needles, or nothing usable; whether it is {@code
         * \\b}, and whether it reads no character (a word boundary, a look-around).
         */
        private record Atom(String literal, List<Needle> needles, boolean plain, boolean wordBoundary, boolean zeroWidth) {
            Atom(String literal, List<Needle> needles, boolean plain) {
                this(literal, needles, plain, false, false);
            }
        }

        private Atom atom(boolean bound, boolean leading) {
            char c = s.charAt(pos++);
            switch (c) {
                case '(':
                    return group(bound, leading);
                case '[':
                    skipClass();
                    return new Atom(null, null, false);
                case '\\':
                    char e = s.charAt(pos++);
                    if (Character.isLetterOrDigit(e)) {
                        if ((e == 'p' || e == 'P') && pos < s.length() && s.charAt(pos) == '{') {
                            pos = s.indexOf('}', pos) + 1;
                        }
                        if (e == 'A' || e == 'G' || e == 'B') {
                            looksLeft = true;
                        }
                        return new Atom(null, null, false, e == 'b', e == 'b'); // \b, \s, \d, \w ...
                    }
                    return new Atom(String.valueOf(e).toLowerCase(Locale.ROOT), null, true);
                case '^':
                    looksLeft = true;
                    return new Atom(null, null, false);
                case '.':
                case '$':
                    return new Atom(null, null, false);
                default:
                    return new Atom(String.valueOf(c).toLowerCase(Locale.ROOT), null, true);
            }
        }

        private Atom group(boolean bound, boolean leading) {
            if (s.startsWith("?", pos)) {
                int close = pos + 1;
                while (close < s.length() && (Character.isLetter(s.charAt(close)) || s.charAt(close) == '-')) {
                    close++;
                }
                if (close < s.length() && s.charAt(close) == ')') {
                    pos = close + 1; // (?i): a flag, nothing to match
                    return new Atom("", null, true);
                }
                if (close < s.length() && s.charAt(close) == ':') {
                    pos = close + 1; // (?:...), (?-i:...)
                } else {
                    // a look-around: read it, use nothing from it
                    if (s.charAt(pos + 1) == '<') {
                        looksLeft = true;
                    }
                    pos = s.charAt(pos + 1) == '<' ? pos + 3 : pos + 2;
                    alternation(false, false);
                    pos++;
                    return new Atom(null, null, false, false, true);
                }
            }
            List<Needle> inner = alternation(bound, leading);
            pos++; // ')'
            return new Atom(null, inner, false);
        }

        private void skipClass() {
            if (pos < s.length() && s.charAt(pos) == '^') {
                pos++;
            }
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
            }
            while (pos < s.length() && s.charAt(pos) != ']') {
                if (s.charAt(pos) == '\\') {
                    pos++;
                }
                pos++;
            }
            pos++;
        }

        /** The least number of times the atom must match: 1 when there is no quantifier. */
        private int quantifier() {
            if (pos >= s.length()) {
                return 1;
            }
            char q = s.charAt(pos);
            int min;
            if (q == '?' || q == '*') {
                pos++;
                min = 0;
            } else if (q == '+') {
                pos++;
                min = 2; // at least once: usable, but not as part of a literal run
            } else if (q == '{') {
                int close = s.indexOf('}', pos);
                String inside = s.substring(pos + 1, close);
                pos = close + 1;
                min = Integer.parseInt(inside.split(",", -1)[0].strip()) == 0 ? 0 : 2;
            } else {
                return 1;
            }
            if (pos < s.length() && (s.charAt(pos) == '?' || s.charAt(pos) == '+')) {
                pos++; // lazy or possessive
            }
            return min;
        }
    }
}
