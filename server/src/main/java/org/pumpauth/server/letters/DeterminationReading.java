package org.pumpauth.server.letters;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a letter reads from a determination's JSON: its reasons, the criterion each names, and the facts a criterion read. */
final class DeterminationReading {
    private DeterminationReading() {}

    static String rootId(JsonNode determination) {
        return determination.path("criteria").path("id").asText(determination.path("pathway").asText("policy"));
    }

    /** The reasons of the determination that name a criterion, in order. */
    static List<Reason> reasons(JsonNode determination) {
        List<Reason> out = new ArrayList<>();
        for (JsonNode r : determination.path("reasons")) {
            Reason reason = Reason.of(r.asText(), rootId(determination));
            if (!reason.plain().isEmpty()) {
                out.add(reason);
            }
        }
        return out;
    }

    /** The facts a criterion read, and those of its parts with the same result: what the record showed or lacked. */
    static Map<String, JsonNode> facts(JsonNode node) {
        Map<String, JsonNode> facts = new LinkedHashMap<>();
        collect(node, node.path("result").asText(""), facts);
        // A list's elements say more than its length.
        facts.keySet().removeIf(f -> facts.get(f).isInt() && facts.keySet().stream().anyMatch(g -> g.startsWith(f + "[")));
        return facts;
    }

    private static void collect(JsonNode node, String result, Map<String, JsonNode> facts) {
        for (JsonNode f : node.path("facts")) {
            facts.putIfAbsent(f.path("field").asText(), f.path("value"));
        }
        for (JsonNode child : node.path("children")) {
            if (child.path("result").asText("").equals(result)) {
                collect(child, result, facts);
            }
        }
    }

    static Optional<JsonNode> find(JsonNode node, String id) {
        if (node.path("id").asText("").equals(id)) {
            return Optional.of(node);
        }
        for (JsonNode child : node.path("children")) {
            Optional<JsonNode> found = find(child, id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A reason of the determination: the criterion it names, and the plain sentence for its kind (empty for none). */
    record Reason(String criterion, String plain) {
        static Reason of(String text, String rootId) {
            String head = text.contains("; the request states") ? text.substring(0, text.indexOf("; the request states")) : text;
            int open = head.lastIndexOf(" [");
            String id = open >= 0 && head.endsWith("]") ? head.substring(open + 2, head.length() - 1) : rootId;
            String plain;
            if (text.startsWith("Not met: ")) {
                plain = "Your records do not show that this rule of your plan is met:";
            } else if (text.startsWith("Not yet shown: ")) {
                plain = "Your records do not yet show that this rule of your plan is met:";
            } else if (text.startsWith("Outside the scope of ")) {
                plain = "Your plan's rules do not cover this service for your case, as this rule says:";
            } else if (text.startsWith("Investigational or not covered under ")) {
                plain = "Your plan sees this use as still being studied and not proven, so it does not cover it. The rule says:";
            } else if (text.startsWith("For individual review")) {
                plain = "Your plan's rule says a doctor must look at cases like yours one by one. The rule says:";
            } else {
                plain = "";
            }
            return new Reason(id, plain);
        }
    }
}
