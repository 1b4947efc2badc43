package org.pumpauth.server.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.pumpauth.server.store.Sql;

/**
 * Appends to the audit trail inside the caller's transaction, so an entry exists exactly when the
 * change it records was committed. Appends are serialised by a row lock on {@code audit_head},
 * taken as late as possible in the transaction; it is a row of the database, so it serialises the
 * appends of every server on that database, and the chain cannot fork.
 *
 * <p>An entry's content is a {@link Document}, stored once in {@code document} and referenced by its
 * hash (a determination is one document for its case, its determination row and its entry). Documents
 * are written under the same lock, so no two writers insert one at once.
 */
public final class AuditLog {
    public static final String GENESIS = "0".repeat(64);

    private AuditLog() {}

    /** An event to append: what happened to which case (empty when it is about no case), by whom, when, and its content. */
    public record Event(String caseId, AuditEvent event, String actor, Instant at, Document content) {
        public Event(String caseId, AuditEvent event, String actor, Instant at, String content) {
            this(caseId, event, actor, at, Document.of(content));
        }
    }

    public static AuditEntry append(Handle handle, String caseId, AuditEvent event, String actor, Instant at,
            String content) {
        return appendAll(handle, List.of(new Event(caseId, event, actor, at, content))).get(0);
    }

    /** Appends the events in order, under one lock of the head. */
    public static List<AuditEntry> appendAll(Handle handle, List<Event> events) {
        return appendAll(handle, events, List.of());
    }

    /**
     * Appends the events in order, under one lock of the head, and stores their contents and the other
     * documents the change references (such as a request as it now stands).
     */
    public static List<AuditEntry> appendAll(Handle handle, List<Event> events, Collection<Document> documents) {
        var head = handle.createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .map((rs, ctx) -> new Object[] {rs.getLong("last_seq"), rs.getString("last_hash")})
                .one();
        Map<String, String> toStore = new TreeMap<>(); // by hash: one order for every writer
        events.forEach(e -> toStore.put(e.content().hash(), e.content().content()));
        documents.forEach(d -> toStore.put(d.hash(), d.content()));
        store(handle, toStore);
        long seq = (Long) head[0];
        String previous = (String) head[1];
        List<AuditEntry> entries = new ArrayList<>(events.size());
        PreparedBatch batch = handle.prepareBatch("INSERT INTO audit_entry (seq, case_id, event, actor, at,"
                + " content_hash, previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (Event e : events) {
            seq++;
            Instant when = e.at().truncatedTo(ChronoUnit.MILLIS);
            String contentHash = e.content().hash();
            String hash = AuditEntry.hashOf(seq, e.caseId(), e.event().code(), e.actor(), when, contentHash, previous);
            batch.bind(0, seq).bind(1, e.caseId()).bind(2, e.event().code()).bind(3, e.actor())
                    .bind(4, Sql.timestamp(when)).bind(5, contentHash).bind(6, previous).bind(7, hash).add();
            entries.add(new AuditEntry(seq, e.caseId(), e.event().code(), e.actor(), when, e.content().content(),
                    contentHash, previous, hash));
            previous = hash;
        }
        batch.execute();
        handle.createUpdate("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .bind(0, seq).bind(1, previous).execute();
        return entries;
    }

    /** Inserts the documents not stored yet (the same text is stored once, whichever case it belongs to). */
    private static void store(Handle handle, Map<String, String> documents) {
        if (documents.isEmpty()) {
            return;
        }
        Set<String> stored = new HashSet<>(handle.createQuery("SELECT hash FROM document WHERE hash IN (<hashes>)")
                .bindList("hashes", new ArrayList<>(documents.keySet()))
                .mapTo(String.class)
                .list());
        PreparedBatch insert = handle.prepareBatch("INSERT INTO document (hash, content) VALUES (?, ?)");
        boolean any = false;
        for (Map.Entry<String, String> d : documents.entrySet()) {
            if (!stored.contains(d.getKey())) {
                insert.bind(0, d.getKey()).bind(1, d.getValue()).add();
                any = true;
            }
        }
        if (any) {
            insert.execute();
        }
    }

    /** An entry as a case's history shows it: the event, who, when; not its content. */
    public record Line(long seq, String event, String actor, Instant at) {}

    /** The case's entries, oldest first. */
    public static List<Line> ofCase(Handle handle, String caseId) {
        return handle.createQuery("SELECT seq, event, actor, at FROM audit_entry WHERE case_id = :caseId ORDER BY seq")
                .bind("caseId", caseId)
                .map((rs, ctx) -> new Line(rs.getLong("seq"), rs.getString("event"), rs.getString("actor"),
                        org.pumpauth.server.store.Sql.instant(rs, "at")))
                .list();
    }
}
