package org.pumpauth.determination;

/** The determination's outcome; the declaration order is the precedence of ruling G2. */
public enum Outcome {
    NOT_ADDRESSED,
    INVESTIGATIONAL,
    DOES_NOT_MEET_CRITERIA,
    CASE_BY_CASE,
    INSUFFICIENT_INFORMATION,
    MEETS_CRITERIA;

    /** The first of the two in G2's order of precedence. */
    public Outcome prevailing(Outcome other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** Ruling G3: only criteria met is decided by the machine; the rest goes to a person. */
    public Action action() {
        switch (this) {
            case MEETS_CRITERIA:
                return Action.APPROVE;
            case INSUFFICIENT_INFORMATION:
                return Action.REQUEST_INFORMATION;
            default:
                return Action.PHYSICIAN_REVIEW;
        }
    }
}
