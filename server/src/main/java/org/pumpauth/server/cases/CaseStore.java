package org.pumpauth.server.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.pumpauth.server.store.Sql;

/** The SQL for cases and their determinations, run inside the caller's handle (and transaction). */
final class CaseStore {
    private CaseStore() {}

    /** The stored case row; a key for idempotency. */
    record Row(String id, String submitter, String requestId, String bodyHash, String policy, CaseStatus status,
            Urgency urgency, Instant receivedAt, Instant dueAt, String requestJson, Optional<ReviewCase.Decision> decision,
            Optional<ReviewCase.Extension> extension, Optional<ReviewCase.Appeal> appeal) {

        /** A case without an extension or an appeal (a new one). */
        Row(String id, String submitter, String requestId, String bodyHash, String policy, CaseStatus status,
                Urgency urgency, Instant receivedAt, Instant dueAt, String requestJson,
                Optional<ReviewCase.Decision> decision) {
            this(id, submitter, requestId, bodyHash, policy, status, urgency, receivedAt, dueAt, requestJson, decision,
                    Optional.empty(), Optional.empty());
        }

        /** The same case after an evaluation: the request as it now stands, its status and decision. */
        Row evaluated(String newRequestJson, CaseStatus newStatus, Optional<ReviewCase.Decision> newDecision) {
            return new Row(id, submitter, requestId, bodyHash, policy, newStatus, urgency, receivedAt, dueAt, newRequestJson,
                    newDecision, extension, appeal);
        }
    }

    /** A determination's JSON: in the row (stored before documents were stored once) or the document it names. */
    private static final String DETERMINATION_JSON = "COALESCE(determination.json,"
            + " (SELECT doc.content FROM document doc WHERE doc.case_id = determination.case_id"
            + " AND doc.hash = determination.json_hash)) AS json_text";

    /**
     * The case's columns, with its request as it stands: in the row (cases stored before documents were
     * stored once) or the document the row names.
     */
    private static final String CASE_COLUMNS = "review_case.*, COALESCE(request_json,"
            + " (SELECT d.content FROM document d WHERE d.case_id = review_case.id"
            + " AND d.hash = review_case.request_hash)) AS request_text";

    /** Inserts the case row; its request is the document {@code requestHash}, stored with the audit entries. */
    static void insert(Handle h, Row row, String requestHash) {
        insertAll(h, List.of(row), List.of(requestHash));
    }

