package org.pumpauth.server.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.InvalidRequestException.Problem;

/**
 * A reviewer's answer to a fact a clinical note proposes (issue 14), as {@code POST
 * /v1/cases/{id}/proposals} takes it: {@code confirm} or {@code reject}, the proposal's
 * {@code field} and {@code note} as the case's latest determination lists them, and an optional
 * {@code reason}.
 */
record ProposalDecision(boolean confirm, String field, String note, String reason) {
    private static final int MAX_REASON = 2000;

    static ProposalDecision read(JsonNode json) {
        List<Problem> problems = new ArrayList<>();
        if (!json.isObject()) {
            throw new InvalidRequestException(List.of(new Problem("", "must be a JSON object with decision, field and note")));
        }
        String decision = json.path("decision").isTextual() ? json.path("decision").textValue() : "";
        if (!decision.equals("confirm") && !decision.equals("reject")) {
            problems.add(new Problem("decision", "is required: confirm or reject"));
        }
        String field = text(json, "field", "a field path the latest determination's proposedFacts lists", problems);
        String note = text(json, "note", "the note of that proposal as proposedFacts lists it (notes[0], attachments[0])",
                problems);
        JsonNode reason = json.path("reason");
        if (!reason.isMissingNode() && !reason.isNull() && (!reason.isTextual() || reason.textValue().length() > MAX_REASON)) {
            problems.add(new Problem("reason", "must be a string of at most " + MAX_REASON + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new ProposalDecision(decision.equals("confirm"), field, note, reason.isTextual() ? reason.textValue().strip() : "");
    }

    private static String text(JsonNode json, String name, String allowed, List<Problem> problems) {
        JsonNode node = json.path(name);
        if (!node.isTextual() || node.textValue().isBlank() || node.textValue().length() > 500) {
            problems.add(new Problem(name, "is required: " + allowed));
            return "";
        }
        return node.textValue();
    }

    String code() {
        return confirm ? "confirm" : "reject";
    }
}
