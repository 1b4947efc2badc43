package org.pumpauth.server.access;

import java.util.Objects;

/**
 * Who is calling: the name of the API key (the actor in the audit trail), its role, and the name a
 * letter gives the person (a key's display name, else its name).
 */
public record Caller(String name, Role role, String displayName) {
    /** The actor for what the service does by itself, such as approving a case that meets the criteria. */
    public static final String SYSTEM = "system";

    public Caller {
        Objects.requireNonNull(name);
        Objects.requireNonNull(role);
        Objects.requireNonNull(displayName);
    }

    /** A caller whose key has no display name: letters name it by the key's name. */
    public Caller(String name, Role role) {
        this(name, role, name);
    }
}
