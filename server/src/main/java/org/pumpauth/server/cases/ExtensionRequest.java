package org.pumpauth.server.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.InvalidRequestException.Problem;

/**
 * {@code POST /v1/cases/{id}/extension}: {@code {"days": 1..14, "reason": "..."}}. A plan may extend
 * its decision timeframe by up to 14 calendar days (42 CFR 422.568(b)(1), 422.572(b), 422.590(f)).
 */
record ExtensionRequest(int days, String reason) {
    static final int MAX_DAYS = 14;

    static ExtensionRequest read(JsonNode json) {
        List<Problem> problems = new ArrayList<>();
        StepText.object(json, problems);
        JsonNode days = json.path("days");
        int n = days.isIntegralNumber() && days.canConvertToInt() ? days.intValue() : 0;
        if (n < 1 || n > MAX_DAYS) {
            problems.add(new Problem("days", "is required: a whole number of calendar days from 1 to " + MAX_DAYS));
        }
        Optional<String> reason = StepText.read(json, "reason", "why more time is needed", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new ExtensionRequest(n, reason.orElseThrow());
    }
}
