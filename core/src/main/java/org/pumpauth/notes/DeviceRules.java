package org.pumpauth.notes;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patient's implanted pump (functioning, malfunction and its evidence, battery, alarms, pocket
 * infection and pain, the analysis report) and the service the note requests (kind, route, drug,
 * programmable pump, planned date, expedited review). A plan, a discussion or a refill done today
 * is not a request.
 */
final class DeviceRules extends NoteRule {

    private static final Pattern FUNCTIONING = words("\\b(pump|device)\\s+(is\\s+)?functioning (normally|well|appropriately|as expected)\\b");
    private static final Pattern STOPPED = words("\\b(pump|device)\\s+(has\\s+)?(stopped (infusing|working|delivering)|is not functioning|failed)\\b");
    private static final Pattern NO_MALFUNCTION = words("\\bno (evidence of )?(pump (or catheter )?|catheter |device )?malfunction\\b");
    private static final Pattern MALFUNCTION = words("\\b(stopped (infusing|working|delivering)|catheter (occlusion|kink|fracture|disconnection|migration|dislodgement)|rotor stall|pump failure)\\b");
    private static final Pattern DEPLETED = words("\\bbattery (is\\s+)?(depleted|dead|exhausted)\\b|\\bend of service\\b|\\(EOS\\)|\\bend of (battery )?life reached\\b");
    private static final Pattern NOT_DEPLETED = words("\\bbattery (is\\s+)?not (at|near) end of (life|service)\\b|\\bERI not reached\\b|\\bbattery (is\\s+)?not depleted\\b");
    private static final Pattern NO_ALARMS = words("\\bno alarms\\b");
    private static final Pattern ERI_ALARM = words("\\bERI alarm\\b|\\belective replacement (indicator|interval) alarm\\b");
    private static final Pattern POCKET_INFECTION = words("\\b((no|without)\\s+(signs?\\s+of\\s+|evidence\\s+of\\s+)?)?(pocket|site) infection\\b|\\binfection of the (pump )?pocket\\b");
    private static final Pattern SITE_NOT_PAINFUL = words("\\b(site|pocket)\\b[^.]{0,40}?\\b(is\\s+)?(not painful|non-?tender|nontender|painless)\\b|\\bnon-?tender\\b");
    private static final Pattern REPORT_ATTACHED = words("\\b(pump analysis|interrogation|analysis) report\\b[^.]{0,20}\\b(attached|enclosed|included)\\b");
    private static final Pattern RECALL = words("\\b(recalled|under (a )?recall|subject to (a )?recall)\\b");
    private static final Pattern INTERROGATION = words("\\binterrogation\\b");
    private static final Pattern IMAGING = words("\\b(CT myelogram|myelogram|dye study|catheter study|fluoroscop\\w*|x-ray|CT)\\b[^.]{0,60}\\b(shows?|showed|revealed|demonstrat\\w+|confirm\\w*)\\b");
    private static final Pattern FLOW_STUDY = words("\\b(rotor study|flow study|rotor test)\\b[^.]{0,60}\\b(abnormal|failed|no rotation|not rotat\\w*|stall\\w*)\\b");

    private static final Pattern REQUEST = words("\\b(request(s|ed|ing)?\\s+(authorization|approval)?|please authorize|authorization is requested|authorization (is )?(requested|submitted)|pre-?authorization|prior authorization|planned procedure|surgery date|requested|refer(red|ral)? (to [^.;]{0,40})?for (the )?(trial|implant|placement)|scheduled for)\\b");
    private static final Pattern KIND = words("\\b(replacement|replace|revision|revise|removal|explant(ation)?|trial|implant(ation)?|permanent pump|refill)\\b");
    private static final Pattern ROUTE = words("\\b(intrathecal|epidural|intraventricular|intra-arterial|intraperitoneal|ITB|IT)\\b");
    private static final Pattern DRUG_LINE = words("^\\s*drug\\s*:");
    /** A request only counts when nothing makes it conditional, discussed or offered. */
    private static final Pattern SERVICE_HEDGE = words("\\b(if|will|would|may|might|could|possibly|discuss(ed)?|consider(ed|ing)?|offered|declined|whether|once|until)\\b");
    private static final Pattern EXPEDITED = words("\\bexpedited\\b|\\burgent review\\b");
    private static final Pattern SURGERY_DATE = words("^\\s*(surgery|procedure|service) date\\s*:|\\bscheduled for\\b|\\bproceed\\s+(on\\s+)?(?=\\d)");

    private static final Pattern HAS_PUMP = words("\\b(implanted|SynchroMed|pump refill|interrogation)\\b");
    private static final Pattern PUMP = words("\\bpump\\b");
    private static final Pattern PUMP_SENTENCE = words("[^.\\n]*\\b(intrathecal|epidural|ITB)\\b[^.\\n]*\\bpump\\b[^.\\n]*");
    private static final Pattern LOSS_OF_EFFECT = words("\\bloss of (effect|efficacy|effectiveness|analgesic effect)\\b|\\bno longer (effective|controls?|controlling)\\b|\\blost (its )?(effect|efficacy|effectiveness)\\b");
    private static final Pattern PROGRAMMABLE = words("\\bprogrammable\\b");

