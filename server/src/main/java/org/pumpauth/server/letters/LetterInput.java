package org.pumpauth.server.letters;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a letter is written from: the case as it stands at the event, the determination it
 * reports, who decided, and the inputs of an extension or a reconsideration.
 *
 * @param policy the case's policy as stored ({@code id} or {@code id@date})
 * @param request the request as it stands (its text is the sender's: escaped wherever it appears)
 * @param determination the latest determination's JSON (contract v1)
 * @param dueAt when the decision is due
 */
public record LetterInput(
        String letterId,
        LetterKind kind,
        Instant createdAt,
        String caseId,
        String requestId,
        String policy,
        JsonNode request,
        JsonNode determination,
        Instant dueAt,
        Optional<Decider> decider,
        Optional<Extension> extension,
        Optional<Reconsideration> reconsideration,
        Optional<InformationRequest> informationRequest) {

    public LetterInput {
        Objects.requireNonNull(letterId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(request);
        Objects.requireNonNull(determination);
        Objects.requireNonNull(informationRequest);
    }

    /** A letter that reports no reviewer's request for information (every letter but the one a reviewer sends). */
    public LetterInput(String letterId, LetterKind kind, Instant createdAt, String caseId, String requestId, String policy,
            JsonNode request, JsonNode determination, Instant dueAt, Optional<Decider> decider, Optional<Extension> extension,
            Optional<Reconsideration> reconsideration) {
        this(letterId, kind, createdAt, caseId, requestId, policy, request, determination, dueAt, decider, extension,
                reconsideration, Optional.empty());
    }

    /**
     * Who made the decision a letter reports: a person's name and role (nurse or physician reviewer),
     * or the service itself ({@code system}), and the note they gave.
     */
    public record Decider(String name, String role, String rationale) {
        public static final String SYSTEM = "system";

        public boolean isSystem() {
            return SYSTEM.equals(role);
        }
    }

    /** An extension of the decision's due time: the new due time, the old one and the reason. */
    public record Extension(Instant previousDueAt, Instant newDueAt, String reason) {}

    /**
     * A reviewer's request to the provider for the missing information: who sent it (name and role) and
     * the note they wrote, if any (the sender's text: escaped wherever it appears).
     */
    public record InformationRequest(String by, String role, Optional<String> note) {}

    /** The outcome on reconsideration: approved or still denied, by a physician other than the one who denied. */
    public record Reconsideration(boolean approved, Decider physician) {}
}
