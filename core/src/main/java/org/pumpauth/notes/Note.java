package org.pumpauth.notes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note split for reading: its sentences, each with the section it sits in (the label before a
 * colon at the start of a line, "PMH:", "Family hx:", "Plan:"), and the title (the first line).
 */
final class Note {

    /** What a section says about the facts in it. */
    enum Section {
        /** Anything not below. */
        BODY,
        /** Family history: about relatives, never the patient. */
        FAMILY,
        /** A templated review of systems: symptom denials say nothing about a diagnosis. */
        REVIEW_OF_SYSTEMS,
        /** Past medical or surgical history, medication and problem lists: comorbidities. */
        HISTORY,
        /** Plans, recommendations and goals: what will or may be done, not what was. */
        PLAN
    }

    record Sentence(int start, int end, Section section, String text) {}

    private static final Pattern LABEL = Pattern.compile("^\\s*([A-Za-z][A-Za-z /&()'-]{0,38}?)\\s*:");
    private static final Pattern FAMILY = Pattern.compile("(?i)^(family (hx|history)|fh|fhx)$");
    private static final Pattern ROS = Pattern.compile("(?i)^(ros|review of systems)$");
    private static final Pattern ROS_SYSTEM = Pattern.compile(
            "(?i)^(constitutional|general|psych|psychiatric|eyes|ent|heent|cardiac|cardiovascular|cv|resp|respiratory"
                    + "|pulm|gi|gu|neuro|neurologic|skin|msk|musculoskeletal|heme|endo|allergic|all other systems)$");
    private static final Pattern HISTORY = Pattern.compile(
            "(?i)^(pmh|psh|pmhx|past medical history|past surgical history|medical history|surgical history|meds"
                    + "|medications|current medications|problem list)$");
    private static final Pattern PLAN = Pattern.compile(
            "(?i)^(p|plan|recommendations?|discharge plan|goals?|goals of care|treatment goals)$");
    private static final Pattern ABBREVIATION = Pattern.compile("(?i)\\b(dr|ms|mr|mrs|vs|approx|st|e\\.g|i\\.e)$");

    final String text;
    /** The text lower-cased, for quick tests of whether a rule's words occur at all. */
    final String lower;
    final String title;
    final List<Sentence> sentences;

    Note(String text) {
        this.text = text;
        this.lower = text.toLowerCase(Locale.ROOT);
        int firstLine = text.indexOf('\n');
        this.title = (firstLine < 0 ? text : text.substring(0, firstLine)).strip().toLowerCase(Locale.ROOT);
        this.sentences = split(text);
    }

    private static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        Section section = Section.BODY;
        int lineStart = 0;
        // One matcher each, reset per line: making a matcher per line cost more than the matching.
        Matcher label = LABEL.matcher("");
        Matcher abbreviation = ABBREVIATION.matcher(text);
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            label.reset(line);
            if (line.isBlank()) {
                // A blank line ends a plan or a family history only when the next line has its own label.
            } else if (line.indexOf(':') >= 0 && label.find()) { // a label ends at a colon
                String name = label.group(1).strip();
                if (FAMILY.matcher(name).matches()) {
                    section = Section.FAMILY;
                } else if (ROS.matcher(name).matches()) {
                    section = Section.REVIEW_OF_SYSTEMS;
                } else if (section == Section.REVIEW_OF_SYSTEMS && ROS_SYSTEM.matcher(name).matches()) {
                    section = Section.REVIEW_OF_SYSTEMS;
                } else if (HISTORY.matcher(name).matches()) {
                    section = Section.HISTORY;
                } else if (PLAN.matcher(name).matches()) {
                    section = Section.PLAN;
                } else {
                    section = Section.BODY;
                }
            } else if (section != Section.PLAN && !line.startsWith(" ") && !line.startsWith("-")
                    && !Character.isDigit(line.charAt(0))) {
                section = Section.BODY;
            }
            sentencesOfLine(text, lineStart, lineEnd, section, abbreviation, out);
            lineStart = lineEnd + 1;
        }
        return List.copyOf(out);
    }

    /** A line's sentences: it breaks after ". " (not after "Dr." and the like) and "; ". */
    private static void sentencesOfLine(String text, int from, int to, Section section, Matcher abbreviation, List<Sentence> out) {
        int start = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean boundary = (c == '.' || c == '?' || c == '!') && i + 1 < to && text.charAt(i + 1) == ' '
                    && !abbreviation.region(Math.max(from, i - 6), i).find();
            if (boundary) {
                add(text, start, i + 1, section, out);
                start = i + 1;
            }
        }
        add(text, start, to, section, out);
    }

    /** A run of text without sentence ends is read in pieces of this many characters at most. */
    private static final int LONGEST_SENTENCE = 1_000;

    private static void add(String text, int start, int end, Section section, List<Sentence> out) {
        // Without this, a megabyte with no full stop is one sentence, and every mention in it
        // makes ConText read all of it.
        while (end - start > LONGEST_SENTENCE) {
            int cut = text.lastIndexOf(' ', start + LONGEST_SENTENCE);
            if (cut <= start) {
                cut = start + LONGEST_SENTENCE;
            }
            addOne(text, start, cut, section, out);
            start = cut;
        }
        addOne(text, start, end, section, out);
    }

    private static void addOne(String text, int start, int end, Section section, List<Sentence> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(start, end, section, text.substring(start, end)));
        }
    }

    /** Where each pattern's needles occur in the note (see Needles), found once: hedged() asks often. */
    private final Map<java.util.regex.Pattern, int[]> needles = new java.util.IdentityHashMap<>();
    private static final int[] NO_NEEDLES = new int[0];
    private Needles.WordStarts wordStarts;

    /** {@link Needles#positions} of the pattern in this note; null when it must be scanned everywhere. */
    int[] needles(java.util.regex.Pattern pattern) {
        int[] hits = needles.get(pattern);
        if (hits == null) {
            if (wordStarts == null && lower.length() == text.length()) {
                wordStarts = new Needles.WordStarts(text, lower, sentences);
            }
            hits = Needles.positions(pattern, lower, text.length(), wordStarts);
            needles.put(pattern, hits == null ? NO_NEEDLES : hits);
            return hits;
        }
        return hits == NO_NEEDLES ? null : hits;
    }

    /** A sentence's words, read once: several rules ask ConText about mentions in one sentence. */
    private final Map<Integer, List<Word>> wordsBySentence = new HashMap<>();
    /** Each mention's assertion, asked once: a rule asks whether it is negated, someone else's, ... */
    private final Map<Mention, Assertion> assertions = new HashMap<>();

    private record Mention(int sentence, int start, int end) {}

    /** ConText's reading of the note's characters [start, end) within their sentence. */
    Assertion assess(Sentence s, int start, int end) {
        return assertions.computeIfAbsent(new Mention(s.start(), start, end), k -> ConText.standard()
                .assess(wordsBySentence.computeIfAbsent(s.start(), at -> Words.of(s.text())), start - s.start(), end - s.start()));
    }

    Span span(int start, int end) {
        return Span.of(text, start, end);
    }

    boolean titled(String... words) {
        for (String w : words) {
            if (!title.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
