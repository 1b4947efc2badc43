package org.pumpauth.notes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intraspinal drug trials already done (not stimulator trials, blocks or planned trials): from a
 * trial's own procedure note, or a sentence reporting one ("s/p successful intrathecal morphine
 * trial"). Relief as stated, else from the documented scores: "VAS 8 to 2" is 75%.
 */
final class TrialRules extends NoteRule {

    private static final Pattern DONE_TRIAL = words("\\b(s/p|status post|underwent|completed|had|after|then|second|repeat(?:ed)?|another)\\s+(an?\\s+)?(successful|positive|failed|negative|unsuccessful)?\\s*(single[- ]shot\\s+|bolus\\s+)?(intrathecal|epidural|IT)\\s+(\\w+\\s+){0,2}?trial\\b");
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
        readReportedTrials(note, facts);
    }

    /** One trial a note reports in a sentence: where it is, its date if stated, and what it says of it. */
    private record Reported(int at, Optional<LocalDate> date, String drug, Optional<Boolean> favorable, boolean another,
            List<Consumer<String>> statements) {

        /** Whether this mention, one of the two without a date, can be the earlier trial told again. */
        boolean compatible(Reported earlier) {
            return !another && (date.isEmpty() || earlier.date.isEmpty())
                    && (drug.isEmpty() || earlier.drug.isEmpty() || drug.equals(earlier.drug))
                    && (favorable.isEmpty() || earlier.favorable.isEmpty() || favorable.equals(earlier.favorable));
        }

        Reported dated(Optional<LocalDate> when) {
            return new Reported(at, date.isPresent() ? date : when, drug, favorable, another, statements);
        }
    }

    /**
     * Each trial reported in a sentence ("s/p failed intrathecal morphine trial on 01/10/2024 with
     * 20% relief"), its relief, date and drug read up to the next trial mentioned in the sentence.
     * Trials are indexed oldest first: by their dates when every one has a date, else in note
     * order (notes tell them in order). Two mentions of one date are one trial (its later words win).
     */
    private static void readReportedTrials(Note note, Facts facts) {
        List<Note.Sentence> sentences = new ArrayList<>();
        List<int[]> found = new ArrayList<>();
        List<String[]> groups = new ArrayList<>();
        each(note, DONE_TRIAL, (s, m) -> {
            if (!hedged(note, s, m.start()) && !someoneElse(note, s, m.start(), m.end())) {
                sentences.add(s);
                found.add(new int[] {m.start(), m.end(), m.start(3), m.end(3), m.start(5), m.end(5)});
                groups.add(new String[] {m.group(), m.group(3), m.group(5), m.group(1)});
            }
        });
        List<Reported> trials = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Note.Sentence s = sentences.get(i);
            int[] at = found.get(i);
            String[] g = groups.get(i);
            // The trial's words run to the next trial the sentence mentions.
            int to = i + 1 < found.size() && sentences.get(i + 1).equals(s) ? found.get(i + 1)[0] : s.end();
            List<Consumer<String>> says = new ArrayList<>();
            String route = g[2].toLowerCase(Locale.ROOT);
            Span routeSpan = note.span(at[4], at[5]);
            says.add(p -> facts.set(p + "route", route.equals("epidural") ? "epidural" : "intrathecal", routeSpan));
            Matcher drug = DRUG.matcher(g[0]);
            String drugName = "";
            Optional<Boolean> favorable = Optional.empty();
            if (drug.find()) {
                drugName = DeviceRules.TrialDrug.generic(drug.group(1));
                String name = drug.group(1);
                Span evidence = note.span(at[0] + drug.start(), at[0] + drug.end());
                says.add(p -> facts.set(p + "drugClass", drugClass(name), evidence));
            }
            Matcher relief = STATED_RELIEF.matcher(note.text).region(at[1], to);
            if (relief.find()) {
                double percent = Double.parseDouble(relief.group(1));
                Span evidence = note.span(relief.start(), relief.end());
                says.add(p -> facts.set(p + "reliefPercent", percent, evidence));
            }
            Optional<Dates.Found> date = Dates.after(note.text, at[1], to);
            date.ifPresent(d -> says.add(p -> facts.set(p + "date", d.iso(), note.span(d.start(), d.end()))));
            if (g[1] != null) {
                String how = g[1].toLowerCase(Locale.ROOT);
                favorable = Optional.of(how.equals("successful") || how.equals("positive"));
                Span evidence = note.span(at[2], at[3]);
                says.add(p -> facts.set(p + "favorableResponse", how.equals("successful") || how.equals("positive"), evidence));
            }
            String lead = g[3].toLowerCase(Locale.ROOT);
            boolean another = lead.equals("then") || lead.equals("second") || lead.startsWith("repeat") || lead.equals("another");
            trials.add(new Reported(at[0], date.map(Dates.Found::date), drugName, favorable, another, says));
        }
        // Two mentions of one date are one trial; a mention without a date (or told after one
        // without) that fits the trial told just before it, by drug and outcome, is that trial.
        List<Reported> distinct = new ArrayList<>();
        List<List<Reported>> mentions = new ArrayList<>();
        for (Reported t : trials) {
            int same = -1;
            for (int k = 0; k < distinct.size() && same < 0; k++) {
                if (t.date().isPresent() && t.date().equals(distinct.get(k).date())) {
                    same = k;
                }
            }
            int last = distinct.size() - 1;
            if (same < 0 && last >= 0 && t.compatible(distinct.get(last))) {
                same = last;
            }
            if (same < 0) {
                distinct.add(t);
                mentions.add(new ArrayList<>(List.of(t)));
            } else {
                distinct.set(same, distinct.get(same).dated(t.date()));
                mentions.get(same).add(t);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < distinct.size(); k++) {
            order.add(k);
        }
        if (distinct.stream().allMatch(t -> t.date().isPresent())) {
            order.sort(Comparator.comparing((Integer k) -> distinct.get(k).date().get()));
        }
        for (int index = 0; index < order.size(); index++) {
            String prefix = "intraspinalTrials[" + index + "].";
            for (Reported t : mentions.get(order.get(index))) {
                t.statements().forEach(say -> say.accept(prefix));
            }
        }
    }

    // A trial report's own statements (readTrialNote). Compiled once: the notes reader's needle index is
    // kept per pattern, so a pattern compiled at each reading would be indexed again each time.
    private static final Pattern DATE_LINE = words("^\\s*(date|date of (procedure|service|trial))\\s*:");
    private static final Pattern TRIAL_ROUTE = words("\\b(intrathecal(ly)?|epidural(ly)?)\\b");
    private static final Pattern TRIAL_MODE = words("\\b(single[- ]shot|bolus|continuous infusion|catheter trial)\\b");
    private static final Pattern TOLERABLE = words("\\bside effects (were |are )?(tolerable|tolerated|acceptable)\\b|\\btolerable side effects\\b");
    private static final Pattern INTOLERABLE = words("\\bside effects (were |are )?(intolerable|not tolerated|unacceptable)\\b");
    private static final Pattern ACCEPTS = words("\\bwishes to proceed\\b|\\bwould like to proceed\\b|\\bpatient accepts\\b|\\bpleased with the relief\\b");
    private static final Pattern FAVORABLE = words("\\b(positive|successful|favou?rable)\\b[^.]{0,40}\\btrial\\b|\\btrial (was )?(positive|successful)\\b");
    private static final Pattern UNFAVORABLE = words("\\b(negative|unsuccessful|failed)\\b[^.]{0,30}\\btrial\\b");
    private static final Pattern SETTING = words("\\b(inpatient|admitted|23[- ]h(ou)?r? observation|overnight observation|outpatient)\\b");
    private static final Pattern DURATION = words("\\b(\\d{1,2})[- ]day (continuous )?(infusion|trial)\\b");

    private static void readTrialNote(Note note, Facts facts) {
        String p = "intraspinalTrials[0].";
        Matcher date = DATE_LINE.matcher("");
        for (Note.Sentence s : note.sentences) {
            if (date.reset(s.text()).find()) {
                Dates.after(note.text, s.start(), s.end()).ifPresent(d -> facts.set(p + "date", d.iso(), note.span(d.start(), d.end())));
                break;
            }
        }
        first(note, TRIAL_ROUTE).ifPresent(m ->
                facts.set(p + "route", m.group(1).toLowerCase(Locale.ROOT).startsWith("epidural") ? "epidural" : "intrathecal", span(note, m)));
        first(note, TRIAL_MODE).ifPresent(m -> {
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
        first(note, TOLERABLE).ifPresent(m ->
                facts.set(p + "sideEffectsTolerable", true, span(note, m)));
        first(note, INTOLERABLE).ifPresent(m ->
                facts.set(p + "sideEffectsTolerable", false, span(note, m)));
        first(note, ACCEPTS).ifPresent(m ->
                facts.set(p + "patientAccepts", true, span(note, m)));
        first(note, FAVORABLE).ifPresent(m ->
                facts.set(p + "favorableResponse", true, span(note, m)));
        first(note, UNFAVORABLE).ifPresent(m ->
                facts.set(p + "favorableResponse", false, span(note, m)));
        first(note, SETTING).ifPresent(m -> {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            String setting = w.equals("outpatient") ? "outpatient" : w.startsWith("23") || w.startsWith("overnight") ? "observation-then-outpatient" : "inpatient";
            facts.set(p + "setting", setting, span(note, m));
        });
        first(note, DURATION).ifPresent(m ->
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
