package org.pumpauth.notes;

import java.util.regex.Pattern;

/**
 * Contraindications (infection, body habitus, drug allergy, another implanted programmable
 * device), stated negatives included; substance use; opioid-naive status; further surgery.
 */
final class SafetyRules extends NoteRule {

    // "denies" is ConText's negation trigger, and a denial of infection is a stated negative as
    // "no infection" is (issue 14: "denies active infection"); a denial of fever or chills is not
    // about infection and sets nothing.
    private static final Pattern NO_INFECTION = words("\\b(no|without|negative for|(denies|denied|denying)(\\s+any)?)\\s+(signs?|evidence|symptoms?)?\\s*(or symptoms\\s+)?(of\\s+)?(an?\\s+)?(active\\s+)?(systemic\\s+)?(infection|sepsis)\\b|\\bno active infection\\b|\\binfection (has been |was |is )?ruled out\\b");
    private static final Pattern ACTIVE_INFECTION = words("\\b(active|ongoing|current)\\s+(systemic\\s+)?infection\\b|\\b(sepsis|bacteremia)\\b");
    private static final Pattern NO_SPINAL_INFECTION = words("\\b(no|without)\\s+(evidence\\s+of\\s+|signs\\s+of\\s+)?(discitis|epidural abscess|meningitis|osteomyelitis)\\b");
    private static final Pattern NKDA = words("\\bNKDA\\b|\\bNKA\\b|\\bno known (drug |medication )?allergies\\b|\\bno (drug|medication) allergies\\b");
    private static final Pattern HABITUS_OK = words("\\b(body habitus|habitus)\\s+(is\\s+)?(adequate|sufficient|appropriate)\\b|\\badequate\\s+(body habitus|subcutaneous (tissue|depth))\\b");
    private static final Pattern HABITUS_BAD = words("\\b(insufficient|inadequate)\\s+(body habitus|subcutaneous (tissue|depth))\\b|\\b(body habitus|habitus)\\s+(is\\s+)?(insufficient|inadequate|too small)\\b");
    private static final Pattern NO_DEVICE = words("\\b(no|none)\\b[^.]{0,20}\\bimplanted (programmable )?devices?\\b|\\bimplanted devices:\\s*none\\b");
    private static final Pattern DEVICE = words("\\b(pacemaker|ICD|implantable cardioverter|deep brain stimulator|DBS|programmable (VP |ventriculoperitoneal )?shunt|cochlear implant)\\b");
    private static final Pattern NO_SUBSTANCE = words("\\bno (history of |hx of )?(substance|drug|alcohol|opioid)\\s+(abuse|misuse|use disorder|dependence)\\b");
    private static final Pattern REMISSION = words("\\bno active (dependence|substance use|addiction)\\b|\\bin sustained remission\\b");
    private static final Pattern OPIOID_NAIVE = words("\\b(not\\s+)?opioid[- ]naive\\b");
    private static final Pattern NO_SURGERY = words("\\bnot (a|an appropriate) (surgical )?candidate for (further|additional|more) surgery\\b|\\bno further surgery (is )?(indicated|recommended|planned)\\b|\\bnot a surgical candidate\\b|\\bfurther surgery (is )?not (indicated|recommended)\\b");

    @Override
    void read(Note note, Facts facts) {
        each(note, NO_INFECTION, (s, m) -> {
            String around = s.text().toLowerCase(java.util.Locale.ROOT);
            if (s.section() == Note.Section.REVIEW_OF_SYSTEMS || around.contains("pocket") || around.contains("site")
                    || around.contains("incision") || around.contains("wound")) {
                return; // a pocket's or a wound's infection is the device's, not a systemic one
            }
            if (!someoneElse(note, s, m.start(), m.end())) {
                facts.set("contraindications.activeSystemicInfection", false, span(note, m));
            }
        });
        each(note, ACTIVE_INFECTION, (s, m) -> {
            if (!negated(note, s, m.start(), m.end()) && !hedged(note, s, m.start()) && !someoneElse(note, s, m.start(), m.end())
                    && s.section() == Note.Section.BODY && !NO_INFECTION.matcher(s.text()).find()) {
                facts.set("contraindications.activeSystemicInfection", true, span(note, m));
            }
        });
        each(note, NO_SPINAL_INFECTION, (s, m) -> facts.set("contraindications.activeSpinalInfection", false, span(note, m)));
        each(note, NKDA, (s, m) -> facts.set("contraindications.drugAllergy", false, span(note, m)));
        each(note, HABITUS_OK, (s, m) -> facts.set("contraindications.insufficientBodyHabitus", false, span(note, m)));
        each(note, HABITUS_BAD, (s, m) -> {
            if (!negated(note, s, m.start(), m.end())) {
                facts.set("contraindications.insufficientBodyHabitus", true, span(note, m));
            }
        });
        each(note, DEVICE, (s, m) -> {
            String sentence = s.text().toLowerCase(java.util.Locale.ROOT);
            if (!negated(note, s, m.start(), m.end()) && !someoneElse(note, s, m.start(), m.end()) && !hedged(note, s, m.start())
                    && !sentence.contains("explant") && !sentence.contains("removed") && s.section() == Note.Section.BODY) {
                facts.set("contraindications.otherImplantedProgrammableDevice", true, span(note, m));
            }
        });
        each(note, NO_DEVICE, (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end())) {
                facts.set("contraindications.otherImplantedProgrammableDevice", false, span(note, m));
            }
        });
        each(note, NO_SUBSTANCE, (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end())) {
                facts.set("substanceUse.activeUntreatedDependence", false, span(note, m));
                facts.set("substanceUse.severeAddiction", false, span(note, m));
            }
        });
        each(note, REMISSION, (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end())) {
                facts.set("substanceUse.activeUntreatedDependence", false, span(note, m));
            }
        });
        each(note, OPIOID_NAIVE, (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end())) {
                facts.set("opioidNaive", m.group(1) == null, span(note, m));
            }
        });
        each(note, NO_SURGERY, (s, m) -> facts.set("furtherSurgeryIndicated", false, span(note, m)));
    }
}
