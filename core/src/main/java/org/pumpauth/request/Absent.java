package org.pumpauth.request;

/** The value of a field the request does not state: unknown, never false (ruling G1). */
public enum Absent {
    VALUE
}
