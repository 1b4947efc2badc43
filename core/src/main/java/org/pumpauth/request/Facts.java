package org.pumpauth.request;

/** Something that holds stated facts by field: the request, or one element of a list in it. */
public interface Facts {
    /** The value the request states, or {@link Absent#VALUE} when it states none. */
    Object valueOf(Field field);

    default boolean has(Field field) {
        return valueOf(field) != Absent.VALUE;
    }
}
