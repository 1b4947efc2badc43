package org.pumpauth.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.server.cases.AttachedNote;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.letters.Letter;

/** The API's JSON for cases, the queue and evaluations, written in one place with a fixed field order. */
final class CaseJson {
    private static final JsonFactory JSON = new JsonFactory();

    private CaseJson() {}

    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Written as text, then encoded: what a case holds was stored, and Jackson's UTF-8 writer throws on an
     * unpaired surrogate where this encoding writes '?'. The service refuses such text in every body
     * ({@link WellFormedJson}), but a case stored before it did must still be readable.
     */
    static byte[] writeStored(Body body) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A case's letters: {@code {"letters": [{id, kind, createdAt, sha256}, ...]}}, oldest first. */
    static byte[] letters(List<Letter> letters) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("letters");
            for (Letter l : letters) {
                json.writeStartObject();
                json.writeStringField("id", l.id());
                json.writeStringField("kind", l.kind().code());
                json.writeStringField("createdAt", l.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
                json.writeStringField("sha256", l.sha256());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    static byte[] evaluation(List<Determination> determinations) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("determinations");
            for (Determination d : determinations) {
                DeterminationJson.write(d, json);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** The whole case: summary, the request as it stands and every determination, oldest first. */
    static byte[] full(ReviewCase c, Instant now) {
        return full(c, now, Optional.empty());
    }

    /**
     * The case, and when given, its attached notes ({@code attachedNotes: [{note, mediaType,
     * attachedAt, characters}]}, oldest first; never their text).
     */
    static byte[] full(ReviewCase c, Instant now, Optional<List<AttachedNote>> notes) {
        return writeStored(json -> {
            json.writeStartObject();
            summary(c, now, json);
            json.writeFieldName("request");
            json.writeRawValue(c.requestJson());
            json.writeArrayFieldStart("determinations");
            for (ReviewCase.StoredDetermination d : c.determinations()) {
                json.writeStartObject();
                json.writeNumberField("seq", d.seq());
                json.writeStringField("at", d.at().toString());
                json.writeFieldName("determination");
                json.writeRawValue(d.json());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("peerToPeer");
            for (ReviewCase.PeerToPeer p : c.peerToPeer()) {
                json.writeStartObject();
                json.writeNumberField("seq", p.seq());
                json.writeStringField("date", p.date().toString());
                json.writeArrayFieldStart("participants");
                for (String name : p.participants()) {
                    json.writeString(name);
                }
                json.writeEndArray();
                json.writeStringField("summary", p.summary());
                json.writeStringField("recordedBy", p.recordedBy());
                json.writeStringField("recordedAt", p.recordedAt().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (notes.isPresent()) {
                json.writeArrayFieldStart("attachedNotes");
                for (AttachedNote n : notes.get()) {
                    json.writeStartObject();
                    json.writeStringField("note", n.note());
                    json.writeStringField("mediaType", n.mediaType());
                    json.writeStringField("attachedAt", n.attachedAt().truncatedTo(ChronoUnit.MILLIS).toString());
                    json.writeNumberField("characters", n.characters());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }

    static byte[] queue(List<ReviewCase> cases, Instant now) {
        return writeStored(json -> {
            json.writeStartObject();
            json.writeStringField("now", now.truncatedTo(ChronoUnit.MILLIS).toString());
            json.writeArrayFieldStart("cases");
            for (ReviewCase c : cases) {
                json.writeStartObject();
                summary(c, now, json);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void summary(ReviewCase c, Instant now, JsonGenerator json) throws IOException {
        json.writeStringField("id", c.id());
        json.writeStringField("requestId", c.requestId());
        json.writeStringField("submitter", c.submitter());
        json.writeStringField("policy", c.policy());
        json.writeStringField("status", c.status().code());
        json.writeStringField("urgency", c.urgency().code());
        json.writeStringField("receivedAt", c.receivedAt().toString());
        json.writeStringField("dueAt", c.dueAt().toString());
        if (c.status().isFinal()) {
            json.writeNullField("timeLeft");
        } else {
            json.writeStringField("timeLeft", c.timeLeft(now).truncatedTo(ChronoUnit.SECONDS).toString());
        }
        json.writeBooleanField("overdue", c.overdue(now));
        if (c.latest().isPresent()) {
            json.writeStringField("outcome", c.latest().get().outcome());
        } else {
            json.writeNullField("outcome");
        }
        json.writeFieldName("decision");
        if (c.decision().isPresent()) {
            decision(c.decision().get(), json);
        } else {
            json.writeNull();
        }
        json.writeFieldName("extension");
        if (c.extension().isPresent()) {
            ReviewCase.Extension e = c.extension().get();
            json.writeStartObject();
            json.writeNumberField("days", e.days());
            json.writeStringField("by", e.by());
            json.writeStringField("at", e.at().toString());
            json.writeStringField("reason", e.reason());
            json.writeEndObject();
        } else {
            json.writeNull();
        }
        json.writeFieldName("appeal");
        if (c.appeal().isPresent()) {
            ReviewCase.Appeal a = c.appeal().get();
            json.writeStartObject();
            json.writeStringField("urgency", a.urgency().code());
            json.writeStringField("by", a.by());
            json.writeStringField("at", a.at().toString());
            json.writeStringField("reason", a.reason());
            json.writeFieldName("denial");
            decision(a.denial(), json);
            // The decision on reconsideration: null while the case is in reconsideration.
            if (c.status().isFinal()) {
                json.writeStringField("outcome", c.status().code());
            } else {
                json.writeNullField("outcome");
            }
            json.writeEndObject();
        } else {
            json.writeNull();
        }
        json.writeBooleanField("approvedAfterAppeal", c.approvedAfterAppeal());
    }

    private static void decision(ReviewCase.Decision d, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("decision", d.verdict().code());
        json.writeStringField("by", d.by());
        json.writeStringField("at", d.at().toString());
        json.writeStringField("rationale", d.rationale());
        json.writeEndObject();
    }
}
