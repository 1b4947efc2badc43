package org.pumpauth.notes;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intraspinal drug trials already done (not stimulator trials, blocks or planned trials): from a
 * trial's own procedure note, or a sentence reporting one ("s/p successful intrathecal morphine
 * trial"). Relief as stated, else from the documented scores: "VAS 8 to 2" is 75%.
 */
final class TrialRules extends NoteRule {

    private static final Pattern DONE_TRIAL = words("\\b(s/p|status post|underwent|completed|had|after)\\s+(an?\\s+)?(successful|positive|failed|negative|unsuccessful)?\\s*(single[- ]shot\\s+|bolus\\s+)?(intrathecal|epidural|IT)\\s+(\\w+\\s+){0,2}?trial\\b");
    private static final Pattern STATED_RELIEF = words("\\b(\\d{1,3})\\s*%\\s*(reduction|relief|improvement|decrease)\\b");
    private static final Pattern SCORES = words("\\b(?:(?:NRS|VAS|NPRS|pain)\\s*(?:score\\s*)?(?:from\\s+)?|from\\s+)(\\d{1,2})(?:/10)?\\s*(?:→|->|to)\\s*(\\d{1,2})(?:/10)?\\b");
    private static final Pattern DRUG = words("\\b(morphine|hydromorphone|fentanyl|sufentanil|baclofen|ziconotide|clonidine|bupivacaine|Infumorph|Prialt|Lioresal|Gablofen|Dilaudid)\\b");

    @Override
    void read(Note note, Facts facts) {
        boolean trialNote = note.titled("trial") && !note.titled("stimulat") && !note.titled("scs");
        if (trialNote) {
            readTrialNote(note, facts);
            return;
        }
        each(note, DONE_TRIAL, (s, m) -> {
            if (hedged(note, s, m.start()) || someoneElse(note, s, m.start(), m.end()) || facts.hasPrefix("intraspinalTrials[0]")) {
                return;
            }
            String p = "intraspinalTrials[0].";
            String route = m.group(5).toLowerCase(Locale.ROOT);
            facts.set(p + "route", route.equals("epidural") ? "epidural" : "intrathecal", span(note, m, 5));
            Matcher drug = DRUG.matcher(m.group());
            if (drug.find()) {
                facts.set(p + "drugClass", drugClass(drug.group(1)), note.span(m.start() + drug.start(), m.start() + drug.end()));
            }
            Matcher relief = STATED_RELIEF.matcher(note.text).region(m.end(), s.end());
            if (relief.find()) {
                facts.set(p + "reliefPercent", Double.parseDouble(relief.group(1)), note.span(relief.start(), relief.end()));
            }
            Dates.after(note.text, m.end(), s.end()).ifPresent(d -> facts.set(p + "date", d.iso(), note.span(d.start(), d.end())));
            if (m.group(3) != null) {
                String how = m.group(3).toLowerCase(Locale.ROOT);
                facts.set(p + "favorableResponse", how.equals("successful") || how.equals("positive"), span(note, m, 3));
            }
        });
    }

