package org.pumpauth.server.cases;

import java.time.Instant;
import java.util.Optional;

/** A filter over the work queue: status, policy ({@code id} or {@code id@date}), due before an instant. */
public record CaseQuery(Optional<CaseStatus> status, Optional<String> policy, Optional<Instant> dueBefore, int limit) {
    public static final int MAX_LIMIT = 1000;

    public CaseQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
    }
}
