package org.pumpauth.server.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.pumpauth.request.InvalidRequestException.Problem;

/** The free text of a step on a case (a reason, a summary): a non-empty string of bounded length, stripped. */
final class StepText {
    /** Long enough for any note a reviewer writes; short enough that one field cannot fill the store. */
    static final int MAX_CHARS = 10_000;

    private StepText() {}

    /** The field's text, or empty with a problem added (the message never repeats the value). */
    static Optional<String> read(JsonNode json, String field, String what, List<Problem> problems) {
        JsonNode node = json.path(field);
        String text = node.isTextual() ? node.textValue().strip() : "";
        if (text.isEmpty()) {
            problems.add(new Problem(field, "is required: a non-empty string, " + what));
            return Optional.empty();
        }
        if (text.length() > MAX_CHARS) {
            problems.add(new Problem(field, "must be at most " + MAX_CHARS + " characters"));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** A body that is not a JSON object has no fields to read. */
    static void object(JsonNode json, List<Problem> problems) {
        if (!json.isObject()) {
            problems.add(new Problem("", "must be a JSON object"));
        }
    }
}
