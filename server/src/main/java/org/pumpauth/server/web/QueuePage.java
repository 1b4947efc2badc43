package org.pumpauth.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pumpauth.server.cases.CaseStatus;
import org.pumpauth.server.cases.ReviewCase;

/** The queue page's model: one page of cases by due time, the filters chosen, the count per status. */
public record QueuePage(
        Chrome chrome,
        List<Row> rows,
        List<StatusCount> counts,
        Filters filters,
        List<String> policies,
        int page,
        boolean hasNext) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A case in the queue, in words. */
    public record Row(String id, String requestId, String dueAt, String timeLeft, boolean overdue, String status,
            String policy, String urgency, String member, String service, String outcome) {}

    /** How many cases are in a status, and whether the queue is filtered to it. */
    public record StatusCount(String status, int count, boolean selected) {}

    /** The filters as chosen (empty: any); {@code status} "open" is every status not yet decided. */
    public record Filters(String status, String policy, String urgency) {
        /** The query string of these filters and a page, for links. */
        public String query(int page) {
            StringBuilder q = new StringBuilder("?status=").append(status);
            if (!policy.isEmpty()) {
                q.append("&policy=").append(policy);
            }
            if (!urgency.isEmpty()) {
                q.append("&urgency=").append(urgency);
            }
            return q.append("&page=").append(page).toString();
        }
    }

    static Row row(ReviewCase c, Instant now) {
        JsonNode request = read(c.requestJson());
        String member = request.path("member").path("id").asText("");
        JsonNode service = request.path("service");
        List<String> codes = new ArrayList<>();
        service.path("codes").forEach(code -> codes.add(code.asText()));
        String serviceText = service.path("kind").asText("") + (codes.isEmpty() ? "" : " (" + String.join(", ", codes) + ")");
        String timeLeft = c.status().isFinal() ? "decided" : timeLeft(c.timeLeft(now));
        return new Row(c.id(), c.requestId(), WHEN.format(c.dueAt()), timeLeft, c.overdue(now), c.status().code(),
                c.policy(), c.urgency().code(), member.isEmpty() ? "not stated" : member, serviceText.strip(),
                c.latest().map(ReviewCase.StoredDetermination::outcome).orElse(""));
    }

    /** A duration in days, hours and minutes: "2 d 4 h left", or "overdue by 3 h 5 min". */
    static String timeLeft(Duration left) {
        Duration d = left.abs();
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        String text = days > 0 ? days + " d " + hours + " h" : hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
        return left.isNegative() ? "overdue by " + text : text + " left";
    }

    static List<StatusCount> counts(Map<CaseStatus, Integer> counts, String selected) {
        List<StatusCount> list = new ArrayList<>();
        for (CaseStatus s : CaseStatus.values()) {
            list.add(new StatusCount(s.code(), counts.getOrDefault(s, 0), s.code().equals(selected)));
        }
        return list;
    }

    static JsonNode read(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static Optional<String> nonEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
