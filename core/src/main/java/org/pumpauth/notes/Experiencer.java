package org.pumpauth.notes;

/** Whom a mention is about; the labels are the NegEx/ConText kit's. */
public enum Experiencer {
    PATIENT("Patient"),
    FAMILY_MEMBER("Family member"),
    OTHER("Other");

    private final String label;

    Experiencer(String label) {
        this.label = label;
    }

    /** The kit's label, as {@code pumpauth notes assert} prints it. */
    public String label() {
        return label;
    }
}
