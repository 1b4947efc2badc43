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

    /** The result: how many entries were checked, and the first broken one if any. */
    public record Verification(long entries, Optional<Break> firstBreak) {
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
            return new Verification(checked, Optional.empty());
        });
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
