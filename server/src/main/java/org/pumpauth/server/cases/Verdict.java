package org.pumpauth.server.cases;

import java.util.Locale;
import java.util.Optional;

/** A final decision on a case. */
public enum Verdict {
    APPROVE,
    DENY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Verdict> of(String code) {
        return "approve".equals(code) ? Optional.of(APPROVE) : "deny".equals(code) ? Optional.of(DENY) : Optional.empty();
    }

    CaseStatus status() {
        return this == APPROVE ? CaseStatus.APPROVED : CaseStatus.DENIED;
    }
}