    @Override
    void read(Note note, Facts facts) {
        readDevice(note, facts);
        readService(note, facts);
    }

    private static void readDevice(Note note, Facts facts) {
        boolean hasPump = note.lower.contains("pump") && HAS_PUMP.matcher(note.text).find() && PUMP.matcher(note.text).find();
        if (!hasPump) {
            return;
        }
        each(note, FUNCTIONING, (s, m) -> facts.set("existingDevice.functioning", !negated(note, s, m.start(), m.end()), span(note, m)));
        each(note, STOPPED, (s, m) -> {
            if (!hedged(note, s, m.start()) && !negated(note, s, m.start(), m.end())) {
                facts.set("existingDevice.functioning", false, span(note, m));
            }
        });
        each(note, NO_MALFUNCTION, (s, m) -> facts.set("existingDevice.malfunction", false, span(note, m)));
        each(note, MALFUNCTION, (s, m) -> {
            if (!hedged(note, s, m.start()) && !negated(note, s, m.start(), m.end())) {
                facts.set("existingDevice.malfunction", true, span(note, m));
                each(note, IMAGING, (s2, i) -> {
                    if (!negated(note, s2, i.start(), i.end()) && !s2.text().toLowerCase(Locale.ROOT).contains("normal")) {
                        facts.add("existingDevice.malfunctionEvidence", "imaging", span(note, i));
                    }
                });
                each(note, FLOW_STUDY, (s2, i) -> facts.add("existingDevice.malfunctionEvidence", "flow-study", span(note, i)));
                each(note, INTERROGATION, (s2, i) -> {
                    if (!negated(note, s2, i.start(), i.end()) && !hedged(note, s2, i.start())) {
                        facts.add("existingDevice.malfunctionEvidence", "interrogation-report", span(note, i));
                    }
                });
            }
        });
        each(note, DEPLETED, (s, m) -> {
            if (!hedged(note, s, m.start()) && !negated(note, s, m.start(), m.end())) {
                facts.set("existingDevice.batteryDepleted", true, span(note, m));
                if (facts.has("existingDevice.malfunction") && facts.get("existingDevice.malfunction").value().asBoolean()) {
                    facts.add("existingDevice.malfunctionEvidence", "end-of-battery-life", span(note, m));
                }
            }
        });
        each(note, NOT_DEPLETED, (s, m) -> facts.set("existingDevice.batteryDepleted", false, span(note, m)));
        each(note, NO_ALARMS, (s, m) -> facts.set("existingDevice.impendingFailureAlert", false, span(note, m)));
        each(note, ERI_ALARM, (s, m) -> {
            if (!negated(note, s, m.start(), m.end()) && !hedged(note, s, m.start())) {
                facts.set("existingDevice.impendingFailureAlert", true, span(note, m));
            }
        });
        each(note, POCKET_INFECTION, (s, m) -> {
            if (!hedged(note, s, m.start())) {
                boolean stated = m.group(1) == null && !negated(note, s, m.start(), m.end());
                facts.set("existingDevice.infection", stated, span(note, m));
            }
        });
        each(note, SITE_NOT_PAINFUL, (s, m) -> {
            String sentence = s.text().toLowerCase(Locale.ROOT);
            if (sentence.contains("pocket") || sentence.contains("site")) {
                facts.set("existingDevice.painfulSite", false, span(note, m));
            }
        });
        each(note, REPORT_ATTACHED, (s, m) -> facts.set("existingDevice.pumpAnalysisReportAttached", true, span(note, m)));
        each(note, LOSS_OF_EFFECT, (s, m) -> {
            // The pump's therapy, not another device's ("the stimulator was explanted for loss of efficacy").
            String sentence = s.text().toLowerCase(Locale.ROOT);
            if ((sentence.contains("pump") || sentence.contains("intrathecal") || sentence.contains("itb"))
                    && !sentence.contains("stimulat") && !hedged(note, s, m.start()) && !someoneElse(note, s, m.start(), m.end())) {
                facts.set("existingDevice.lossOfEffectiveness", !negated(note, s, m.start(), m.end()), span(note, m));
            }
        });
        each(note, RECALL, (s, m) -> {
            if (!negated(note, s, m.start(), m.end()) && !hedged(note, s, m.start())) {
                facts.set("existingDevice.recalled", true, span(note, m));
            }
        });
    }

