package org.pumpauth.notes;

import java.util.regex.Pattern;

/**
 * Spasticity in the note's own terms: severe, intractable, painful, limiting upright posture,
 * impairing balance and ambulation, interfering with daily activities; and the date of a
 * traumatic brain injury. "Denies painful spasms" is a stated negative.
 */
final class SpasticityRules extends NoteRule {

    private static final String SPASTIC = "(spasticity|spasms?|spastic)";
    private static final Pattern SEVERE = words("\\bsevere,?\\s+(\\w+,?\\s+){0,2}?" + SPASTIC + "\\b|\\b" + SPASTIC + "\\b[^.;]{0,40}?\\b(is|are|was|remains)\\s+severe\\b");
    private static final Pattern INTRACTABLE = words("\\b(intractable|refractory),?\\s+(\\w+,?\\s+){0,2}?" + SPASTIC + "\\b|\\b" + SPASTIC + "\\b[^.;]{0,40}?\\b(is|are|remains)\\s+(intractable|refractory)\\b");
    private static final Pattern PAINFUL = words("\\bpainful\\s+(\\w+\\s+)?" + SPASTIC + "\\b|\\b" + SPASTIC + "\\s+(are|is|were)\\s+painful\\b");
    private static final Pattern AMBULATION = words("\\b" + SPASTIC + "\\b[^.;]{0,30}?\\b(impairs?|limits?|affects?|interferes? with)\\b[^.;]{0,20}\\b(balance|ambulation|gait|walking)\\b");
    private static final Pattern DAILY = words("\\b" + SPASTIC + "\\b[^.;]{0,30}?\\b(interfere\\w*|limit\\w*|impair\\w*)\\s+(with\\s+)?(her\\s+|his\\s+)?(\\w+,?\\s+){0,2}?(dressing|toileting|hygiene|transfers|self-care|ADLs?|daily activities|activities of daily living|feeding|bathing)\\b");
    private static final Pattern UPRIGHT_NO = words("\\b(cannot|can't|unable to)\\s+(maintain\\s+)?(an\\s+)?upright (sitting )?(posture|position)|\\bcannot sit upright\\b");
    private static final Pattern UPRIGHT_OK = words("\\bable to sit upright independently\\b|\\bsits upright independently\\b|\\bmaintains an upright (sitting )?posture\\b");
    private static final Pattern TBI_DATE = words("\\b(traumatic brain injury|TBI)\\b[^.]{0,40}?(\\b(on|in|dated?|from)\\s+|\\()");

    @Override
    void read(Note note, Facts facts) {
        set(note, facts, SEVERE, "spasticity.severe");
        set(note, facts, INTRACTABLE, "spasticity.intractable");
        set(note, facts, PAINFUL, "spasticity.painful");
        set(note, facts, AMBULATION, "spasticity.impairsAmbulationBalance");
        set(note, facts, DAILY, "spasticity.interferesWithDailyActivities");
        set(note, facts, UPRIGHT_NO, "spasticity.limitsUprightPosture");
        each(note, UPRIGHT_OK, (s, m) -> facts.set("spasticity.limitsUprightPosture", false, span(note, m)));
        each(note, TBI_DATE, (s, m) -> Dates.after(note.text, m.end(), s.end())
                .ifPresent(d -> facts.set("indication.brainInjuryDate", d.iso(), note.span(d.start(), d.end()))));
    }

    private static void set(Note note, Facts facts, Pattern pattern, String field) {
        each(note, pattern, (s, m) -> {
            if (s.section() != Note.Section.PLAN && !hedged(note, s, m.start()) && !someoneElse(note, s, m.start(), m.end())) {
                facts.set(field, !negated(note, s, m.start(), m.end()), span(note, m));
            }
        });
    }
}
