package org.pumpauth.notes;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conservative therapy (the course's length, the modalities received, its outcome, the home
 * program and the therapist's own record) and systemic medication trials, oldest first. Offered,
 * declined, planned and bridging treatments are skipped, as are intraspinal drugs.
 */
final class TherapyRules extends NoteRule {

    private static final List<Map.Entry<String, Pattern>> MODALITIES = List.of(
            Map.entry("physical-therapy", words("\\b((?-i:PT|OT)|physical therapy|occupational therapy|hand therapy|aquatic therapy|manual therapy|mirror therapy|physiotherapy)\\b")),
            Map.entry("home-exercise-program", words("\\b(home exercise program|HEP|home (stretching )?program)\\b")),
            Map.entry("stimulators", Pattern.compile("\\bTENS\\b")),
            Map.entry("injections", words("\\b((?-i:TFESI|ESI)|epidural steroid injections?|(nerve|ganglion|facet|medial branch|plexus) blocks?|neurolysis|botulinum toxin|botox|trigger point injections?)\\b")),
            Map.entry("ice-heat", words("\\b(heat|ice|cryotherapy)\\b")),
            Map.entry("psychological-therapy", words("\\b(CBT|cognitive behavio(u)?ral therapy|pain psychology)\\b(?=[^.;\\n]{0,20}\\bpain\\b)")),
            Map.entry("devices", words("\\b(brace|collar|traction unit|lumbar support|orthosis)\\b")),
            Map.entry("chiropractic", words("\\bchiropractic\\b")),
            Map.entry("acupuncture", words("\\bacupuncture\\b")));

    private static final Pattern NOT_RECEIVED = words("\\b(offered|declined|refused|recommend\\w*|will|would|consider|if|continue|plan\\w*|booster|during trial)\\b");
    private static final Pattern COURSE_WEEKS = words("\\b(\\d{1,3})\\s+(weeks?|months?)\\s+of\\s+(conservative|non-?operative|physical)\\b");
    private static final Pattern COURSE_FOR = words("\\bconservative (therapy|care|treatment|management)\\b[^.;]{0,20}?\\bfor\\s+(\\d{1,3})\\s+(weeks?|months?)\\b");
    private static final Pattern OVER_WEEKS = words("\\bover\\s+(\\d{1,3})\\s+weeks\\b");
    private static final Pattern NO_IMPROVEMENT = words("\\b(without|no)\\s+(meaningful|significant|lasting|clinically meaningful)\\s+improvement\\b");
    private static final Pattern PRESCRIBED = words("\\b(written|printed)\\s+home exercise program\\b|\\bhome exercise program\\s+(was\\s+)?(issued|prescribed|provided)\\b|\\bHEP\\s+(was\\s+)?(issued|prescribed)\\b");
    private static final Pattern FOLLOW_UP = words("\\b(HEP|home exercise program|home program)\\b[^.]{0,40}\\b(6|six)[- ]week\\b|\\b(6|six)[- ]week\\b[^.]{0,40}\\b(HEP|home exercise program)\\b");
    private static final Pattern PARTICIPATION = words("\\b(actively participated|active participation|full participation|participated fully)\\b");

    /** A systemic drug and its medication-trial class. */
    private static final List<Map.Entry<String, Pattern>> DRUGS = List.of(
            Map.entry("opioid", words("\\b(oxycodone|hydrocodone|morphine|hydromorphone|fentanyl|tramadol|tapentadol|methadone|buprenorphine|oxymorphone|codeine|OxyContin|Percocet|Norco|Vicodin|MS Contin|Dilaudid|Nucynta|Duragesic|Butrans|opioids?)\\b")),
            Map.entry("non-opioid-analgesic", words("\\b(gabapentin|pregabalin|duloxetine|amitriptyline|nortriptyline|ibuprofen|naproxen|meloxicam|celecoxib|diclofenac|NSAIDs?|acetaminophen|topiramate|carbamazepine|Neurontin|Lyrica|Cymbalta|Celebrex|Mobic|venlafaxine|milnacipran)\\b")),
            Map.entry("oral-antispasmodic", words("\\b(baclofen|tizanidine|dantrolene|diazepam|Zanaflex|Dantrium|Valium)\\b")));
    private static final Pattern TRIAL_SIGN = words("\\b\\d+\\s*(weeks?|months?)\\b|\\b(ineffective|inadequate|failed|no relief|limited benefit|not tolerate|intolerable|stopped|discontinued|titrated|fixed schedule|scheduled|adequate dose|as needed|PRN|effective)\\b");
    private static final Pattern ROUTE = words("\\b(oral|PO|transdermal|patch|subcutaneous)\\b");
    private static final Pattern WEEKS = words("\\b(\\d{1,3})\\s*(weeks?|months?)\\b");
    private static final Pattern SCHEDULE = words("\\b(fixed schedule|scheduled|around the clock|as needed|PRN)\\b");
    private static final Pattern NOT_A_TRIAL = words("\\b(intrathecal\\w*|ITB|pump|bridge|epidural|injected|bolus|IV|infusion|will|if|continue|start(ed)? as|plan\\w*)\\b");

    @Override
    void read(Note note, Facts facts) {
        readMedicationTrials(note, facts);
        if (facts.has("medicationTrials[0].class")) {
            // Systemic drugs taken for the condition are the "medications" modality.
            NoteFact first = facts.get("medicationTrials[0].class");
            facts.add("conservativeTherapy.modalities", "medications", first.evidence().get(0));
        }
        for (Map.Entry<String, Pattern> modality : MODALITIES) {
            each(note, modality.getValue(), (s, m) -> {
                if (received(note, s, m)) {
                    facts.add("conservativeTherapy.modalities", modality.getKey(), span(note, m));
                }
            });
        }
        each(note, COURSE_WEEKS, (s, m) -> {
            if (!hedged(note, s, m.start()) && !someoneElse(note, s, m.start(), m.end())) {
                double n = Double.parseDouble(m.group(1));
                facts.set("conservativeTherapy.weeks", m.group(2).toLowerCase(Locale.ROOT).startsWith("month") ? Math.round(n * 52 / 12 * 10) / 10.0 : n, span(note, m));
            }
        });
        each(note, COURSE_FOR, (s, m) -> {
            if (!facts.has("conservativeTherapy.weeks") && !hedged(note, s, m.start()) && !someoneElse(note, s, m.start(), m.end())) {
                double n = Double.parseDouble(m.group(2));
                facts.set("conservativeTherapy.weeks", m.group(3).toLowerCase(Locale.ROOT).startsWith("month") ? Math.round(n * 52 / 12 * 10) / 10.0 : n, span(note, m));
            }
        });
        boolean therapistRecord = note.titled("therapy") && (note.titled("discharge") || note.titled("summary") || note.titled("progress"));
        if (therapistRecord) {
            facts.set("conservativeTherapy.detailedDocumentation", true, note.span(0, note.title.length()));
            if (!facts.has("conservativeTherapy.weeks")) {
                each(note, OVER_WEEKS, (s, m) -> facts.set("conservativeTherapy.weeks", Double.parseDouble(m.group(1)), span(note, m)));
            }
        }
        each(note, NO_IMPROVEMENT, (s, m) -> {
            String sentence = s.text().toLowerCase(Locale.ROOT);
            boolean aboutCourse = therapistRecord || sentence.contains("conservative") || sentence.contains("therapy");
            if (aboutCourse && !hedged(note, s, m.start()) && !someoneElse(note, s, m.start(), m.end())) {
                facts.set("conservativeTherapy.outcome", "no-meaningful-improvement", span(note, m));
            }
        });
        each(note, PRESCRIBED, (s, m) -> facts.set("conservativeTherapy.homeExercise.prescriptionDocumented", true, span(note, m)));
        each(note, FOLLOW_UP, (s, m) -> facts.set("conservativeTherapy.homeExercise.followUpDocumented", true, span(note, m)));
        each(note, PARTICIPATION, (s, m) -> {
            if (!negated(note, s, m.start(), m.end())) {
                facts.set("conservativeTherapy.activeRehabParticipation", true, span(note, m));
            }
        });
    }

    private static boolean received(Note note, Note.Sentence s, Matcher m) {
        if (s.section() == Note.Section.PLAN || s.section() == Note.Section.FAMILY) {
            return false;
        }
        return !finds(note, NOT_RECEIVED, s, s.end()) && !someoneElse(note, s, m.start(), m.end())
                && !negated(note, s, m.start(), m.end());
    }

    /**
     * One trial per line or sentence that names a systemic drug with a duration, schedule, dose or
     * outcome; in note order (notes list them oldest first).
     */
    private static void readMedicationTrials(Note note, Facts facts) {
        int index = 0;
        // Only the sentences where a drug's name occurs are read.
        java.util.Set<Note.Sentence> named = new java.util.HashSet<>();
        for (Map.Entry<String, Pattern> d : DRUGS) {
            named.addAll(candidates(note, d.getValue()));
        }
        if (named.isEmpty()) {
            return;
        }
        for (Note.Sentence s : note.sentences) {
            if (!named.contains(s)) {
                continue;
            }
            if (s.section() == Note.Section.PLAN || s.section() == Note.Section.FAMILY || s.section() == Note.Section.HISTORY) {
                continue;
            }
            String text = s.text();
            Matcher drug = null;
            String drugClass = null;
            for (Map.Entry<String, Pattern> d : DRUGS) {
                Matcher m = d.getValue().matcher(text);
                if (m.find() && (drug == null || m.start() < drug.start())) {
                    drug = m;
                    drugClass = d.getKey();
                }
            }
            if (drug == null || !TRIAL_SIGN.matcher(text).find() || NOT_A_TRIAL.matcher(text).find()
                    || someoneElse(note, s, s.start() + drug.start(), s.start() + drug.end())) {
                continue;
            }
            if (drug.group().toLowerCase(Locale.ROOT).startsWith("opioid")) {
                continue; // "never taken opioids": a class, not a trial of a drug
            }
            String prefix = "medicationTrials[" + index + "].";
            Span evidence = note.span(s.start(), s.end());
            facts.set(prefix + "class", drugClass, note.span(s.start() + drug.start(), s.start() + drug.end()));
            String lower = text.toLowerCase(Locale.ROOT);
            Matcher route = ROUTE.matcher(text);
            if (route.find()) {
                String r = route.group(1).toLowerCase(Locale.ROOT);
                facts.set(prefix + "route", r.equals("po") || r.equals("oral") ? "oral" : r.equals("subcutaneous") ? "subcutaneous" : "transdermal",
                        note.span(s.start() + route.start(1), s.start() + route.end(1)));
            }
            Matcher weeks = WEEKS.matcher(text);
            if (weeks.find()) {
                double n = Double.parseDouble(weeks.group(1));
                facts.set(prefix + "weeks", weeks.group(2).toLowerCase(Locale.ROOT).startsWith("month") ? Math.round(n * 52 / 12 * 10) / 10.0 : n,
                        note.span(s.start() + weeks.start(), s.start() + weeks.end()));
            }
            Matcher schedule = SCHEDULE.matcher(text);
            if (schedule.find()) {
                String v = schedule.group(1).toLowerCase(Locale.ROOT);
                facts.set(prefix + "schedule", v.equals("as needed") || v.equals("prn") ? "as-needed" : "fixed",
                        note.span(s.start() + schedule.start(1), s.start() + schedule.end(1)));
            }
            if (lower.contains("adequate dose") && !lower.contains("inadequate dose")) {
                int at = lower.indexOf("adequate dose");
                facts.set(prefix + "adequateDose", true, note.span(s.start() + at, s.start() + at + 13));
            }
            String outcome = outcome(lower);
            if (outcome != null) {
                facts.set(prefix + "outcome", outcome, evidence);
            }
            index++;
        }
    }

    private static String outcome(String lower) {
        if (lower.matches("(?s).*\\b(intolerable|could not tolerate|not tolerated|stopped for|discontinued (for|due to)|side effects)\\b.*")) {
            return "intolerable-side-effects";
        }
        if (lower.matches("(?s).*\\b(ineffective|inadequate|failed|no relief|limited benefit|without relief|no benefit)\\b.*")) {
            return "failed";
        }
        if (lower.matches("(?s).*\\b(still taking|continues|ongoing|currently taking)\\b.*")) {
            return "ongoing";
        }
        if (lower.matches("(?s).*\\b(effective|good relief)\\b.*")) {
            return "effective";
        }
        return null;
    }

}
