package org.pumpauth.notes;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pain: the persistent score despite treatment (in a trial note the pre-trial baseline), never
 * a goal, best, worst, breakthrough, post-trial or earlier score; whether it significantly limits
 * daily life; severe and intractable; an objective basis.
 */
final class PainRules extends NoteRule {

    private static final Pattern SCORE = words("\\b(\\d{1,2})\\s*(/|out of)\\s*10\\b");
    /** Words before a score that make it the persistent level. */
    private static final Pattern PERSISTENT = words("\\b(baseline|current(ly)?|despite|on average|average|usual|daily|constant|persistent|rated|today|at rest)\\b");
    /** Words before a score that make it some other score. */
    private static final Pattern OTHER_SCORE = words("\\b(goal|target|best|worst|least|lowest|highest|breakthrough|after|post|discharge|remained|decrease[ds]?|reduce[ds]?|reduction|to|at|peak|previously|prior|was|initially|improved|down)\\b|[≤<>≥→]|\\b\\d+\\s*h(ours?)?\\s*:");
    /** A score that only names the pain ("NRS 7/10"), kept when nothing better is stated. */
    private static final Pattern LABEL = words("^\\s*(pain( score| level)?|NRS|NPRS|VAS)\\s*(is|of|:)?\\s*$");
    private static final Pattern OTHER_AFTER = words("^[^.;]{0,25}\\b(after|following|post|with the trial|goal|target|at best|at worst|at its worst|at its best)\\b");
    private static final Pattern AFTER_SCORE = words("^\\s*(despite|on average|average|at baseline|at rest|currently|today)\\b");

    private static final Pattern DISABILITY = words("\\b(significantly|severely|markedly|substantially|greatly)?\\s*(interfer\\w*|limit\\w*|impair\\w*|restrict\\w*)\\s+(with\\s+)?(his\\s+|her\\s+|the patient's\\s+)?(\\w+,?\\s+){0,3}?(ADLs?|activities of daily living|daily activities|self-care|work|sitting|lifting|function(ing)?|walking|sleep|quality of life)\\b|\\bunable to work\\b");
    private static final Pattern SEVERE_INTRACTABLE = words("\\b(severe,?\\s+(and\\s+)?intractable|intractable,?\\s+(and\\s+)?severe)\\s+(\\S+\\s+){0,3}?pain\\b");
    private static final Pattern OBJECTIVE = words("\\bobjective (basis|evidence|pathology|findings?)\\b|\\bdemonstrable pathology\\b");

    @Override
    void read(Note note, Facts facts) {
        readScore(note, facts);
        each(note, DISABILITY, (s, m) -> {
            String sentence = s.text().toLowerCase(Locale.ROOT);
            boolean aboutPain = sentence.contains("pain") || sentence.startsWith("it ");
            if (aboutPain && !sentence.contains("spasm") && !sentence.contains("spastic") && !hedged(note, s, m.start())
                    && !someoneElse(note, s, m.start(), m.end()) && s.section() == Note.Section.BODY) {
                facts.set("pain.functionalDisability", !negated(note, s, m.start(), m.end()), span(note, m));
            }
        });
        each(note, SEVERE_INTRACTABLE, (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end()) && !hedged(note, s, m.start())) {
                facts.set("pain.severeIntractable", !negated(note, s, m.start(), m.end()), span(note, m));
            }
        });
        each(note, OBJECTIVE, (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end()) && !hedged(note, s, m.start())) {
                facts.set("pain.objectivePathology", !negated(note, s, m.start(), m.end()), span(note, m));
            }
        });
    }

    /**
     * The score: the baseline in a trial note, else a persistent score; the later one wins within
     * a kind, a baseline over any other.
     */
    private static void readScore(Note note, Facts facts) {
        int[] bestRank = {0};
        for (Note.Sentence s : candidates(note, SCORE)) {
            if (s.section() == Note.Section.PLAN || s.section() == Note.Section.FAMILY) {
                continue;
            }
            Matcher m = SCORE.matcher(note.text).region(s.start(), s.end());
            while (m.find()) {
                int value = Integer.parseInt(m.group(1));
                if (value > 10) {
                    continue;
                }
                int clause = clauseStart(note.text, s.start(), m.start());
                String before = note.text.substring(clause, m.start());
                String after = note.text.substring(m.end(), Math.min(s.end(), m.end() + 30));
                boolean persistent = PERSISTENT.matcher(before).find() || AFTER_SCORE.matcher(after).find();
                boolean labelled = LABEL.matcher(before).find();
                if (!(persistent || labelled) || OTHER_SCORE.matcher(before).find() || OTHER_AFTER.matcher(after).find()
                        || hedged(note, s, m.start()) || someoneElse(note, s, m.start(), m.end())) {
                    continue;
                }
                // A baseline beats a persistent score, which beats a score that only names the pain.
                int rank = before.toLowerCase(Locale.ROOT).contains("baseline") ? 3 : persistent ? 2 : 1;
                if (rank >= bestRank[0]) {
                    bestRank[0] = rank;
                    facts.set("pain.score", value, note.span(clause, m.end()));
                }
            }
        }
    }

    /** Where the clause holding {@code at} starts: after the last ; , ( or : before it in the sentence. */
    private static int clauseStart(String text, int from, int at) {
        int i = at;
        while (i > from) {
            char c = text.charAt(i - 1);
            if (c == ';' || c == '(' || c == ':' || c == ',' || c == '.') {
                break;
            }
            i--;
        }
        while (i < at && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
