package org.pumpauth.server.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.pumpauth.engine.ClinicalNote;
import org.pumpauth.server.audit.AuditEvent;
import org.pumpauth.server.store.Sql;

/**
 * What a case's audit trail holds about its clinical notes (issue 14): the notes attached to it
 * (text, or the text of a PDF), named {@code attachments[0]} on, and the proposals a reviewer
 * rejected, which its evaluations no longer propose. The trail is the record: nothing else stores them.
 */
final class CaseNotes {
    private CaseNotes() {}

    /** A proposal a reviewer rejected: the note, the field and the value it proposed. */
    record Rejection(String note, String field, JsonNode value) {}

    /** The notes attached to the case, oldest first. */
    static List<ClinicalNote> attached(Handle h, ObjectMapper mapper, String caseId) {
        List<ClinicalNote> notes = new ArrayList<>();
        for (String content : contents(h, caseId, AuditEvent.NOTE_ATTACHED)) {
            JsonNode note = JsonBodies.tree(mapper, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            notes.add(new ClinicalNote(note.path("note").asText(), note.path("text").asText()));
        }
        return notes;
    }

    /** What the case lists of its attached notes, oldest first: name, kind, when, size; not the text. */
    static List<AttachedNote> listed(Handle h, ObjectMapper mapper, String caseId) {
        return h.createQuery("SELECT a.at, d.content FROM audit_entry a JOIN document d"
                        + " ON d.case_id = a.case_id AND d.hash = a.content_hash"
                        + " WHERE a.case_id = :caseId AND a.event = :event ORDER BY a.seq")
                .bind("caseId", caseId).bind("event", AuditEvent.NOTE_ATTACHED.code())
                .map((rs, ctx) -> {
                    JsonNode note = JsonBodies.tree(mapper, rs.getString("content").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    return new AttachedNote(note.path("note").asText(), note.path("mediaType").asText(),
                            Sql.instant(rs, "at"), note.path("text").asText().length());
                })
                .list();
    }

    /** The proposals reviewers rejected, oldest first. */
    static List<Rejection> rejected(Handle h, ObjectMapper mapper, String caseId) {
        List<Rejection> rejections = new ArrayList<>();
        for (String content : contents(h, caseId, AuditEvent.PROPOSAL_REJECTED)) {
            JsonNode r = JsonBodies.tree(mapper, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            rejections.add(new Rejection(r.path("note").asText(), r.path("field").asText(), r.path("value")));
        }
        return rejections;
    }

    private static List<String> contents(Handle h, String caseId, AuditEvent event) {
        return h.createQuery("SELECT d.content FROM audit_entry a JOIN document d"
                        + " ON d.case_id = a.case_id AND d.hash = a.content_hash"
                        + " WHERE a.case_id = :caseId AND a.event = :event ORDER BY a.seq")
                .bind("caseId", caseId).bind("event", event.code())
                .mapTo(String.class).list();
    }

    /** The same value: numbers by their value ({@code 75} and {@code 75.0}), anything else as JSON. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
