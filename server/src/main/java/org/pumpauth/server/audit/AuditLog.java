package org.pumpauth.server.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.pumpauth.server.store.Sql;

/**
 * Appends to the audit trail inside the caller's transaction, so an entry exists exactly when the
 * change it records was committed. Appends are serialised by a row lock on {@code audit_head},
 * taken as late as possible in the transaction; it is a row of the database, so it serialises the
 * appends of every server on that database, and the chain cannot fork.
 *
 * <p>An entry's content is a {@link Document}, stored once for its case in {@code document}, under the
 * case id and its hash, and referenced by the hash (a determination is one document for its case, its
 * determination row and its entry). Documents are written under the same lock, so no two writers
 * insert one at once.
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
     * documents the change references (such as a request as it now stands). Every event is about one
     * case, the one the documents belong to; a document the case has already is not stored again.
     */
    public static List<AuditEntry> appendAll(Handle handle, List<Event> events, Collection<Document> documents) {
        String caseId = events.get(0).caseId();
        if (events.stream().anyMatch(e -> !e.caseId().equals(caseId))) {
            throw new IllegalArgumentException("the events are about more than one case");
        }
        var head = lockHead(handle);
        Map<String, String> toStore = new TreeMap<>(); // by hash: one order for every writer
        events.forEach(e -> toStore.put(e.content().hash(), e.content().content()));
        documents.forEach(d -> toStore.put(d.hash(), d.content()));
        handle.createQuery("SELECT hash FROM document WHERE case_id = ?").bind(0, caseId).mapTo(String.class)
                .forEach(toStore::remove);
        insert(handle, toStore.entrySet().stream().map(d -> new CaseDocument(caseId, new Document(d.getKey(), d.getValue())))
                .toList());
        return append(handle, head, events);
    }

    /** A document of a case. */
    public record CaseDocument(String caseId, Document document) {}

    /**
     * Appends the events of cases created in this transaction, with their documents (the events'
     * contents among them): a new case has no document stored yet, so none is looked for.
     */
    public static List<AuditEntry> appendNewCases(Handle handle, List<Event> events, Collection<CaseDocument> documents) {
        var head = lockHead(handle);
        Map<String, CaseDocument> toStore = new TreeMap<>(); // by case and hash: one order for every writer, each once
        documents.forEach(d -> toStore.putIfAbsent(d.caseId() + "/" + d.document().hash(), d));
        events.forEach(e -> toStore.putIfAbsent(e.caseId() + "/" + e.content().hash(), new CaseDocument(e.caseId(),
                e.content())));
        insert(handle, toStore.values());
        return append(handle, head, events);
    }

    private static Object[] lockHead(Handle handle) {
        try (PreparedStatement st = handle.getConnection().prepareStatement(
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the audit chain's head row is missing");
            }
            return new Object[] {rs.getLong(1), rs.getString(2)};
        } catch (SQLException e) {
            throw Sql.refused(e);
        }
    }

    private static List<AuditEntry> append(Handle handle, Object[] head, List<Event> events) {
        long seq = (Long) head[0];
        String previous = (String) head[1];
        List<AuditEntry> entries = new ArrayList<>(events.size());
        for (Event e : events) {
            seq++;
            Instant when = e.at().truncatedTo(ChronoUnit.MILLIS);
            String contentHash = e.content().hash();
            String hash = AuditEntry.hashOf(seq, e.caseId(), e.event().code(), e.actor(), when, contentHash, previous);
            entries.add(new AuditEntry(seq, e.caseId(), e.event().code(), e.actor(), when, e.content().content(),
                    contentHash, previous, hash));
            previous = hash;
        }
        Sql.batch(handle, "INSERT INTO audit_entry (seq, case_id, event, actor, at, content_hash, previous_hash, entry_hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entries, (st, entry) -> {
                    st.setLong(1, entry.seq());
                    st.setString(2, entry.caseId());
                    st.setString(3, entry.event());
                    st.setString(4, entry.actor());
                    Sql.setTimestamp(st, 5, entry.at());
                    st.setString(6, entry.contentHash());
                    st.setString(7, entry.previousHash());
                    st.setString(8, entry.entryHash());
                });
        try (PreparedStatement st = handle.getConnection().prepareStatement(
                "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            st.setLong(1, seq);
            st.setString(2, previous);
            st.executeUpdate();
        } catch (SQLException e) {
            throw Sql.refused(e);
        }
        return entries;
    }

    private static void insert(Handle handle, Collection<CaseDocument> documents) {
        Sql.batch(handle, "INSERT INTO document (case_id, hash, content) VALUES (?, ?, ?)", documents, (st, d) -> {
            st.setString(1, d.caseId());
            st.setString(2, d.document().hash());
            st.setString(3, d.document().content());
        });
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
