package org.pumpauth.notes;

import java.util.Locale;
import java.util.Objects;

/**
 * What ConText says about one mention: whether it is denied, when it holds and whom it is about. A
 * note's fact is proposed only for the patient, now (or a documented past result); see {@link
 * NoteReader}.
 */
public record Assertion(Negation negation, Temporality temporality, Experiencer experiencer) {

    /** A plain statement about the patient, now. */
    public static final Assertion AFFIRMED =
            new Assertion(Negation.AFFIRMED, Temporality.RECENT, Experiencer.PATIENT);

    /** A stated negative about the patient, now ("denies active infection"). */
    public static final Assertion NEGATED =
            new Assertion(Negation.NEGATED, Temporality.RECENT, Experiencer.PATIENT);

    public Assertion {
        Objects.requireNonNull(negation, "negation");
        Objects.requireNonNull(temporality, "temporality");
        Objects.requireNonNull(experiencer, "experiencer");
    }

    /**
     * One word for a reviewer: {@code affirmed} or {@code negated} for the patient now, else
     * {@code historical}, {@code hypothetical}, {@code family-member} or {@code other}.
     */
    public String summary() {
        if (experiencer != Experiencer.PATIENT) {
            return experiencer.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (temporality != Temporality.RECENT) {
            return temporality.name().toLowerCase(Locale.ROOT);
        }
        return negation.name().toLowerCase(Locale.ROOT);
    }
}
