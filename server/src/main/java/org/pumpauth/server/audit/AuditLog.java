package org.pumpauth.server.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.pumpauth.server.store.Sql;

/**
 * Appends to the audit trail inside the caller's transaction, so an entry exists exactly when the
 * change it records was committed. Appends are serialised by a row lock on {@code audit_head},
 * taken as late as possible in the transaction.
 */
public final class AuditLog {
    public static final String GENESIS = "0".repeat(64);

    private AuditLog() {}

    /** An event to append: what happened to which case, by whom, when, and its content. */
    public record Event(String caseId, AuditEvent event, String actor, Instant at, String content) {}

    public static AuditEntry append(Handle handle, String caseId, AuditEvent event, String actor, Instant at,
            String content) {
        return appendAll(handle, List.of(new Event(caseId, event, actor, at, content))).get(0);
    }

    /** Appends the events in order, under one lock of the head. */
    public static List<AuditEntry> appendAll(Handle handle, List<Event> events) {
        var head = handle.createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .map((rs, ctx) -> new Object[] {rs.getLong("last_seq"), rs.getString("last_hash")})
                .one();
        long seq = (Long) head[0];
        String previous = (String) head[1];
        List<AuditEntry> entries = new ArrayList<>(events.size());
        PreparedBatch batch = handle.prepareBatch("INSERT INTO audit_entry (seq, case_id, event, actor, at, content,"
                + " content_hash, previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (Event e : events) {
            seq++;
            Instant when = e.at().truncatedTo(ChronoUnit.MILLIS);
            String contentHash = Sha256.hex(e.content());
            String hash = AuditEntry.hashOf(seq, e.caseId(), e.event().code(), e.actor(), when, contentHash, previous);
            batch.bind(0, seq).bind(1, e.caseId()).bind(2, e.event().code()).bind(3, e.actor())
                    .bind(4, Sql.timestamp(when)).bind(5, e.content()).bind(6, contentHash).bind(7, previous)
                    .bind(8, hash).add();
            entries.add(new AuditEntry(seq, e.caseId(), e.event().code(), e.actor(), when, e.content(), contentHash,
                    previous, hash));
            previous = hash;
        }
        batch.execute();
        handle.createUpdate("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .bind(0, seq).bind(1, previous).execute();
        return entries;
    }
}
