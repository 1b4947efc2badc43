package org.pumpauth.server.audit;

import java.time.Instant;

/** One entry of the audit trail as stored. */
public record AuditEntry(long seq, String caseId, String event, String actor, Instant at, String content,
        String contentHash, String previousHash, String entryHash) {

    /** The hash an entry must carry: over every other field and the previous entry's hash. */
    public static String hashOf(long seq, String caseId, String event, String actor, Instant at, String contentHash,
            String previousHash) {
        return Sha256.hex(seq + "\n" + caseId + "\n" + event + "\n" + actor + "\n" + at + "\n" + contentHash + "\n"
                + previousHash);
    }
}
