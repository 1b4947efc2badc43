package org.pumpauth.server.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pumpauth.request.DateRange;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.InvalidRequestException.Problem;

/**
 * {@code POST /v1/cases/{id}/peer-to-peer}: {@code {"date": "YYYY-MM-DD", "participants": ["..."],
 * "summary": "..."}}, a conversation held between a plan physician and the requesting provider.
 */
record PeerToPeerRequest(LocalDate date, List<String> participants, String summary) {
    static final int MAX_PARTICIPANTS = 20;
    static final int MAX_PARTICIPANT_CHARS = 200;

    PeerToPeerRequest {
        participants = List.copyOf(participants);
    }

    /** @param today the service's date (UTC); a conversation is recorded once held, so at most a day later (time zones) */
    static PeerToPeerRequest read(JsonNode json, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        StepText.object(json, problems);
        JsonNode dateNode = json.path("date");
        Optional<LocalDate> date = dateNode.isTextual() ? DateRange.date(dateNode.textValue()) : Optional.empty();
        if (date.isEmpty() || date.get().isAfter(today.plusDays(1))) {
            problems.add(new Problem("date", "is required: the day the conversation was held, as 2026-03-01, "
                    + DateRange.EARLIEST_DATE + " or later and not in the future"));
        }
        List<String> participants = participants(json.path("participants"), problems);
        Optional<String> summary = StepText.read(json, "summary", "what was discussed and agreed", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new PeerToPeerRequest(date.orElseThrow(), participants, summary.orElseThrow());
    }

    private static List<String> participants(JsonNode node, List<Problem> problems) {
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_PARTICIPANTS) {
            problems.add(new Problem("participants", "is required: an array of 1 to " + MAX_PARTICIPANTS
                    + " names (who took part, and for whom)"));
            return List.of();
        }
        List<String> names = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode name = node.get(i);
            String text = name.isTextual() ? name.textValue().strip() : "";
            if (text.isEmpty() || text.length() > MAX_PARTICIPANT_CHARS) {
                problems.add(new Problem("participants[" + i + "]", "must be a non-empty string of at most "
                        + MAX_PARTICIPANT_CHARS + " characters"));
            } else {
                names.add(text);
            }
        }
        return names;
    }
}