    /** The service a sentence requests: its kind, and route, drug and pump type where it says them. */
    private static void readService(Note note, Facts facts) {
        for (Note.Sentence s : candidates(note, REQUEST)) {
            Matcher request = REQUEST.matcher(s.text());
            if (!request.find() || SERVICE_HEDGE.matcher(s.text()).find() || someoneElse(note, s, s.start() + request.start(), s.start() + request.end())) {
                continue;
            }
            String line = lineOf(note, s);
            Matcher kind = KIND.matcher(line);
            if (!kind.find()) {
                continue;
            }
            int lineStart = note.text.lastIndexOf('\n', s.start()) + 1;
            String k = kind.group(1).toLowerCase(Locale.ROOT);
            String value = k.startsWith("replace") ? "replacement" : k.startsWith("revis") ? "revision"
                    : k.startsWith("removal") || k.startsWith("explant") ? "removal" : k.equals("trial") ? "trial"
                    : k.equals("refill") ? "refill" : "implant";
            facts.set("service.kind", value, note.span(lineStart + kind.start(1), lineStart + kind.end(1)));
            String describe = line;
            int describeStart = lineStart;
            if (!ROUTE.matcher(line).find() && !value.equals("trial") && !value.equals("implant")) {
                // A replacement's route, drug and pump type are those of the implanted pump it replaces.
                Matcher pump = PUMP_SENTENCE.matcher(note.text);
                if (pump.find()) {
                    describe = pump.group();
                    describeStart = pump.start();
                }
            }
            Matcher route = ROUTE.matcher(describe);
            if (route.find()) {
                String r = route.group(1).toLowerCase(Locale.ROOT);
                facts.set("service.route", r.equals("itb") || r.equals("it") ? "intrathecal" : r,
                        note.span(describeStart + route.start(1), describeStart + route.end(1)));
            }
            Matcher programmable = PROGRAMMABLE.matcher(describe);
            if (programmable.find() && !value.equals("trial")) {
                facts.set("service.programmablePump", true, note.span(describeStart + programmable.start(), describeStart + programmable.end()));
            }
            if (!value.equals("trial")) {
                readServiceDrug(note, facts, describe, describeStart);
            } else {
                Matcher drug = TrialDrug.matcher(line);
                if (drug.find()) {
                    String name = TrialDrug.generic(drug.group(1));
                    Span evidence = note.span(lineStart + drug.start(1), lineStart + drug.end(1));
                    facts.set("service.drug.name", name, evidence);
                    facts.set("service.drug.class", TrialRules.drugClass(name), evidence);
                }
            }
        }
        if (facts.has("service.kind")) {
            for (Note.Sentence s : candidates(note, SURGERY_DATE)) {
                Matcher label = SURGERY_DATE.matcher(s.text());
                if (label.find()) {
                    Dates.after(note.text, s.start() + label.start(), s.end())
                            .ifPresent(d -> facts.set("serviceDate", d.iso(), note.span(d.start(), d.end())));
                }
            }
        }
        each(note, EXPEDITED, (s, m) -> {
            if (!negated(note, s, m.start(), m.end()) && !hedged(note, s, m.start())) {
                facts.set("urgency", "expedited", span(note, m));
            }
        });
    }

    private static void readServiceDrug(Note note, Facts facts, String describe, int describeStart) {
        Matcher drug = TrialDrug.matcher(describe);
        int base = describeStart;
        if (!drug.find()) {
            for (Note.Sentence s : candidates(note, DRUG_LINE)) {
                if (DRUG_LINE.matcher(s.text()).find()) {
                    drug = TrialDrug.matcher(s.text());
                    base = s.start();
                    if (drug.find()) {
                        break;
                    }
                }
            }
        }
        if (drug.find(0)) {
            String name = TrialDrug.generic(drug.group(1));
            Span evidence = note.span(base + drug.start(1), base + drug.end(1));
            facts.set("service.drug.name", name, evidence);
            facts.set("service.drug.class", TrialRules.drugClass(name), evidence);
        }
    }

    private static String lineOf(Note note, Note.Sentence s) {
        int start = note.text.lastIndexOf('\n', s.start()) + 1;
        int end = note.text.indexOf('\n', s.end());
        return note.text.substring(start, end < 0 ? note.text.length() : end);
    }

    /** Pump drugs by name; brand names give the generic. */
    static final class TrialDrug {
        private static final Pattern DRUG = words("\\b(morphine|hydromorphone|fentanyl|sufentanil|baclofen|ziconotide|clonidine|bupivacaine|floxuridine|Infumorph|Prialt|Lioresal|Gablofen|Dilaudid)\\b");

        static Matcher matcher(String text) {
            return DRUG.matcher(text);
        }

        static String generic(String name) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "infumorph":
                    return "morphine";
                case "prialt":
                    return "ziconotide";
                case "lioresal":
                case "gablofen":
                    return "baclofen";
                case "dilaudid":
                    return "hydromorphone";
                default:
                    return name.toLowerCase(Locale.ROOT);
            }
        }
    }
}
