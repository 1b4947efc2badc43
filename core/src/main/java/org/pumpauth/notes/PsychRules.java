package org.pumpauth.notes;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The psychological evaluation: done or not yet, its date and evaluator, and its conclusions, read
 * from the evaluation itself or from a note that reports its result. A templated review of
 * systems ("Psych: negative for depression") is not an evaluation.
 */
final class PsychRules extends NoteRule {

    private static final Pattern NOT_DONE = words("\\b(psych(ological)?|behavioral health) (evaluation|assessment|clearance)\\b[^.]{0,40}?\\b(not yet|not been|has not|hasn't|is pending|pending)\\b[^.]{0,15}\\b(completed|performed|done|been performed)");
    private static final Pattern DONE = words("\\b(psych(ological)?) (evaluation|assessment|clearance)\\s+(was\\s+|has been\\s+)?(completed|done|performed)\\b(?![^.]{0,20}\\b(not|yet)\\b)");
    private static final Pattern CANDIDATE = words("\\b(is\\s+)?(not\\s+)?(an?\\s+)?(appropriate|suitable|good|acceptable)\\s+candidate\\b");
    private static final Pattern DATE_LINE = words("\\b(date of (evaluation|assessment|service)|evaluation date)\\s*:\\s*");
    private static final Pattern EVALUATOR = words("\\b(evaluator|evaluated by|psychologist|examiner)\\b[^\\n]{0,80}?\\b(Ph\\.?D|Psy\\.?D|psychologist|neuropsychologist|psychiatrist)\\b");
    private static final Pattern COGNITIVE = words("\\bcognitive ability\\b[^.]{0,40}\\b(adequate|intact|sufficient)\\b|\\bcognitive(ly)? (intact|capable)\\b");
    private static final Pattern PHYSICAL = words("\\b(physical capability|physically (able|capable))\\b|\\bable to attend (refill|follow-up)");
    private static final Pattern WILLING = words("\\bwilling to comply\\b|\\bwilling(ness)? to (attend|adhere|follow)\\b");
    private static final Pattern SUPPORT = words("\\bsocial support\\s+(is\\s+)?(adequate|good|strong|sufficient)\\b|\\b(adequate|good|strong) social support\\b");
    private static final Pattern NO_SUPPORT = words("\\b(lacks|inadequate|poor|limited|no) social support\\b");
    private static final Pattern NO_UNTREATED = words("\\bno untreated psych(ological|iatric) (condition|disorder|illness)\\b");
    /** Exclusion factors the evaluator finds present now (ConText: affirmed, recent, the patient). */
    private static final java.util.List<java.util.Map.Entry<String, Pattern>> EXCLUSIONS = java.util.List.of(
            java.util.Map.entry("active-psychosis", words("\\b(active )?psychosis\\b|\\bpsychotic symptoms\\b")),
            java.util.Map.entry("active-suicidality", words("\\bsuicidal (ideation|intent|plan)\\b|\\bsuicidality\\b")),
            java.util.Map.entry("active-homicidality", words("\\bhomicidal (ideation|intent)\\b")),
            java.util.Map.entry("untreated-major-depression", words("\\buntreated (major )?depressi(on|ve disorder)\\b")),
            java.util.Map.entry("somatization", words("\\bsomatization\\b|\\bsomatic symptom disorder\\b")),
            java.util.Map.entry("alcohol-dependency", words("\\balcohol (dependence|use disorder)\\b")),
            java.util.Map.entry("drug-dependency", words("\\b(opioid|drug|substance|cannabis|stimulant) (dependence|use disorder)\\b")),
            java.util.Map.entry("unresolved-litigation", words("\\b(pending|unresolved|ongoing) (litigation|lawsuit)\\b")),
            java.util.Map.entry("lacks-social-support", words("\\black(s)? (of )?social support\\b")));
    /** A first line that names the evaluation only to say it is not done, not there or still to come. */
    private static final Pattern UNDONE_TITLE = words("\\b(not|no|pending|awaited|ordered|referral|requested|scheduled)\\b");
    private static final Pattern BENEFIT = words("\\b(expected|likely) to benefit\\b");

