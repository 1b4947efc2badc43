package org.pumpauth.server.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.InvalidRequestException.Problem;
import org.pumpauth.server.ServiceException;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.audit.AuditEvent;
import org.pumpauth.server.audit.AuditLog;
import org.pumpauth.server.letters.LetterInput;
import org.pumpauth.server.store.Sql;

/**
 * The review steps beside evaluating and deciding: requesting information from the provider,
 * extending the decision clock, appealing a denial (the case goes to reconsideration, decided through
 * {@link CaseService#decide}) and recording a peer-to-peer conversation. Each is one transaction that
 * also appends its audit entry.
 */
public final class CaseSteps {
    /**
     * How long after a denial it may be appealed: 65 calendar days (42 CFR 422.582(b)), counted as dates
     * in UTC, so the whole 65th day after the day of the denial is in time.
     */
    private static final int APPEAL_DAYS = 65;

    private final Jdbi jdbi;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Notices notices;

    CaseSteps(Jdbi jdbi, Clock clock, ObjectMapper mapper, Notices notices) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.mapper = mapper;
        this.notices = notices;
    }

    /**
     * Extends an open case's decision clock, once per case, by 1 to 14 calendar days (nurse or physician),
     * before its due time passes.
     */
    public ReviewCase extend(Caller caller, String id, byte[] body) {
        ExtensionRequest request = ExtensionRequest.read(JsonBodies.tree(mapper, body));
        if (!caller.role().mayExtend()) {
            throw new ServiceException.Forbidden("extending a case needs a nurse or physician key; this key is "
                    + caller.role().code());
        }
        return Retrying.transaction(() -> jdbi.inTransaction(h -> {
            CaseStore.Row row = CaseService.visible(caller, CaseStore.find(h, id, true), id);
            Instant now = now();
            if (row.status().isFinal()) {
                throw new ServiceException.Conflict("the case is " + row.status().code() + ": a decided case has no clock"
                        + " to extend");
            }
            if (row.extension().isPresent()) {
                throw new ServiceException.Conflict("the case was already extended: a case may be extended once"
                        + " (42 CFR 422.568(b))");
            }
            if (now.isAfter(row.dueAt())) {
                throw new ServiceException.Conflict("the case is past its due time: an extension must be taken before"
                        + " the time to decide runs out (42 CFR 422.568(b))");
            }
            ReviewCase.Extension extension = new ReviewCase.Extension(request.days(), caller.name(), now, request.reason());
            Instant dueAt = row.dueAt().plus(Duration.ofDays(request.days()));
            CaseStore.extend(h, id, extension, dueAt);
            AuditLog.append(h, id, AuditEvent.EXTENDED, caller.name(), now, CanonicalJson.of(mapper.createObjectNode()
                    .put("days", request.days()).put("previousDueAt", row.dueAt().toString())
                    .put("dueAt", dueAt.toString()).put("reason", request.reason())));
            notices.issue(h, id, new Notices.Extended(extension, dueAt));
            return CaseStore.load(h, CaseStore.find(h, id, false).orElseThrow());
        }));
    }

    /**
     * Appeals a denied case for reconsideration: by its submitter, or a nurse or physician on the member's
     * behalf, within 65 calendar days of the denial (42 CFR 422.582(b)), once. The case goes to
     * {@code reconsideration}, due 72 hours (expedited) or 30 calendar days (standard) from now.
     */
    public ReviewCase appeal(Caller caller, String id, byte[] body) {
        AppealRequest request = AppealRequest.read(JsonBodies.tree(mapper, body));
        if (!caller.role().mayAppeal()) {
            throw new ServiceException.Forbidden("appealing a denial needs the submitter's key, or a nurse or physician"
                    + " key on the member's behalf; this key is " + caller.role().code());
        }
        return Retrying.transaction(() -> jdbi.inTransaction(h -> {
            CaseStore.Row row = CaseService.visible(caller, CaseStore.find(h, id, true), id);
            Instant now = now();
            if (row.appeal().isPresent()) {
                throw new ServiceException.Conflict("the case was already appealed"
                        + (row.status().isFinal() ? " and reconsidered: a further appeal goes to the independent"
                                + " review entity, outside this service" : ": it is in reconsideration"));
            }
            if (row.status() != CaseStatus.DENIED) {
                throw new ServiceException.Conflict("the case is " + row.status().code() + ": only a denied case may be"
                        + " appealed");
            }
            ReviewCase.Decision denial = row.decision().orElseThrow();
            LocalDate lastDay = LocalDate.ofInstant(denial.at(), ZoneOffset.UTC).plusDays(APPEAL_DAYS);
            if (LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(lastDay)) {
                throw new ServiceException.Conflict("the appeal window has closed: a denial may be appealed within 65"
                        + " calendar days of the decision (42 CFR 422.582(b)), and this one was decided earlier");
            }
            ReviewCase.Appeal appeal = new ReviewCase.Appeal(request.urgency(), caller.name(), now, request.reason(),
                    denial);
            Instant dueAt = request.urgency().reconsiderationDueAt(now);
            CaseStore.appeal(h, id, appeal, dueAt);
            AuditLog.append(h, id, AuditEvent.APPEALED, caller.name(), now, CanonicalJson.of(mapper.createObjectNode()
                    .put("urgency", request.urgency().code()).put("dueAt", dueAt.toString())
                    .put("reason", request.reason())));
            return CaseStore.load(h, CaseStore.find(h, id, false).orElseThrow());
        }));
    }

    /**
     * Sends the provider the latest determination's missing-information list, with the reviewer's note
     * if any (nurse or physician), as an information-request letter. An open case waiting for a
     * reviewer now waits for the provider ({@code information-requested}); one in reconsideration stays
     * there. The decision clock runs on. With nothing missing, the note must say what to send.
     */
    public ReviewCase requestInformation(Caller caller, String id, byte[] body) {
        RequestForInformation request = RequestForInformation.read(JsonBodies.tree(mapper, body));
        if (!caller.role().mayRequestInformation()) {
            throw new ServiceException.Forbidden("requesting information needs a nurse or physician key; this key is "
                    + caller.role().code());
        }
        return Retrying.transaction(() -> jdbi.inTransaction(h -> {
            CaseStore.Row row = CaseService.visible(caller, CaseStore.find(h, id, true), id);
            if (row.status().isFinal()) {
                throw new ServiceException.Conflict("the case is " + row.status().code() + ": a decided case takes no more"
                        + " information");
            }
            List<ReviewCase.StoredDetermination> determinations = CaseStore.determinations(h, id);
            var missing = mapper.createArrayNode();
            if (!determinations.isEmpty()) {
                JsonBodies.tree(mapper, determinations.get(determinations.size() - 1).json()
                        .getBytes(StandardCharsets.UTF_8)).path("missingInformation")
                        .forEach(m -> missing.add(m.path("field").asText("")));
            }
            if (missing.isEmpty() && request.note().isEmpty()) {
                throw new InvalidRequestException(List.of(new Problem("note", "is required when the latest determination"
                        + " lists no missing information: say what the provider should send")));
            }
            Instant now = now();
            if (row.status() == CaseStatus.PENDING_REVIEW) {
                CaseStore.setStatus(h, id, CaseStatus.INFORMATION_REQUESTED);
            }
            var content = mapper.createObjectNode();
            content.set("missing", missing);
            request.note().ifPresent(note -> content.put("note", note));
            AuditLog.append(h, id, AuditEvent.INFORMATION_REQUESTED, caller.name(), now, CanonicalJson.of(content));
            notices.issue(h, id, new Notices.InformationRequested(new LetterInput.InformationRequest(caller.displayName(),
                    caller.role().code(), request.note())));
            return CaseStore.load(h, CaseStore.find(h, id, false).orElseThrow());
        }));
    }

    /** A reviewer's request for information as sent: when, by whom (a key name), the fields asked for, the note. */
    public record SentRequest(Instant at, String by, List<String> missing, Optional<String> note) {}

    /** The case's requests for information, oldest first, if the caller may see the case (its submitter may). */
    public List<SentRequest> informationRequests(Caller caller, String id) {
        return jdbi.withHandle(h -> {
            CaseService.visible(caller, CaseStore.find(h, id, false), id);
            return h.createQuery("SELECT a.actor, a.at, d.content FROM audit_entry a JOIN document d"
                            + " ON d.case_id = a.case_id AND d.hash = a.content_hash"
                            + " WHERE a.case_id = :id AND a.event = :event ORDER BY a.seq")
                    .bind("id", id).bind("event", AuditEvent.INFORMATION_REQUESTED.code())
                    .map((rs, ctx) -> sent(rs.getString("actor"), Sql.instant(rs, "at"), rs.getString("content")))
                    .list();
        });
    }

    private SentRequest sent(String by, Instant at, String content) {
        JsonNode json = JsonBodies.tree(mapper, content.getBytes(StandardCharsets.UTF_8));
        List<String> missing = new ArrayList<>();
        json.path("missing").forEach(m -> missing.add(m.asText()));
        return new SentRequest(at, by, List.copyOf(missing),
                json.path("note").isTextual() ? Optional.of(json.path("note").textValue()) : Optional.empty());
    }

    /** Records a peer-to-peer conversation held about the case (physician), in any status. */
    public ReviewCase recordPeerToPeer(Caller caller, String id, byte[] body) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        PeerToPeerRequest request = PeerToPeerRequest.read(JsonBodies.tree(mapper, body), today);
        if (!caller.role().mayRecordPeerToPeer()) {
            throw new ServiceException.Forbidden("recording a peer-to-peer conversation needs a physician key; this key is "
                    + caller.role().code());
        }
        return Retrying.transaction(() -> jdbi.inTransaction(h -> {
            CaseStore.Row row = CaseService.visible(caller, CaseStore.find(h, id, true), id);
            Instant now = now();
            int seq = CaseStore.peerToPeer(h, id).size() + 1;
            ReviewCase.PeerToPeer conversation = new ReviewCase.PeerToPeer(seq, request.date(), request.participants(),
                    request.summary(), caller.name(), now);
            CaseStore.insertPeerToPeer(h, id, conversation, Participants.write(request.participants()));
            var content = mapper.createObjectNode().put("date", request.date().toString());
            request.participants().forEach(content.putArray("participants")::add);
            content.put("summary", request.summary());
            AuditLog.append(h, id, AuditEvent.PEER_TO_PEER, caller.name(), now, CanonicalJson.of(content));
            return CaseStore.load(h, row);
        }));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