    /**
     * Inserts the case rows in one batch (one round trip to the database for all of them), in the
     * order given; each request is the document named at the same place in {@code requestHashes}.
     */
    static void insertAll(Handle h, List<Row> rows, List<String> requestHashes) {
        List<Integer> places = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            places.add(i);
        }
        Sql.batch(h, "INSERT INTO review_case (id, submitter, request_id, body_hash, policy, status, urgency, received_at,"
                + " due_at, request_hash, decision, decided_by, decided_at, rationale)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", places, (st, i) -> {
                    Row row = rows.get(i);
                    Optional<ReviewCase.Decision> d = row.decision();
                    st.setString(1, row.id());
                    st.setString(2, row.submitter());
                    st.setString(3, row.requestId());
                    st.setString(4, row.bodyHash());
                    st.setString(5, row.policy());
                    st.setString(6, row.status().code());
                    st.setString(7, row.urgency().code());
                    Sql.setTimestamp(st, 8, row.receivedAt());
                    Sql.setTimestamp(st, 9, row.dueAt());
                    st.setString(10, requestHashes.get(i));
                    Sql.setText(st, 11, d.map(x -> x.verdict().code()).orElse(null));
                    Sql.setText(st, 12, d.map(ReviewCase.Decision::by).orElse(null));
                    Sql.setTimestamp(st, 13, d.map(ReviewCase.Decision::at).orElse(null));
                    Sql.setText(st, 14, d.map(ReviewCase.Decision::rationale).orElse(null));
                });
    }

    /** A determination row to insert: its JSON is the document {@code jsonHash}, stored with the audit entries. */
    record DeterminationRow(String caseId, int seq, Instant at, String outcome, String jsonHash) {}

    static void insertDetermination(Handle h, String caseId, int seq, Instant at, String outcome, String jsonHash) {
        insertDeterminations(h, List.of(new DeterminationRow(caseId, seq, at, outcome, jsonHash)));
    }

    /** Inserts the determination rows in one batch. */
    static void insertDeterminations(Handle h, List<DeterminationRow> rows) {
        Sql.batch(h, "INSERT INTO determination (case_id, seq, at, outcome, json_hash) VALUES (?, ?, ?, ?, ?)", rows,
                (st, d) -> {
                    st.setString(1, d.caseId());
                    st.setInt(2, d.seq());
                    Sql.setTimestamp(st, 3, d.at());
                    st.setString(4, d.outcome());
                    st.setString(5, d.jsonHash());
                });
    }

    /** Stores the request as it now stands (the document {@code requestHash}), the status and the decision, if any. */
    static void update(Handle h, Row row, String requestHash) {
        Optional<ReviewCase.Decision> d = row.decision();
        h.createUpdate("UPDATE review_case SET request_json = NULL, request_hash = ?, status = ?, decision = ?,"
                        + " decided_by = ?, decided_at = ?, rationale = ? WHERE id = ?")
                .bind(0, requestHash).bind(1, row.status().code())
                .bind(2, d.map(x -> x.verdict().code()).orElse(null))
                .bind(3, d.map(ReviewCase.Decision::by).orElse(null))
                .bind(4, d.map(x -> Sql.timestamp(x.at())).orElse(null))
                .bind(5, d.map(ReviewCase.Decision::rationale).orElse(null))
                .bind(6, row.id()).execute();
    }

    static void decide(Handle h, String id, ReviewCase.Decision d) {
        h.createUpdate("UPDATE review_case SET status = ?, decision = ?, decided_by = ?, decided_at = ?, rationale = ?"
                        + " WHERE id = ?")
                .bind(0, d.verdict().status().code()).bind(1, d.verdict().code()).bind(2, d.by())
                .bind(3, Sql.timestamp(d.at())).bind(4, d.rationale()).bind(5, id).execute();
    }

    /** Records the case's extension and the due time it moved to. */
    static void extend(Handle h, String id, ReviewCase.Extension e, Instant dueAt) {
        h.createUpdate("UPDATE review_case SET due_at = :dueAt, extension_days = :days, extended_by = :by,"
                        + " extended_at = :at, extension_reason = :reason WHERE id = :id")
                .bind("dueAt", Sql.timestamp(dueAt)).bind("days", e.days()).bind("by", e.by())
                .bind("at", Sql.timestamp(e.at())).bind("reason", e.reason()).bind("id", id).execute();
    }

    /** Sets an open case's status (a reviewer's request for information: the case waits for the provider). */
    static void setStatus(Handle h, String id, CaseStatus status) {
        h.createUpdate("UPDATE review_case SET status = :status WHERE id = :id")
                .bind("status", status.code()).bind("id", id).execute();
    }

    /**
     * Records the appeal of a denial: the case goes to reconsideration, due as the appeal's urgency says;
     * the denial moves to the appeal's columns and the decision is cleared until the reconsideration's.
     */
    static void appeal(Handle h, String id, ReviewCase.Appeal a, Instant dueAt) {
        h.createUpdate("UPDATE review_case SET status = :status, due_at = :dueAt, appeal_urgency = :urgency,"
                        + " appealed_by = :by, appealed_at = :at, appeal_reason = :reason, denied_by = :deniedBy,"
                        + " denied_at = :deniedAt, denial_rationale = :denialRationale, decision = NULL,"
                        + " decided_by = NULL, decided_at = NULL, rationale = NULL WHERE id = :id")
                .bind("status", CaseStatus.RECONSIDERATION.code()).bind("dueAt", Sql.timestamp(dueAt))
                .bind("urgency", a.urgency().code()).bind("by", a.by()).bind("at", Sql.timestamp(a.at()))
                .bind("reason", a.reason()).bind("deniedBy", a.denial().by())
                .bind("deniedAt", Sql.timestamp(a.denial().at())).bind("denialRationale", a.denial().rationale())
                .bind("id", id).execute();
    }

    static void insertPeerToPeer(Handle h, String caseId, ReviewCase.PeerToPeer p, String participantsJson) {
        h.createUpdate("INSERT INTO peer_to_peer (case_id, seq, held_on, participants, summary, recorded_by, recorded_at)"
                        + " VALUES (:caseId, :seq, :date, :participants, :summary, :by, :at)")
                .bind("caseId", caseId).bind("seq", p.seq()).bind("date", p.date()).bind("participants", participantsJson)
                .bind("summary", p.summary()).bind("by", p.recordedBy()).bind("at", Sql.timestamp(p.recordedAt()))
                .execute();
    }

    /** The case's peer-to-peer conversations in the order recorded. */
    static List<ReviewCase.PeerToPeer> peerToPeer(Handle h, String caseId) {
        return h.createQuery("SELECT seq, held_on, participants, summary, recorded_by, recorded_at FROM peer_to_peer"
                        + " WHERE case_id = :caseId ORDER BY seq")
                .bind("caseId", caseId)
                .map((rs, ctx) -> new ReviewCase.PeerToPeer(rs.getInt("seq"), rs.getObject("held_on", LocalDate.class),
                        Participants.read(rs.getString("participants")), rs.getString("summary"),
                        rs.getString("recorded_by"), Sql.instant(rs, "recorded_at")))
                .list();
    }

    /** The case row, locked for update when {@code lock} (to serialise changes to one case). */
    static Optional<Row> find(Handle h, String id, boolean lock) {
        return h.createQuery("SELECT " + CASE_COLUMNS + " FROM review_case WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .bind(0, id).map((rs, ctx) -> row(rs)).findOne();
    }

    static Optional<Row> findByRequest(Handle h, String submitter, String requestId) {
        return h.createQuery("SELECT " + CASE_COLUMNS + " FROM review_case WHERE submitter = ? AND request_id = ?")
                .bind(0, submitter).bind(1, requestId).map((rs, ctx) -> row(rs)).findOne();
    }

    static List<ReviewCase.StoredDetermination> determinations(Handle h, String caseId) {
        return h.createQuery("SELECT seq, at, outcome, " + DETERMINATION_JSON + " FROM determination WHERE case_id = ?"
                        + " ORDER BY seq")
                .bind(0, caseId)
                .map((rs, ctx) -> new ReviewCase.StoredDetermination(rs.getInt("seq"), Sql.instant(rs, "at"),
                        rs.getString("outcome"), rs.getString("json_text")))
                .list();
    }

    static ReviewCase load(Handle h, Row row) {
        return full(row, determinations(h, row.id()), peerToPeer(h, row.id()));
    }

    static ReviewCase full(Row row, List<ReviewCase.StoredDetermination> determinations) {
        return full(row, determinations, List.of());
    }

    static ReviewCase full(Row row, List<ReviewCase.StoredDetermination> determinations,
            List<ReviewCase.PeerToPeer> peerToPeer) {
        return new ReviewCase(row.id(), row.submitter(), row.requestId(), row.policy(), row.status(), row.urgency(),
                row.receivedAt(), row.dueAt(), row.requestJson(), row.decision(), determinations, row.extension(),
                row.appeal(), peerToPeer);
    }

    /** The queue: cases matching the query (and the submitter, if given), by due time, each with its latest determination. */
    static List<ReviewCase> queue(Handle h, CaseQuery query, Optional<String> submitter) {
        StringBuilder sql = new StringBuilder("SELECT " + CASE_COLUMNS + " FROM review_case WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        submitter.ifPresent(s -> {
            sql.append(" AND submitter = ?");
            args.add(s);
        });
        query.status().ifPresent(s -> {
            sql.append(" AND status = ?");
            args.add(s.code());
        });
        query.policy().ifPresent(p -> {
            sql.append(p.contains("@") ? " AND policy = ?" : " AND (policy = ? OR policy LIKE ?)");
            args.add(p);
            if (!p.contains("@")) {
                args.add(p.replace("%", "").replace("_", "\\_") + "@%");
            }
        });
        if (query.openOnly()) {
            sql.append(" AND status IN (?, ?, ?)");
            args.add(CaseStatus.PENDING_REVIEW.code());
            args.add(CaseStatus.INFORMATION_REQUESTED.code());
            args.add(CaseStatus.RECONSIDERATION.code());
        }
        query.urgency().ifPresent(u -> {
            sql.append(" AND urgency = ?");
            args.add(u.code());
        });
        query.dueBefore().ifPresent(d -> {
            sql.append(" AND due_at < ?");
            args.add(Sql.timestamp(d));
        });
        sql.append(" ORDER BY due_at, id LIMIT ").append(query.limit());
        if (query.offset() > 0) {
            sql.append(" OFFSET ").append(query.offset());
        }
        Query q = h.createQuery(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            q.bind(i, args.get(i));
        }
        List<Row> rows = q.map((rs, ctx) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, ReviewCase.StoredDetermination> latest = new HashMap<>();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        Query dq = h.createQuery("SELECT determination.case_id, determination.seq, determination.at, determination.outcome, "
                + DETERMINATION_JSON + " FROM determination WHERE determination.case_id IN (" + in + ") AND determination.seq ="
                + " (SELECT MAX(seq) FROM determination m WHERE m.case_id = determination.case_id)");
        for (int i = 0; i < rows.size(); i++) {
            dq.bind(i, rows.get(i).id());
        }
        dq.map((rs, ctx) -> Map.entry(rs.getString("case_id"), new ReviewCase.StoredDetermination(rs.getInt("seq"),
                        Sql.instant(rs, "at"), rs.getString("outcome"), rs.getString("json_text"))))
                .forEach(e -> latest.put(e.getKey(), e.getValue()));
        List<ReviewCase> cases = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ReviewCase.StoredDetermination d = latest.get(row.id());
            cases.add(full(row, d == null ? List.of() : List.of(d)));
        }
        return cases;
    }

    /** How many cases (of the submitter, if given) are in each status. */
    static Map<CaseStatus, Integer> countByStatus(Handle h, Optional<String> submitter) {
        Map<CaseStatus, Integer> counts = new java.util.EnumMap<>(CaseStatus.class);
        for (CaseStatus s : CaseStatus.values()) {
            counts.put(s, 0);
        }
        Query q = h.createQuery("SELECT status, COUNT(*) AS n FROM review_case"
                + (submitter.isPresent() ? " WHERE submitter = :submitter" : "") + " GROUP BY status");
        submitter.ifPresent(s -> q.bind("submitter", s));
        q.map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n")))
                .forEach(e -> CaseStatus.of(e.getKey()).ifPresent(s -> counts.put(s, e.getValue())));
        return counts;
    }

    private static Row row(ResultSet rs) throws SQLException {
        String verdict = rs.getString("decision");
        Optional<ReviewCase.Decision> decision = verdict == null ? Optional.empty()
                : Optional.of(new ReviewCase.Decision(Verdict.of(verdict).orElseThrow(), rs.getString("decided_by"),
                        Sql.instant(rs, "decided_at"), rs.getString("rationale")));
        return new Row(rs.getString("id"), rs.getString("submitter"), rs.getString("request_id"), rs.getString("body_hash"),
                rs.getString("policy"), CaseStatus.of(rs.getString("status")).orElseThrow(),
                Urgency.of(rs.getString("urgency")), Sql.instant(rs, "received_at"), Sql.instant(rs, "due_at"),
                rs.getString("request_text"), decision, extension(rs), appeal(rs));
    }

    private static Optional<ReviewCase.Extension> extension(ResultSet rs) throws SQLException {
        int days = rs.getInt("extension_days");
        if (rs.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new ReviewCase.Extension(days, rs.getString("extended_by"), Sql.instant(rs, "extended_at"),
                rs.getString("extension_reason")));
    }

    private static Optional<ReviewCase.Appeal> appeal(ResultSet rs) throws SQLException {
        String urgency = rs.getString("appeal_urgency");
        if (urgency == null) {
            return Optional.empty();
        }
        ReviewCase.Decision denial = new ReviewCase.Decision(Verdict.DENY, rs.getString("denied_by"),
                Sql.instant(rs, "denied_at"), rs.getString("denial_rationale"));
        return Optional.of(new ReviewCase.Appeal(Urgency.of(urgency), rs.getString("appealed_by"),
                Sql.instant(rs, "appealed_at"), rs.getString("appeal_reason"), denial));
    }
}
