package org.pumpauth.server.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A stored review case: who submitted which request under which policy, its status and decision
 * clock, the request as it stands, every determination made of it (oldest first), its extension,
 * its appeal and the peer-to-peer conversations recorded with it. (A case in the queue carries only
 * its latest determination and no conversations.)
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
        List<StoredDetermination> determinations,
        Optional<Extension> extension,
        Optional<Appeal> appeal,
        List<PeerToPeer> peerToPeer) {

    public ReviewCase {
        determinations = List.copyOf(determinations);
        peerToPeer = List.copyOf(peerToPeer);
    }

    /** The final decision: approve or deny, by whom (a key name, or {@code system}), when and why. */
    public record Decision(Verdict verdict, String by, Instant at, String rationale) {}

    /** The one extension of the decision clock a case may have: by how many calendar days, by whom, when and why. */
    public record Extension(int days, String by, Instant at, String reason) {}

    /**
     * The one appeal a denied case may have: its urgency (which sets the reconsideration's due time),
     * by whom, when and why, and the denial it appeals (the case's {@link #decision} is then the
     * decision on reconsideration, once made).
     */
    public record Appeal(Urgency urgency, String by, Instant at, String reason, Decision denial) {}

    /** A peer-to-peer conversation about the case: the day it was held, who took part, what was said, who recorded it when. */
    public record PeerToPeer(int seq, LocalDate date, List<String> participants, String summary, String recordedBy,
            Instant recordedAt) {
        public PeerToPeer {
            participants = List.copyOf(participants);
        }
    }

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

    /** Approved on reconsideration, after an appeal of its denial: what the public metrics count as "approved after appeal". */
    public boolean approvedAfterAppeal() {
        return appeal.isPresent() && status == CaseStatus.APPROVED;
    }

    public Optional<StoredDetermination> latest() {
        return determinations.isEmpty() ? Optional.empty() : Optional.of(determinations.get(determinations.size() - 1));
    }
}
