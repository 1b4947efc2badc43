package org.pumpauth.server.letters;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.pumpauth.codes.CodeCatalog;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.audit.AuditEvent;
import org.pumpauth.server.audit.AuditLog;
import org.pumpauth.server.audit.Document;
import org.pumpauth.server.store.Sql;

/**
 * Issues and reads letters. A letter is written inside the transaction of the event it reports: its
 * row, its HTML (a document under its SHA-256) and an audit entry ({@code letter-issued}, whose content
 * is that HTML) commit with the event or not at all. Rows are never updated.
 */
public final class Letters {
    private final LetterHtml html;

    public Letters(LetterSettings settings) {
        this.html = new LetterHtml(settings, CodeCatalog.builtIn());
    }

    public LetterSettings settings() {
        return html.settings();
    }

    /** Writes the letter's HTML (no database work: the caller stores it with its event). */
    public IssuedLetter prepare(LetterInput input) {
        Document document = Document.of(html.render(input));
        return new IssuedLetter(new Letter(input.letterId(), input.caseId(), input.kind(), input.createdAt(), document.hash()),
                document);
    }

    /** The audit event that records the letter; its content is the letter's HTML, stored once as a document. */
    public static AuditLog.Event event(IssuedLetter letter) {
        return new AuditLog.Event(letter.letter().caseId(), AuditEvent.LETTER_ISSUED, Caller.SYSTEM,
                letter.letter().createdAt(), letter.html());
    }

    /**
     * Inserts the first letter of each of new cases (at most one per case) in one batch; their documents
     * are stored by the audit entries that reference them.
     */
    public static void insertFirst(Handle h, List<IssuedLetter> letters) {
        insert(h, letters, 1, false);
    }

    /**
     * Inserts letters of one case after those it has; the caller holds the case's row lock (every change
     * to a case takes it), so two letters never take the same place.
     */
    public static void insert(Handle h, List<IssuedLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        int last = h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM letter WHERE case_id = ?")
                .bind(0, letters.get(0).letter().caseId()).mapTo(Integer.class).one();
        insert(h, letters, last + 1, true);
    }

    private static void insert(Handle h, List<IssuedLetter> letters, int first, boolean oneCase) {
        int[] seq = {first};
        Sql.batch(h, "INSERT INTO letter (id, case_id, seq, kind, created_at, sha256) VALUES (?, ?, ?, ?, ?, ?)", letters,
                (st, issued) -> {
                    Letter l = issued.letter();
                    st.setString(1, l.id());
                    st.setString(2, l.caseId());
                    st.setInt(3, oneCase ? seq[0]++ : first);
                    st.setString(4, l.kind().code());
                    Sql.setTimestamp(st, 5, l.createdAt());
                    st.setString(6, l.sha256());
                });
    }

    /** Issues one letter in the caller's transaction: its row, its document and its audit entry. */
    public IssuedLetter issue(Handle h, LetterInput input) {
        IssuedLetter letter = prepare(input);
        insert(h, List.of(letter));
        AuditLog.appendAll(h, List.of(event(letter)));
        return letter;
    }

    /** The case's letters, oldest first. */
    public static List<Letter> list(Handle h, String caseId) {
        return h.createQuery("SELECT id, case_id, kind, created_at, sha256 FROM letter WHERE case_id = ? ORDER BY seq")
                .bind(0, caseId)
                .map((rs, ctx) -> new Letter(rs.getString("id"), rs.getString("case_id"),
                        LetterKind.of(rs.getString("kind")).orElseThrow(), Sql.instant(rs, "created_at"), rs.getString("sha256")))
                .list();
    }

    /** One letter of the case with its HTML. */
    public static Optional<IssuedLetter> find(Handle h, String caseId, String letterId) {
        return h.createQuery("SELECT l.id, l.case_id, l.kind, l.created_at, l.sha256, d.content FROM letter l"
                        + " JOIN document d ON d.case_id = l.case_id AND d.hash = l.sha256 WHERE l.case_id = ? AND l.id = ?")
                .bind(0, caseId).bind(1, letterId)
                .map((rs, ctx) -> new IssuedLetter(new Letter(rs.getString("id"), rs.getString("case_id"),
                        LetterKind.of(rs.getString("kind")).orElseThrow(), Sql.instant(rs, "created_at"), rs.getString("sha256")),
                        new Document(rs.getString("sha256"), rs.getString("content"))))
                .findOne();
    }
}
