package org.pumpauth.server.audit;

import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.pumpauth.server.store.Sql;

/** Walks the audit trail from the first entry and checks every hash and link. */
public final class AuditVerifier {
    private final Jdbi jdbi;

    public AuditVerifier(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The result: how many entries and letters were checked, and the first broken one if any. */
    public record Verification(long entries, long letters, Optional<Break> firstBreak) {
        public Verification(long entries, Optional<Break> firstBreak) {
            this(entries, 0, firstBreak);
        }

        public boolean intact() {
            return firstBreak.isEmpty();
        }
    }

    /** Where the chain breaks: the entry's sequence number (0 for the head) and what is wrong. */
    public record Break(long seq, String reason) {}

    /**
     * Checks the trail up to the head as it stands when the check starts. The head is read first: the
     * entries it names were committed with it, so a server appending meanwhile (on PostgreSQL each
     * statement sees the commits made before it) adds only entries after the head, which are left
     * for the next check rather than reported as missing from it.
     */
    public Verification verify() {
        return jdbi.inTransaction(handle -> {
            var head = handle.createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                    .map((rs, ctx) -> new Object[] {rs.getLong("last_seq"), rs.getString("last_hash")})
                    .one();
            long headSeq = (Long) head[0];
            long checked = 0;
            long expectedSeq = 1;
            String previous = AuditLog.GENESIS;
            // An entry's content is in the entry (written before documents were stored once) or in the
            // document its content hash names; either way its hash is recomputed from the text.
            try (Stream<AuditEntry> entries = handle.createQuery("SELECT e.seq, e.case_id, e.event, e.actor, e.at,"
                            + " COALESCE(e.content, (SELECT d.content FROM document d"
                            + " WHERE d.case_id = e.case_id AND d.hash = e.content_hash))"
                            + " AS content_text, e.content_hash, e.previous_hash, e.entry_hash"
                            + " FROM audit_entry e WHERE e.seq <= ? ORDER BY e.seq")
                    .bind(0, headSeq)
                    .setFetchSize(500)
                    .map((rs, ctx) -> new AuditEntry(rs.getLong("seq"), rs.getString("case_id"), rs.getString("event"),
                            rs.getString("actor"), Sql.instant(rs, "at"), rs.getString("content_text"),
                            rs.getString("content_hash"), rs.getString("previous_hash"), rs.getString("entry_hash")))
                    .stream()) {
                for (Iterator<AuditEntry> it = entries.iterator(); it.hasNext(); ) {
                    AuditEntry e = it.next();
                    Optional<String> wrong = check(e, expectedSeq, previous);
                    if (wrong.isPresent()) {
                        return new Verification(checked, Optional.of(new Break(e.seq(), wrong.get())));
                    }
                    checked++;
                    expectedSeq++;
                    previous = e.entryHash();
                }
            }
            if (checked != headSeq) {
                return new Verification(checked, Optional.of(new Break(checked + 1,
                        "the trail ends after entry " + checked + " but its head names entry " + headSeq
                                + ": entries are missing at the end")));
            }
            if (!previous.equals(head[1])) {
                return new Verification(checked, Optional.of(new Break(0,
                        "the head's hash does not match the hash of entry " + checked)));
            }
            return letters(handle, checked, headSeq);
        });
    }

    /**
     * Every letter whose entry is among those checked: its HTML still hashes to the letter's SHA-256,
     * and an entry of the chain ({@code letter-issued}, of its case) names that hash, so a letter cannot
     * be changed, swapped for another document or added without its entry. A letter whose entry came
     * after the head was read is left for the next check.
     */
    private static Verification letters(org.jdbi.v3.core.Handle handle, long entries, long headSeq) {
        long checked = 0;
        try (Stream<Object[]> letters = handle.createQuery("SELECT l.id, l.sha256, e.seq AS entry_seq,"
                        + " COALESCE(d.content, e.content) AS content_text FROM letter l"
                        + " LEFT JOIN audit_entry e ON e.seq = (SELECT MIN(x.seq) FROM audit_entry x WHERE x.case_id = l.case_id"
                        + " AND x.event = ? AND x.content_hash = l.sha256)"
                        + " LEFT JOIN document d ON d.case_id = l.case_id AND d.hash = l.sha256 ORDER BY l.created_at, l.id")
                .bind(0, AuditEvent.LETTER_ISSUED.code())
                .setFetchSize(500)
                .map((rs, ctx) -> new Object[] {rs.getString("id"), rs.getString("sha256"), rs.getString("content_text"),
                        rs.getObject("entry_seq") == null ? null : rs.getLong("entry_seq")})
                .stream()) {
            for (Iterator<Object[]> it = letters.iterator(); it.hasNext(); ) {
                Object[] l = it.next();
                Long seq = (Long) l[3];
                if (seq == null) {
                    return new Verification(entries, checked, Optional.of(new Break(0, "letter " + l[0]
                            + " has no letter-issued entry in the trail naming its hash")));
                }
                if (seq > headSeq) {
                    continue; // committed after this check began
                }
                if (l[2] == null || !Sha256.hex((String) l[2]).equals(l[1])) {
                    return new Verification(entries, checked, Optional.of(new Break(seq, "letter " + l[0]
                            + ": its HTML does not match its SHA-256")));
                }
                checked++;
            }
        }
        return new Verification(entries, checked, Optional.empty());
    }

    private static Optional<String> check(AuditEntry e, long expectedSeq, String previous) {
        if (e.seq() != expectedSeq) {
            return Optional.of("entry " + expectedSeq + " is missing (the next is " + e.seq() + ")");
        }
        if (!e.previousHash().equals(previous)) {
            return Optional.of("its previous hash does not match the hash of the entry before it");
        }
        if (e.content() == null) {
            return Optional.of("its content is missing: no document is stored under its content hash");
        }
        if (!Sha256.hex(e.content()).equals(e.contentHash())) {
            return Optional.of("its content does not match its content hash");
        }
        String expected = AuditEntry.hashOf(e.seq(), e.caseId(), e.event(), e.actor(), e.at(), e.contentHash(),
                e.previousHash());
        if (!expected.equals(e.entryHash())) {
            return Optional.of("its fields do not match its hash");
        }
        return Optional.empty();
    }
}
