package org.pumpauth.notes;

/** Whether a mention is stated or denied; the labels are the NegEx/ConText kit's. */
public enum Negation {
    AFFIRMED("Affirmed"),
    NEGATED("Negated");

    private final String label;

    Negation(String label) {
        this.label = label;
    }

    /** The kit's label, as {@code pumpauth notes assert} prints it. */
    public String label() {
        return label;
    }
}
