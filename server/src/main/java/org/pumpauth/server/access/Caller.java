package org.pumpauth.server.access;

import java.util.Objects;

/** Who is calling: the name of the API key (the actor in the audit trail) and its role. */
public record Caller(String name, Role role) {
    /** The actor for what the service does by itself, such as approving a case that meets the criteria. */
    public static final String SYSTEM = "system";

    public Caller {
        Objects.requireNonNull(name);
        Objects.requireNonNull(role);
    }
}
