package org.pumpauth.server.audit;

import java.util.Locale;

/** What an audit entry records. */
public enum AuditEvent {
    SUBMITTED,
    EVALUATED,
    INFORMATION_ADDED,
    DECIDED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
