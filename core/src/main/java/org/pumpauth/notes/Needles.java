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

    private static final Map<Pattern, List<String>> CACHE = new ConcurrentHashMap<>();

    private Needles() {}

    /** Whether {@code lowerText} (a note, lower-cased) may hold a match of the pattern. */
    static boolean mayMatch(Pattern pattern, String lowerText) {
        List<String> needles = CACHE.computeIfAbsent(pattern, p -> of(p.pattern()));
        if (needles.isEmpty()) {
            return true;
        }
        for (String n : needles) {
            if (lowerText.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the pattern's needles start in {@code lowerText}, in order: an empty array when none
     * occurs (no match is possible), null when the pattern has no needles or the lower-cased text
     * is not index for index the note (then every sentence is scanned).
     */
    static int[] positions(Pattern pattern, String lowerText, int textLength) {
        List<String> needles = CACHE.computeIfAbsent(pattern, p -> of(p.pattern()));
        if (needles.isEmpty()) {
            return null;
        }
        int[] found = new int[8];
        int n = 0;
        for (String needle : needles) {
            for (int at = lowerText.indexOf(needle); at >= 0; at = lowerText.indexOf(needle, at + 1)) {
                if (n == found.length) {
                    found = java.util.Arrays.copyOf(found, n * 2);
                }
                found[n++] = at;
            }
        }
        if (n > 0 && lowerText.length() != textLength) {
            return null;
        }
        int[] sorted = java.util.Arrays.copyOf(found, n);
        java.util.Arrays.sort(sorted);
        return sorted;
    }

    /** The needles of a regular expression, or none. */
    static List<String> of(String regex) {
        Parser p = new Parser(regex);
        List<String> found = p.alternation();
        return p.pos < regex.length() || found == null ? List.of() : List.copyOf(found);
    }

    /**
     * A small reader of the expressions the rules use: each method returns the needles of what it
     * read, or null when a match need not contain any literal (an optional part, a class, \\d).
     */
    private static final class Parser {
        private final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        List<String> alternation() {
            List<String> all = new ArrayList<>();
            boolean none = false;
            while (true) {
                List<String> part = sequence();
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

        /** The best needles of a sequence: its longest literal run, or a required group's. */
        private List<String> sequence() {
            List<String> best = null;
            StringBuilder literal = new StringBuilder();
            while (pos < s.length() && s.charAt(pos) != '|' && s.charAt(pos) != ')') {
                Atom atom = atom();
                int min = quantifier();
                if (atom.literal != null && min == 1 && atom.plain) {
                    literal.append(atom.literal);
                    continue;
                }
                best = better(best, literal);
                literal.setLength(0);
                if (min >= 1) {
                    List<String> needles = atom.literal != null ? List.of(atom.literal) : atom.needles;
                    best = better(best, needles);
                }
            }
            return better(best, literal);
        }

        private static List<String> better(List<String> best, CharSequence literal) {
            return literal.length() == 0 ? best : better(best, List.of(literal.toString()));
        }

        private static List<String> better(List<String> best, List<String> candidate) {
            if (candidate == null || candidate.isEmpty()) {
                return best;
            }
            if (best == null) {
                return candidate;
            }
            return shortest(candidate) > shortest(best) ? candidate : best;
        }

        private static int shortest(List<String> needles) {
            return needles.stream().mapToInt(String::length).min().orElse(0);
        }

        /** One atom: a literal character, a group's needles, or nothing usable. */
        private record Atom(String literal, List<String> needles, boolean plain) {}

        private Atom atom() {
            char c = s.charAt(pos++);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    skipClass();
                    return new Atom(null, null, false);
                case '\\':
                    char e = s.charAt(pos++);
                    if (Character.isLetterOrDigit(e)) {
                        if ((e == 'p' || e == 'P') && pos < s.length() && s.charAt(pos) == '{') {
                            pos = s.indexOf('}', pos) + 1;
                        }
                        return new Atom(null, null, false); // \b, \s, \d, \w ...
                    }
                    return new Atom(String.valueOf(e).toLowerCase(Locale.ROOT), null, true);
                case '.':
                case '^':
                case '$':
                    return new Atom(null, null, false);
                default:
                    return new Atom(String.valueOf(c).toLowerCase(Locale.ROOT), null, true);
            }
        }

        private Atom group() {
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
                    pos = s.charAt(pos + 1) == '<' ? pos + 3 : pos + 2;
                    alternation();
                    pos++;
                    return new Atom(null, null, false);
                }
            }
            List<String> inner = alternation();
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
