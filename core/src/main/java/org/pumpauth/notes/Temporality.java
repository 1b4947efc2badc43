package org.pumpauth.notes;

/**
 * When a mention holds: now, in the patient's past, or not at any particular time (a plan, a
 * condition, a goal: ConText's "hypothetical"). The labels are the NegEx/ConText kit's.
 */
public enum Temporality {
    RECENT("Recent"),
    HISTORICAL("Historical"),
    HYPOTHETICAL("Not particular");

    private final String label;

    Temporality(String label) {
        this.label = label;
    }

    /** The kit's label, as {@code pumpauth notes assert} prints it. */
    public String label() {
        return label;
    }
}
