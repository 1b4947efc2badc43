package org.pumpauth.server.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.engine.FieldPath;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.PolicySelection;
import org.pumpauth.policy.UnknownPolicyException;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.InvalidRequestException.Problem;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;
import org.pumpauth.server.ServiceException;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.audit.AuditEvent;
import org.pumpauth.server.audit.AuditLog;
import org.pumpauth.server.audit.Document;
import org.pumpauth.server.letters.IssuedLetter;
import org.pumpauth.server.letters.Letter;
import org.pumpauth.server.letters.LetterInput;
import org.pumpauth.server.letters.LetterKind;
import org.pumpauth.server.letters.LetterSettings;
import org.pumpauth.server.letters.Letters;

/**
 * The review service's application logic: evaluate, submit, read, add information, decide. Each
 * change is one transaction that also appends its audit entries. The HTTP API and the tests call
 * it; it knows nothing of HTTP.
 */
public final class CaseService implements AutoCloseable {
    /** The request fields information may not change: the idempotency key, the policy and the clock's start. */
    private static final List<String> FIXED_FIELDS = List.of("requestId", "policy", "receivedAt", "urgency");
    /** How far a submitter's clock may run ahead of the service's for {@code receivedAt}. */
    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);
    /** The width of review_case.request_id. */
    private static final int MAX_REQUEST_ID = 200;
    /** The rule the denying physician's decision on reconsideration breaks. */
    static final String OTHER_PHYSICIAN_RULE = "a reconsideration must be decided by someone other than the physician"
            + " who denied the case (42 CFR 422.590): this key made the denial";
    private static final org.pumpauth.request.Field NOTES = org.pumpauth.request.RequestContract.field("notes");
    private static final String AUTO_APPROVAL = "the request meets the policy's criteria (MEETS_CRITERIA): approved on evaluation";

    private final Jdbi jdbi;
    private final Review review;
    private final Optional<String> defaultPolicy;
    private final Clock clock;
    private final RequestReader reader = new RequestReader();
    private final ObjectMapper mapper;
    private final SubmissionWriter writer;
    private final CaseIds ids;
    private final Notices notices = new Notices(this::issueNotice);
    private final CaseSteps steps;
    private final Letters letters;

    /**
     * @param defaultPolicy the policy for a request that names none ({@code --default-policy}); checked here
     * @throws UnknownPolicyException when the default policy is not known
     */
    public CaseService(Jdbi jdbi, Review review, Optional<String> defaultPolicy, Clock clock, ObjectMapper mapper) {
        this(jdbi, review, defaultPolicy, clock, mapper, LetterSettings.builtIn());
    }

    /** As above, with the plan's details and appeal wording its letters use ({@code serve --letters FILE}). */
    public CaseService(Jdbi jdbi, Review review, Optional<String> defaultPolicy, Clock clock, ObjectMapper mapper,
            LetterSettings letterSettings) {
        this.letters = new Letters(letterSettings);
        this.jdbi = jdbi;
        this.review = review;
        this.defaultPolicy = defaultPolicy;
        this.clock = clock;
        this.mapper = mapper;
        defaultPolicy.ifPresent(review.registry()::select);
        this.writer = new SubmissionWriter(jdbi);
        this.ids = new CaseIds(clock);
        this.steps = new CaseSteps(jdbi, clock, mapper, notices);
    }

    /** Extensions, appeals and peer-to-peer conversations. */
    public CaseSteps steps() {
        return steps;
    }

    /** The result of a submission: the case, and whether this call created it (else it is a replay). */
    public record Submission(ReviewCase reviewCase, boolean created) {}

    /** The policies cases are reviewed under, as the service compiled them at start-up. */
    public org.pumpauth.policy.PolicyRegistry policies() {
        return review.registry();
    }

    public Clock clock() {
        return clock;
    }

    /** The policies and the engine requests are evaluated with (the workspace's request check compares and lists with it). */
    public Review review() {
        return review;
    }

    /** Evaluates a request without storing anything: under its own policy, else the default, else every policy in force. */
    public List<Determination> evaluate(byte[] body) {
        ReviewRequest request = reader.read(body);
        List<PolicySelection> named = request.policy().isPresent() || defaultPolicy.isEmpty()
                ? List.of() : List.of(review.registry().select(defaultPolicy.get()));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!(request.valueOf(NOTES) instanceof List)) {
            return review.review(request, named, today); // no notes to read: the JSON tree is not needed
        }
        return review.reviewWithNotes(request, tree(body), List.of(), named, today);
    }

    /**
     * Validates, evaluates and stores a request as a case. Idempotent on (submitter, requestId):
     * the same body again gives back the same case; a different one is a conflict.
     */
    public Submission submit(Caller caller, byte[] body) {
        return submit(caller, Optional.empty(), body);
    }

    /**
     * As {@link #submit(Caller, byte[])}, for a caller whose key is checked in the transaction that
     * stores the case ({@link org.pumpauth.server.access.ApiKeys#identify}): a key revoked before then
     * is refused (401), and nothing is stored.
     */
    public Submission submit(org.pumpauth.server.access.ApiKeys.Identified key, byte[] body) {
        return submit(key.caller(), Optional.of(key.keyHash()), body);
    }

    private Submission submit(Caller caller, Optional<String> keyHash, byte[] body) {
        ReviewRequest request = reader.read(body);
        if (request.requestId().length() > MAX_REQUEST_ID) {
            throw new InvalidRequestException(List.of(new Problem("requestId", "must be at most " + MAX_REQUEST_ID
                    + " characters")));
        }
        JsonNode tree = tree(body);
        Document requestDocument = Document.of(CanonicalJson.of(tree));
        String canonical = requestDocument.content();
        String bodyHash = requestDocument.hash();
        String policy = request.policy().or(() -> defaultPolicy).orElseThrow(() -> new InvalidRequestException(List.of(
                new Problem("policy", "is required: this server has no default policy"))));
        PolicySelection selection = select(policy);
        Instant now = now();
        Instant receivedAt = request.receivedAt().map(at -> at.truncatedTo(ChronoUnit.MILLIS)).orElse(now);
        if (receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
            // A clock started in the future would keep the case from ever showing as due.
            throw new InvalidRequestException(List.of(new Problem("receivedAt",
                    "must not be later than the time the service receives the request")));
        }
        Urgency urgency = Urgency.of(tree.path("urgency").asText(""));
        Determination determination = evaluate(request, tree, selection, receivedAt, List.of(), List.of());
        Document determinationDocument = Document.of(DeterminationJson.toJson(determination));
        String determinationJson = determinationDocument.content();
        Evaluated evaluated = evaluated(determination, now);
        CaseStore.Row row = new CaseStore.Row(ids.next(), caller.name(), request.requestId(), bodyHash,
                policy, evaluated.status(), urgency, receivedAt, urgency.dueAt(receivedAt), canonical, evaluated.decision());
        ReviewCase.StoredDetermination stored = new ReviewCase.StoredDetermination(1, now, determination.outcome().name(),
                determinationJson);
        List<AuditLog.Event> events = new ArrayList<>(4);
        events.add(new AuditLog.Event(row.id(), AuditEvent.SUBMITTED, caller.name(), now, requestDocument));
        events.addAll(evaluated.events(row.id(), determinationDocument, now));
        // A replay of this submission is refused by the writer as a duplicate: its letter is never stored.
        List<IssuedLetter> issued = evaluationLetter(row, tree, determinationJson, now);
        issued.forEach(l -> events.add(Letters.event(l)));
        SubmissionWriter.Result result = writer.write(new SubmissionWriter.NewCase(row, requestDocument,
                determinationDocument, determination.outcome().name(), now, events, issued, keyHash));
        if (result == SubmissionWriter.Result.STORED) {
            return new Submission(CaseStore.full(row, List.of(stored)), true);
        }
        // Taken: by this very body (a retry, answered with the case) or by another (a conflict).
        CaseStore.Row existing = jdbi.withHandle(h -> CaseStore.findByRequest(h, caller.name(), request.requestId()))
                .orElseThrow(() -> new IllegalStateException("a taken requestId has no case"));
        if (!existing.bodyHash().equals(bodyHash)) {
            // The requestId is not repeated: clients log error bodies, and it could hold anything.
            throw new ServiceException.Conflict("this key already submitted a different body with this requestId (case "
                    + existing.id() + "); use a new requestId, or add information to the case");
        }
        return new Submission(jdbi.withHandle(h -> CaseStore.load(h, existing)), false);
    }

    /** The case the caller submitted with {@code requestId} (as the FHIR API's {@code Claim/$inquire} finds it). */
    public Optional<ReviewCase> findByRequest(Caller caller, String requestId) {
        return jdbi.withHandle(h -> CaseStore.findByRequest(h, caller.name(), requestId).map(row -> CaseStore.load(h, row)));
    }

    /** The case, if the caller may see it. */
    public ReviewCase get(Caller caller, String id) {
        return jdbi.withHandle(h -> CaseStore.load(h, visible(caller, CaseStore.find(h, id, false), id)));
    }

    /** The work queue by due time; a submitter sees only its own cases. */
    public List<ReviewCase> queue(Caller caller, CaseQuery query) {
        Optional<String> submitter = caller.role().seesAllCases() ? Optional.empty() : Optional.of(caller.name());
        return jdbi.withHandle(h -> CaseStore.queue(h, query, submitter));
    }

    /** How many cases the caller may see are in each status. */
    public Map<CaseStatus, Integer> countByStatus(Caller caller) {
        Optional<String> submitter = caller.role().seesAllCases() ? Optional.empty() : Optional.of(caller.name());
        return jdbi.withHandle(h -> CaseStore.countByStatus(h, submitter));
    }

    /**
     * Applies an RFC 7396 merge patch to the case's request and re-evaluates it; earlier determinations
     * are kept and the decision clock runs on.
     */
    public ReviewCase addInformation(Caller caller, String id, byte[] patchBody) {
        JsonNode patch = tree(patchBody);
        if (!patch.isObject()) {
            throw new InvalidRequestException(List.of(new Problem("", "a merge patch of a review request must be a JSON object")));
        }
        return Retrying.transaction(() -> jdbi.inTransaction(h -> {
            CaseStore.Row row = visible(caller, CaseStore.find(h, id, true), id);
            if (row.status().isFinal()) {
                throw new ServiceException.Conflict("the case is " + row.status().code() + ": it takes no more information");
            }
            JsonNode original = tree(row.requestJson());
            JsonNode merged = MergePatch.apply(original, patch);
            List<Problem> fixed = new ArrayList<>();
            // The case's key, its policy and what its decision clock runs from stay as submitted.
            for (String field : FIXED_FIELDS) {
                unchanged(merged, field, original.path(field).isTextual() ? original.path(field).textValue() : null, fixed);
            }
            if (!fixed.isEmpty()) {
                throw new InvalidRequestException(fixed);
            }
            Instant now = now();
            AuditLog.Event added = new AuditLog.Event(id, AuditEvent.INFORMATION_ADDED, caller.name(), now,
                    CanonicalJson.of(patch));
            return reevaluate(h, row, merged, now, List.of(added));
        }));
    }

    /**
     * Re-evaluates an open case whose request is now {@code merged}, with its attached notes and
     * without the proposals its reviewers rejected: the new determination, the status it leaves,
     * the letter it issues, and {@code stepEvents} (what changed) before the evaluation's entries.
     */
    private ReviewCase reevaluate(Handle h, CaseStore.Row row, JsonNode merged, Instant now,
            List<AuditLog.Event> stepEvents) {
        String id = row.id();
        Document requestDocument = Document.of(CanonicalJson.of(merged));
        String canonical = requestDocument.content();
        ReviewRequest request = reader.read(canonical);
        Determination determination = evaluate(request, merged, select(row.policy()), row.receivedAt(),
                CaseNotes.attached(h, mapper, id), CaseNotes.rejected(h, mapper, id));
        int seq = CaseStore.determinations(h, id).size() + 1;
        Document determinationDocument = Document.of(DeterminationJson.toJson(determination));
        Evaluated evaluated = evaluated(determination, now);
        // During reconsideration the case stays there until decided (the machine may still approve it).
        CaseStatus status = row.status() == CaseStatus.RECONSIDERATION && evaluated.status() != CaseStatus.APPROVED
                ? CaseStatus.RECONSIDERATION : evaluated.status();
        CaseStore.Row updated = row.evaluated(canonical, status, evaluated.decision());
        CaseStore.update(h, updated, requestDocument.hash());
        CaseStore.insertDetermination(h, id, seq, now, determination.outcome().name(), determinationDocument.hash());
        List<AuditLog.Event> events = new ArrayList<>(stepEvents);
        events.addAll(evaluated.events(id, determinationDocument, now));
        // In reconsideration, the machine's approval is told by the reconsideration notice below.
        List<IssuedLetter> issued = row.status() == CaseStatus.RECONSIDERATION ? List.of()
                : evaluationLetter(updated, merged, determinationDocument.content(), now);
        Letters.insert(h, issued);
        issued.forEach(l -> events.add(Letters.event(l)));
        AuditLog.appendAll(h, events, List.of(requestDocument, determinationDocument));
        if (row.status() == CaseStatus.RECONSIDERATION && evaluated.decision().isPresent()) {
            notices.issue(h, id, new Notices.Reconsidered(evaluated.decision().get(),
                    new LetterInput.Decider(Caller.SYSTEM, LetterInput.Decider.SYSTEM, AUTO_APPROVAL)));
        }
        return CaseStore.load(h, updated);
    }

    /**
     * A reviewer's answer to a fact a clinical note proposes (nurse or physician): a confirmation
     * is a merge patch of the request that sets the fact, audited with the note's words that state
     * it; a rejection is audited, and the fact is not proposed again. Either way the case is
     * re-evaluated. The proposal must be one the case's latest determination lists.
     */
    public ReviewCase answerProposal(Caller caller, String id, byte[] body) {
        ProposalDecision answer = ProposalDecision.read(tree(body));
        if (!caller.role().mayApprove()) {
            throw new ServiceException.Forbidden("confirming or rejecting what a note proposes needs a nurse or physician"
                    + " key; this key is " + caller.role().code());
        }
        return Retrying.transaction(() -> jdbi.inTransaction(h -> {
            CaseStore.Row row = visible(caller, CaseStore.find(h, id, true), id);
            if (row.status().isFinal()) {
                throw new ServiceException.Conflict("the case is " + row.status().code() + ": it takes no more information");
            }
            List<ReviewCase.StoredDetermination> determinations = CaseStore.determinations(h, id);
            JsonNode latest = determinations.isEmpty() ? mapper.createObjectNode()
                    : tree(determinations.get(determinations.size() - 1).json());
            JsonNode proposal = null;
            for (JsonNode p : latest.path("proposedFacts")) {
                if (p.path("field").asText().equals(answer.field()) && p.path("note").asText().equals(answer.note())) {
                    proposal = p;
                    break;
                }
            }
            if (proposal == null) {
                throw new InvalidRequestException(List.of(new Problem("field", "must be a fact the case's latest"
                        + " determination proposes from that note (its proposedFacts list field and note)")));
            }
            JsonNode original = tree(row.requestJson());
            var content = mapper.createObjectNode().put("decision", answer.code()).put("field", answer.field())
                    .put("note", answer.note());
            content.set("value", proposal.path("value"));
            content.put("assertion", proposal.path("assertion").asText());
            content.set("evidence", proposal.path("evidence"));
            content.put("reason", answer.reason());
            JsonNode merged = original;
            if (answer.confirm()) {
                FieldPath path = FieldPath.of(answer.field());
                ObjectNode after = original.deepCopy();
                path.set(after, proposal.path("value"));
                ObjectNode patch = path.patch(after);
                content.set("patch", patch);
                merged = MergePatch.apply(original, patch);
            }
            Instant now = now();
            AuditLog.Event answered = new AuditLog.Event(id, answer.confirm() ? AuditEvent.PROPOSAL_CONFIRMED
                    : AuditEvent.PROPOSAL_REJECTED, caller.name(), now, CanonicalJson.of(content));
            if (!answer.confirm()) {
                // The rejection is read back from the trail by the evaluation: it goes in first.
                AuditLog.appendAll(h, List.of(answered));
                return reevaluate(h, row, merged, now, List.of());
            }
            return reevaluate(h, row, merged, now, List.of(answered));
        }));
    }

    /**
     * Attaches a clinical note to an open case (any key that sees the case): its text, or a PDF's
     * text (PDFBox). It is read for evidence, named {@code attachments[N]}, and the case is
     * re-evaluated.
     */
    public ReviewCase attachNote(Caller caller, String id, String mediaType, byte[] body) {
        String text = NoteText.of(mediaType, body);
        return Retrying.transaction(() -> jdbi.inTransaction(h -> {
            CaseStore.Row row = visible(caller, CaseStore.find(h, id, true), id);
            if (row.status().isFinal()) {
                throw new ServiceException.Conflict("the case is " + row.status().code() + ": it takes no more information");
            }
            String note = "attachments[" + CaseNotes.attached(h, mapper, id).size() + "]";
            Instant now = now();
            AuditLog.appendAll(h, List.of(new AuditLog.Event(id, AuditEvent.NOTE_ATTACHED, caller.name(), now,
                    CanonicalJson.of(mapper.createObjectNode().put("note", note).put("mediaType", mediaType)
                            .put("text", text)))));
            return reevaluate(h, row, tree(row.requestJson()), now, List.of());
        }));
    }

    /** What a case lists of its attached notes (name, kind, when, size), oldest first, for a caller that may see it. */
    public List<AttachedNote> attachedNoteList(Caller caller, String id) {
        return jdbi.withHandle(h -> {
            visible(caller, CaseStore.find(h, id, false), id);
            return CaseNotes.listed(h, mapper, id);
        });
    }

    /** The notes attached to a case, oldest first, for a caller that may see it. */
    public List<org.pumpauth.engine.ClinicalNote> attachedNotes(Caller caller, String id) {
        return jdbi.withHandle(h -> {
            visible(caller, CaseStore.find(h, id, false), id);
            return CaseNotes.attached(h, mapper, id);
        });
    }

    /**
     * Records a reviewer's final decision. Approve: nurse or physician; deny: physician only (G3). On
     * reconsideration, not by the physician who denied the case (42 CFR 422.590).
     */
    public ReviewCase decide(Caller caller, String id, byte[] body) {
        JsonNode json = tree(body);
        List<Problem> problems = new ArrayList<>();
        Optional<Verdict> verdict = Verdict.of(json.path("decision").asText(""));
        if (verdict.isEmpty()) {
            problems.add(new Problem("decision", "is required: approve or deny"));
        }
        String rationale = json.path("rationale").isTextual() ? json.path("rationale").textValue().strip() : "";
        if (rationale.isEmpty()) {
            problems.add(new Problem("rationale", "is required: a non-empty string saying why"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (verdict.get() == Verdict.APPROVE && !caller.role().mayApprove()) {
            throw new ServiceException.Forbidden("approving a case needs a nurse or physician key; this key is "
                    + caller.role().code());
        }
        if (verdict.get() == Verdict.DENY && !caller.role().mayDeny()) {
            throw new ServiceException.Forbidden("only a physician may deny a case (G3); this key is " + caller.role().code());
        }
        return Retrying.transaction(() -> jdbi.inTransaction(h -> {
            CaseStore.Row row = visible(caller, CaseStore.find(h, id, true), id);
            if (row.status().isFinal()) {
                throw new ServiceException.Conflict("the case is already " + row.status().code());
            }
            if (row.appeal().isPresent() && row.appeal().get().denial().by().equals(caller.name())) {
                throw new ServiceException.Forbidden(OTHER_PHYSICIAN_RULE);
            }
            ReviewCase.Decision decision = new ReviewCase.Decision(verdict.get(), caller.name(), now(), rationale);
            CaseStore.decide(h, id, decision);
            if (row.status() == CaseStatus.RECONSIDERATION) {
                // On reconsideration the member gets the reconsideration notice, not a second approval or denial.
                AuditLog.append(h, id, AuditEvent.DECIDED, caller.name(), decision.at(), decisionContent(decision));
                notices.issue(h, id, new Notices.Reconsidered(decision, decider(caller, rationale)));
            } else {
                IssuedLetter letter = letters.prepare(letterInput(h, row, verdict.get() == Verdict.APPROVE
                        ? LetterKind.APPROVAL : LetterKind.DENIAL, decision.at(), Optional.of(decider(caller, rationale)),
                        Optional.empty(), Optional.empty()));
                Letters.insert(h, List.of(letter));
                AuditLog.appendAll(h, List.of(new AuditLog.Event(id, AuditEvent.DECIDED, caller.name(), decision.at(),
                        decisionContent(decision)), Letters.event(letter)));
            }
            return CaseStore.load(h, CaseStore.find(h, id, false).orElseThrow());
        }));
    }

    /** The case's letters, oldest first, if the caller may see the case. */
    public List<Letter> letters(Caller caller, String id) {
        return jdbi.withHandle(h -> {
            visible(caller, CaseStore.find(h, id, false), id);
            return Letters.list(h, id);
        });
    }

    /** One letter of the case with its HTML, if the caller may see the case. */
    public IssuedLetter letter(Caller caller, String id, String letterId) {
        return jdbi.withHandle(h -> {
            visible(caller, CaseStore.find(h, id, false), id);
            return Letters.find(h, id, letterId)
                    .orElseThrow(() -> new ServiceException.NotFound("no such letter of this case"));
        });
    }

    /**
     * Issues an extension or reconsideration letter for the case, in the caller's transaction (the
     * routes that extend a case or decide a reconsideration call it with their change, so the letter
     * commits with it): its row, its HTML and its audit entry.
     */
    public IssuedLetter issueLetter(Handle h, String id, LetterKind kind, Optional<LetterInput.Extension> extension,
            Optional<LetterInput.Reconsideration> reconsideration) {
        if (kind == LetterKind.EXTENSION && extension.isEmpty() || kind == LetterKind.RECONSIDERATION && reconsideration.isEmpty()) {
            throw new IllegalArgumentException("an " + kind.code() + " letter needs its inputs");
        }
        return issueNotice(h, id, kind, extension, reconsideration, Optional.empty());
    }

    /** As above, for a reviewer's request for information too. */
    private IssuedLetter issueNotice(Handle h, String id, LetterKind kind, Optional<LetterInput.Extension> extension,
            Optional<LetterInput.Reconsideration> reconsideration,
            Optional<LetterInput.InformationRequest> informationRequest) {
        CaseStore.Row row = CaseStore.find(h, id, true).orElseThrow(() -> new ServiceException.NotFound(
                "no such case, or not one this key may see"));
        LetterInput in = letterInput(h, row, kind, now(), reconsideration.map(LetterInput.Reconsideration::physician),
                extension, reconsideration);
        return letters.issue(h, new LetterInput(in.letterId(), in.kind(), in.createdAt(), in.caseId(), in.requestId(),
                in.policy(), in.request(), in.determination(), in.dueAt(), in.decider(), in.extension(),
                in.reconsideration(), informationRequest));
    }

    /** As {@link #issueLetter(Handle, String, LetterKind, Optional, Optional)}, in a transaction of its own. */
    public IssuedLetter issueLetter(String id, LetterKind kind, Optional<LetterInput.Extension> extension,
            Optional<LetterInput.Reconsideration> reconsideration) {
        return Retrying.transaction(() -> jdbi.inTransaction(h -> issueLetter(h, id, kind, extension, reconsideration)));
    }

    /** The person a letter names for a caller's decision: the key's display name and its role. */
    public static LetterInput.Decider decider(Caller caller, String rationale) {
        return new LetterInput.Decider(caller.displayName(), caller.role().code(), rationale);
    }

    /** The letter an evaluation issues: approval when it approves the case, an information request when it pends it. */
    private List<IssuedLetter> evaluationLetter(CaseStore.Row row, JsonNode request, String determinationJson, Instant now) {
        LetterKind kind;
        if (row.status() == CaseStatus.APPROVED) {
            kind = LetterKind.APPROVAL;
        } else if (row.status() == CaseStatus.INFORMATION_REQUESTED) {
            kind = LetterKind.INFORMATION_REQUEST;
        } else {
            return List.of(); // pending review: the reviewer's decision issues the letter
        }
        Optional<LetterInput.Decider> decider = kind == LetterKind.APPROVAL
                ? Optional.of(new LetterInput.Decider(Caller.SYSTEM, LetterInput.Decider.SYSTEM, AUTO_APPROVAL)) : Optional.empty();
        return List.of(letters.prepare(new LetterInput(UUID.randomUUID().toString(), kind, now, row.id(), row.requestId(),
                row.policy(), request, tree(determinationJson), row.dueAt(), decider, Optional.empty(), Optional.empty())));
    }

    private LetterInput letterInput(Handle h, CaseStore.Row row, LetterKind kind, Instant at,
            Optional<LetterInput.Decider> decider, Optional<LetterInput.Extension> extension,
            Optional<LetterInput.Reconsideration> reconsideration) {
        List<ReviewCase.StoredDetermination> determinations = CaseStore.determinations(h, row.id());
        JsonNode determination = determinations.isEmpty() ? mapper.createObjectNode()
                : tree(determinations.get(determinations.size() - 1).json());
        Instant dueAt = extension.map(LetterInput.Extension::newDueAt).orElse(row.dueAt());
        return new LetterInput(UUID.randomUUID().toString(), kind, at, row.id(), row.requestId(), row.policy(),
                tree(row.requestJson()), determination, dueAt, decider, extension, reconsideration);
    }

    /** What an evaluation leaves an open case with: its status, the system's approval if it meets the criteria. */
    private record Evaluated(CaseStatus status, Optional<ReviewCase.Decision> decision, String decisionContent) {
        /** The audit events of the evaluation: evaluated, and decided when it approved the case. */
        List<AuditLog.Event> events(String caseId, Document determination, Instant now) {
            List<AuditLog.Event> events = new ArrayList<>(2);
            events.add(new AuditLog.Event(caseId, AuditEvent.EVALUATED, Caller.SYSTEM, now, determination));
            decision.ifPresent(d -> events.add(new AuditLog.Event(caseId, AuditEvent.DECIDED, Caller.SYSTEM, now,
                    decisionContent)));
            return events;
        }
    }

    private Evaluated evaluated(Determination determination, Instant now) {
        CaseStatus status = CaseStatus.after(determination);
        if (status != CaseStatus.APPROVED) {
            return new Evaluated(status, Optional.empty(), "");
        }
        ReviewCase.Decision auto = new ReviewCase.Decision(Verdict.APPROVE, Caller.SYSTEM, now, AUTO_APPROVAL);
        return new Evaluated(status, Optional.of(auto), decisionContent(auto));
    }

    private String decisionContent(ReviewCase.Decision d) {
        return CanonicalJson.of(mapper.createObjectNode().put("decision", d.verdict().code()).put("rationale", d.rationale()));
    }

    private static void unchanged(JsonNode merged, String field, String before, List<Problem> problems) {
        String after = merged.path(field).isTextual() ? merged.path(field).textValue() : null;
        if (before == null ? after != null : !before.equals(after)) {
            problems.add(new Problem(field, "cannot be changed: a case keeps the " + field + " it was submitted with"));
        }
    }

    /** The case row, if the caller may see it; else not found (a submitter is not told of others' cases). */
    static CaseStore.Row visible(Caller caller, Optional<CaseStore.Row> row, String id) {
        return row.filter(r -> caller.role().seesAllCases() || r.submitter().equals(caller.name()))
                .orElseThrow(() -> new ServiceException.NotFound("no such case, or not one this key may see"));
    }

    private PolicySelection select(String policy) {
        try {
            return review.registry().select(policy);
        } catch (UnknownPolicyException e) {
            throw new InvalidRequestException(List.of(new Problem("policy", e.withoutValue())));
        }
    }

    /**
     * A case is reviewed for the date it was received, so a later re-evaluation applies the same
     * version; its notes (the request's and those attached) are read, but for the proposals rejected.
     */
    private Determination evaluate(ReviewRequest request, JsonNode json, PolicySelection selection, Instant receivedAt,
            List<org.pumpauth.engine.ClinicalNote> attached, List<CaseNotes.Rejection> rejections) {
        return review.reviewWithNotes(request, json, attached, p -> rejections.stream().anyMatch(r -> r.note().equals(p.note())
                && r.field().equals(p.field()) && CaseNotes.sameValue(r.value(), p.value())),
                List.of(selection), LocalDate.ofInstant(receivedAt, ZoneOffset.UTC)).get(0);
    }

    private JsonNode tree(byte[] body) {
        return JsonBodies.tree(mapper, body);
    }

    private JsonNode tree(String text) {
        return tree(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Stops the case writer once the submissions waiting are stored. */
    @Override
    public void close() {
        writer.close();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
