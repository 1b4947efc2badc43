package org.pumpauth.server.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.pumpauth.determination.Action;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.Outcome;

/**
 * Where a case stands. Open: {@code pending-review} (a reviewer must decide) and
 * {@code information-requested} (the engine lacks facts; the provider may add them, a reviewer may
 * still decide) and {@code reconsideration} (a denial appealed: a physician other than the one who
 * denied, or a nurse approving, decides again; information may still be added). Final:
 * {@code approved}, {@code denied}.
 */
public enum CaseStatus {
    PENDING_REVIEW,
    INFORMATION_REQUESTED,
    RECONSIDERATION,
    APPROVED,
    DENIED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CaseStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    /** Every status's code, for an error message saying what is allowed. */
    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(CaseStatus::code).toList());
    }

    public boolean isFinal() {
        return this == APPROVED || this == DENIED;
    }

    /** The status an evaluation leaves an open case in; MEETS_CRITERIA approves it (ruling G3). */
    static CaseStatus after(Determination determination) {
        if (determination.outcome() == Outcome.MEETS_CRITERIA) {
            return APPROVED;
        }
        return determination.action() == Action.REQUEST_INFORMATION ? INFORMATION_REQUESTED : PENDING_REVIEW;
    }
}
