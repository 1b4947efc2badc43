package org.pumpauth.server.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Handle;
import org.pumpauth.server.store.Sql;

/**
 * Appends to the audit trail inside the caller's transaction, so an entry exists exactly when the
 * change it records was committed. Appends are serialised by a row lock on {@code audit_head},
 * taken as late as possible in the transaction.
 */
public final class AuditLog {
    public static final String GENESIS = "0".repeat(64);

    private AuditLog() {}

    public static AuditEntry append(Handle handle, String caseId, AuditEvent event, String actor, Instant at,
            String content) {
        Instant when = at.truncatedTo(ChronoUnit.MILLIS);
        var head = handle.createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .map((rs, ctx) -> new Object[] {rs.getLong("last_seq"), rs.getString("last_hash")})
                .one();
        long seq = (Long) head[0] + 1;
        String previous = (String) head[1];
        String contentHash = Sha256.hex(content);
        String hash = AuditEntry.hashOf(seq, caseId, event.code(), actor, when, contentHash, previous);
        handle.createUpdate("INSERT INTO audit_entry (seq, case_id, event, actor, at, content, content_hash,"
                        + " previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, seq).bind(1, caseId).bind(2, event.code()).bind(3, actor).bind(4, Sql.timestamp(when))
                .bind(5, content).bind(6, contentHash).bind(7, previous).bind(8, hash)
                .execute();
        handle.createUpdate("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .bind(0, seq).bind(1, hash).execute();
        return new AuditEntry(seq, caseId, event.code(), actor, when, content, contentHash, previous, hash);
    }
}
