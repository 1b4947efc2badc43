package org.pumpauth.server.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.InvalidRequestException.Problem;

/**
 * {@code POST /v1/cases/{id}/information-request}: {@code {"note": "..."}}, the note optional. A reviewer
 * sends the provider the latest determination's missing-information list, with a note of their own
 * (what else to send, or where it may be found). A blank note is no note.
 */
record RequestForInformation(Optional<String> note) {
    static RequestForInformation read(JsonNode json) {
        List<Problem> problems = new ArrayList<>();
        StepText.object(json, problems);
        JsonNode node = json.path("note");
        Optional<String> note = Optional.empty();
        if (!node.isMissingNode() && !node.isNull() && !node.isTextual()) {
            problems.add(new Problem("note", "must be a string (a note to the provider), or left out"));
        } else if (node.isTextual() && !node.textValue().isBlank()) {
            note = StepText.read(json, "note", "a note to the provider", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new RequestForInformation(note);
    }
}
