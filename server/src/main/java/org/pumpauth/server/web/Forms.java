package org.pumpauth.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.InvalidRequestException.Problem;

/**
 * The case page's action forms as the API's JSON bodies, so that the service reads and validates them
 * exactly as it reads the API's (and answers with the same messages). What only a form has (the
 * criteria a denial names) is checked here.
 */
final class Forms {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Forms() {}

    static byte[] body(String action, Map<String, List<String>> form) {
        ObjectNode body = JSON.createObjectNode();
        switch (action) {
            case "approve":
                body.put("decision", "approve");
                text(body, "rationale", form);
                break;
            case "deny":
                denial(body, form);
                break;
            case "extend":
                String days = first(form, "days");
                try {
                    body.put("days", Integer.parseInt(days.strip()));
                } catch (NumberFormatException e) {
                    body.put("days", days);
                }
                text(body, "reason", form);
                break;
            case "appeal":
                text(body, "urgency", form);
                text(body, "reason", form);
                break;
            case "peer-to-peer":
                text(body, "date", form);
                ArrayNode participants = body.putArray("participants");
                first(form, "participants").lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(participants::add);
                text(body, "summary", form);
                break;
            case "request-information":
                text(body, "note", form);
                break;
            case "proposal":
                // The button pressed says confirm or reject; the hidden inputs name the proposal.
                text(body, "decision", form);
                text(body, "field", form);
                text(body, "note", form);
                text(body, "reason", form);
                break;
            default:
                throw new IllegalArgumentException("no form for " + action);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A denial names the criteria it rests on (at least one) before the physician's words. */
    private static void denial(ObjectNode body, Map<String, List<String>> form) {
        List<String> criteria = new ArrayList<>();
        for (String c : form.getOrDefault("criterion", List.of())) {
            if (c.matches("[A-Za-z0-9._/-]{1,200}")) {
                criteria.add(c);
            }
        }
        String rationale = first(form, "rationale").strip();
        List<Problem> problems = new ArrayList<>();
        if (criteria.isEmpty()) {
            problems.add(new Problem("criterion", "choose at least one criterion the denial rests on"));
        }
        if (rationale.isEmpty()) {
            problems.add(new Problem("rationale", "is required: a non-empty string saying why"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        body.put("decision", "deny");
        body.put("rationale", "Criteria not met or not shown: " + String.join(", ", criteria) + ". " + rationale);
    }

    private static void text(ObjectNode body, String field, Map<String, List<String>> form) {
        body.put(field, first(form, field));
    }

    private static String first(Map<String, List<String>> form, String field) {
        List<String> values = form.getOrDefault(field, List.of());
        return values.isEmpty() ? "" : values.get(0);
    }
}
