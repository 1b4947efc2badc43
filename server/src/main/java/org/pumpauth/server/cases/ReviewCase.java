package org.pumpauth.server.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored review case: who submitted which request under which policy, its status and decision
 * clock, the request as it stands, and every determination made of it (oldest first).
 */
public record ReviewCase(
        String id,
        String submitter,
        String requestId,
        String policy,
        CaseStatus status,
        Urgency urgency,
        Instant receivedAt,
        Instant dueAt,
        String requestJson,
        Optional<Decision> decision,
        List<StoredDetermination> determinations) {

    public ReviewCase {
        determinations = List.copyOf(determinations);
    }

    /** The final decision: approve or deny, by whom (a key name, or {@code system}), when and why. */
    public record Decision(Verdict verdict, String by, Instant at, String rationale) {}

    /** A determination as made at a time; {@code json} is the contract's determination JSON. */
    public record StoredDetermination(int seq, Instant at, String outcome, String json) {}

    /** Time left until due at {@code now}: negative when overdue. */
    public Duration timeLeft(Instant now) {
        return Duration.between(now, dueAt);
    }

    /** Still open after its due time. */
    public boolean overdue(Instant now) {
        return !status.isFinal() && now.isAfter(dueAt);
    }

    public Optional<StoredDetermination> latest() {
        return determinations.isEmpty() ? Optional.empty() : Optional.of(determinations.get(determinations.size() - 1));
    }
}