    private static void readTrialNote(Note note, Facts facts) {
        String p = "intraspinalTrials[0].";
        Matcher date = words("^\\s*(date|date of (procedure|service|trial))\\s*:").matcher("");
        for (Note.Sentence s : note.sentences) {
            if (date.reset(s.text()).find()) {
                Dates.after(note.text, s.start(), s.end()).ifPresent(d -> facts.set(p + "date", d.iso(), note.span(d.start(), d.end())));
                break;
            }
        }
        first(note, words("\\b(intrathecal(ly)?|epidural(ly)?)\\b")).ifPresent(m ->
                facts.set(p + "route", m.group(1).toLowerCase(Locale.ROOT).startsWith("epidural") ? "epidural" : "intrathecal", span(note, m)));
        first(note, words("\\b(single[- ]shot|bolus|continuous infusion|catheter trial)\\b")).ifPresent(m -> {
            String mode = m.group(1).toLowerCase(Locale.ROOT);
            facts.set(p + "mode", mode.startsWith("single") || mode.equals("bolus") ? "bolus" : "continuous", span(note, m));
        });
        first(note, DRUG).ifPresent(m -> facts.set(p + "drugClass", drugClass(m.group(1)), span(note, m)));
        Optional<Matcher> stated = last(note, STATED_RELIEF);
        if (stated.isPresent()) {
            facts.set(p + "reliefPercent", Double.parseDouble(stated.get().group(1)), span(note, stated.get()));
        } else {
            last(note, SCORES).ifPresent(m -> {
                double before = Double.parseDouble(m.group(1));
                double after = Double.parseDouble(m.group(2));
                if (before > 0 && after <= before) {
                    facts.set(p + "reliefPercent", Math.round((before - after) / before * 1000) / 10.0, span(note, m));
                }
            });
        }
        first(note, words("\\bside effects (were |are )?(tolerable|tolerated|acceptable)\\b|\\btolerable side effects\\b")).ifPresent(m ->
                facts.set(p + "sideEffectsTolerable", true, span(note, m)));
        first(note, words("\\bside effects (were |are )?(intolerable|not tolerated|unacceptable)\\b")).ifPresent(m ->
                facts.set(p + "sideEffectsTolerable", false, span(note, m)));
        first(note, words("\\bwishes to proceed\\b|\\bwould like to proceed\\b|\\bpatient accepts\\b|\\bpleased with the relief\\b")).ifPresent(m ->
                facts.set(p + "patientAccepts", true, span(note, m)));
        first(note, words("\\b(positive|successful|favou?rable)\\b[^.]{0,40}\\btrial\\b|\\btrial (was )?(positive|successful)\\b")).ifPresent(m ->
                facts.set(p + "favorableResponse", true, span(note, m)));
        first(note, words("\\b(negative|unsuccessful|failed)\\b[^.]{0,30}\\btrial\\b")).ifPresent(m ->
                facts.set(p + "favorableResponse", false, span(note, m)));
        first(note, words("\\b(inpatient|admitted|23[- ]h(ou)?r? observation|overnight observation|outpatient)\\b")).ifPresent(m -> {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            String setting = w.equals("outpatient") ? "outpatient" : w.startsWith("23") || w.startsWith("overnight") ? "observation-then-outpatient" : "inpatient";
            facts.set(p + "setting", setting, span(note, m));
        });
        first(note, words("\\b(\\d{1,2})[- ]day (continuous )?(infusion|trial)\\b")).ifPresent(m ->
                facts.set(p + "durationDays", Double.parseDouble(m.group(1)), span(note, m)));
    }

    static String drugClass(String drug) {
        switch (drug.toLowerCase(Locale.ROOT)) {
            case "baclofen":
            case "lioresal":
            case "gablofen":
                return "antispasmodic";
            case "floxuridine":
                return "chemotherapy";
            case "ziconotide":
            case "prialt":
            case "clonidine":
            case "bupivacaine":
                return "non-opioid-analgesic";
            default:
                return "opioid";
        }
    }

    /** The first match outside plans, hedges and other people. */
    private static Optional<Matcher> first(Note note, Pattern pattern) {
        for (Note.Sentence s : candidates(note, pattern)) {
            Matcher m = pattern.matcher(note.text).region(s.start(), s.end());
            while (m.find()) {
                if (!hedged(note, s, m.start()) && !someoneElse(note, s, m.start(), m.end())) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Matcher> last(Note note, Pattern pattern) {
        Matcher found = null;
        for (Note.Sentence s : candidates(note, pattern)) {
            Matcher m = pattern.matcher(note.text).region(s.start(), s.end());
            while (m.find()) {
                if (!hedged(note, s, m.start()) && !someoneElse(note, s, m.start(), m.end())) {
                    found = pattern.matcher(note.text).region(m.start(), s.end());
                    found.find();
                }
            }
        }
        return Optional.ofNullable(found);
    }
}
