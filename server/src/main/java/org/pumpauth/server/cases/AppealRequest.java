package org.pumpauth.server.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.InvalidRequestException.Problem;

/**
 * {@code POST /v1/cases/{id}/appeal}: {@code {"urgency": "standard" | "expedited", "reason": "..."}}, a
 * request for reconsideration of a denial (42 CFR 422.582, 422.584).
 */
record AppealRequest(Urgency urgency, String reason) {
    static AppealRequest read(JsonNode json) {
        List<Problem> problems = new ArrayList<>();
        StepText.object(json, problems);
        JsonNode urgencyNode = json.path("urgency");
        Optional<Urgency> urgency = urgencyNode.isTextual() ? Urgency.parse(urgencyNode.textValue()) : Optional.empty();
        if (urgency.isEmpty()) {
            problems.add(new Problem("urgency", "is required: standard (decided within 30 days) or expedited (72 hours)"));
        }
        Optional<String> reason = StepText.read(json, "reason", "why the denial should be reconsidered", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new AppealRequest(urgency.orElseThrow(), reason.orElseThrow());
    }
}
