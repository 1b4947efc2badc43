package org.pumpauth.server.audit;

import java.util.Locale;

/** What an audit entry records. */
public enum AuditEvent {
    SUBMITTED,
    EVALUATED,
    INFORMATION_ADDED,
    DECIDED,
    /** The decision clock was extended (content: days, the previous and new due times, the reason). */
    EXTENDED,
    /** A denial was appealed (content: urgency, the reconsideration's due time, the reason). */
    APPEALED,
    /**
     * A reviewer sent the provider a request for the missing information (content: the fields asked for,
     * and the reviewer's note when there is one).
     */
    INFORMATION_REQUESTED,
    /** A peer-to-peer conversation was recorded (content: date, participants, summary). */
    PEER_TO_PEER,
    /** An API key was created (content: its name and role; never the key). Not about a case: the case id is empty. */
    KEY_CREATED,
    /** An API key was revoked (content: its name). */
    KEY_REVOKED,
    /** The list of API keys was read (content: how many). */
    KEYS_LISTED,
    /**
     * A letter (notice) was issued for the case (content: the letter's HTML, so the entry's content hash
     * is the letter's SHA-256).
     */
    LETTER_ISSUED,
    /** A clinical note was attached to the case (content: its name, attachments[N], its media type and its text). */
    NOTE_ATTACHED,
    /**
     * A reviewer confirmed a fact a note proposes (content: the field, the note, the value, the note's words
     * that state it, the reason, and the merge patch of the request that sets it).
     */
    PROPOSAL_CONFIRMED,
    /** A reviewer rejected a fact a note proposes (content: the field, the note, the value, its words, the reason). */
    PROPOSAL_REJECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
