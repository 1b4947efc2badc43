package org.pumpauth.server.cases;

import java.time.Instant;
import java.util.Optional;

/**
 * A filter over the work queue: status (or open cases only), policy ({@code id} or {@code id@date}),
 * urgency, due before an instant; a page of {@code limit} cases after skipping {@code offset}.
 */
public record CaseQuery(Optional<CaseStatus> status, boolean openOnly, Optional<String> policy, Optional<Urgency> urgency,
        Optional<Instant> dueBefore, int limit, int offset) {
    public static final int MAX_LIMIT = 1000;

    public CaseQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
    }

    /** The API's filter: every status unless one is named, the first {@code limit} cases. */
    public CaseQuery(Optional<CaseStatus> status, Optional<String> policy, Optional<Instant> dueBefore, int limit) {
        this(status, false, policy, Optional.empty(), dueBefore, limit, 0);
    }
}
