package org.pumpauth.request;

/** The JSON shape of a request field, as the contract gives it. */
public enum FieldType {
    BOOLEAN("true or false"),
    NUMBER("a number"),
    DATE("a date YYYY-MM-DD " + DateRange.DATES),
    INSTANT("an ISO-8601 instant with zone, e.g. 2026-03-02T09:30:00Z, " + DateRange.INSTANTS),
    STRING("a string"),
    ENUM("one of the listed values"),
    STRING_LIST("an array of strings"),
    ENUM_LIST("an array of the listed values"),
    OBJECT_LIST("an array of objects");

    private final String expected;

    FieldType(String expected) {
        this.expected = expected;
    }

    /** How an error message describes what is allowed. */
    public String expected() {
        return expected;
    }

    public boolean isList() {
        return this == STRING_LIST || this == ENUM_LIST || this == OBJECT_LIST;
    }
}