    @Override
    void read(Note note, Facts facts) {
        // The first line names the evaluation only when it is a heading: "Her mother had a
        // psychological evaluation completed." is a sentence about someone else, not a title.
        boolean heading = !note.title.endsWith(".");
        boolean evaluation = heading && (note.titled("psycholog") || note.titled("behavioral") || note.titled("psychiatric"))
                && (note.titled("evaluation") || note.titled("assessment") || note.titled("screening") || note.titled("consult"))
                && !UNDONE_TITLE.matcher(note.title).find();
        if (evaluation) {
            facts.set("psychEvaluation.completed", true, note.span(0, note.title.length()));
            each(note, DATE_LINE, (s, m) -> Dates.after(note.text, m.end(), s.end())
                    .ifPresent(d -> facts.set("psychEvaluation.date", d.iso(), note.span(d.start(), d.end()))));
            each(note, EVALUATOR, (s, m) -> {
                String who = m.group(2).toLowerCase(Locale.ROOT);
                facts.set("psychEvaluation.evaluator", who.equals("psychiatrist") ? "psychiatrist" : "psychologist", span(note, m, 2));
            });
            // "not willing to comply" documents the opposite of willingness: it proposes nothing.
            each(note, COGNITIVE, (s, m) -> {
                if (!negated(note, s, m.start(), m.end())) {
                    facts.set("psychEvaluation.documentsCognitiveAbility", true, span(note, m));
                }
            });
            each(note, PHYSICAL, (s, m) -> {
                if (!negated(note, s, m.start(), m.end())) {
                    facts.set("psychEvaluation.documentsPhysicalCapability", true, span(note, m));
                }
            });
            each(note, WILLING, (s, m) -> {
                if (!negated(note, s, m.start(), m.end())) {
                    facts.set("psychEvaluation.documentsWillingness", true, span(note, m));
                }
            });
            each(note, NO_UNTREATED, (s, m) -> facts.set("psychEvaluation.untreatedPsychCondition", false, span(note, m)));
            each(note, BENEFIT, (s, m) -> {
                if (!negated(note, s, m.start(), m.end())) {
                    facts.set("psychEvaluation.benefitExpected", true, span(note, m));
                }
            });
        }
        if (evaluation) {
            for (java.util.Map.Entry<String, Pattern> factor : EXCLUSIONS) {
                each(note, factor.getValue(), (s, m) -> {
                    Assertion a = note.assess(s, m.start(), m.end());
                    if (a.equals(Assertion.AFFIRMED) && s.section() == Note.Section.BODY && !hedged(note, s, m.start())) {
                        facts.add("psychEvaluation.exclusionFactors", factor.getKey(), span(note, m));
                    }
                });
            }
        }
        each(note, SUPPORT, (s, m) -> {
            if (evaluation || s.text().toLowerCase(Locale.ROOT).contains("psych")) {
                facts.set("psychEvaluation.socialSupportAdequate", true, span(note, m));
            }
        });
        each(note, NO_SUPPORT, (s, m) -> {
            if (evaluation) {
                facts.set("psychEvaluation.socialSupportAdequate", false, span(note, m));
            }
        });
        each(note, DONE, (s, m) -> {
            // a relative's evaluation ("her mother had a psychological evaluation completed") is not the patient's
            if (!hedged(note, s, m.start()) && !someoneElse(note, s, m.start(), m.end())) {
                facts.set("psychEvaluation.completed", true, span(note, m));
            }
        });
        each(note, NOT_DONE, (s, m) -> {
            if (s.section() != Note.Section.REVIEW_OF_SYSTEMS) {
                facts.set("psychEvaluation.completed", false, span(note, m));
            }
        });
        each(note, CANDIDATE, (s, m) -> {
            String sentence = s.text().toLowerCase(Locale.ROOT);
            boolean aboutPsych = evaluation || sentence.contains("psycholog") || sentence.contains("psych eval");
            if (aboutPsych && !hedged(note, s, m.start()) && !sentence.contains("surgical candidate")) {
                facts.set("psychEvaluation.appropriateCandidate", m.group(2) == null, span(note, m));
            }
        });
    }
}
