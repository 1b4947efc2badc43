package org.pumpauth.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.pumpauth.batch.CaseTemplates.Template;
import org.pumpauth.cases.CaseRunner;
import org.pumpauth.determination.Outcome;

/**
 * Synthetic review requests for demos, tests and benchmarks: each is a policy case's request (so
 * every policy and pathway occurs) drawn so that outcomes come in the mix a plan sees (most meet
 * the criteria, many lack a fact, some are denied or go to a physician), moved to a day of the year
 * after its own (all its dates by the same number of days, so every interval a policy reads stays),
 * with its own request and member ids. The same seed gives the same requests, line for line.
 */
final class Generator {
    /** How often each outcome occurs among the generated requests, in percent. */
    static final Map<Outcome, Integer> MIX = mix();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T.*)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Outcome, List<Template>> byOutcome = new EnumMap<>(Outcome.class);
    private final SplittableRandom random;
    private final long seed;

    Generator(List<Template> templates, long seed) {
        for (Template template : templates) {
            byOutcome.computeIfAbsent(template.outcome(), o -> new ArrayList<>()).add(template);
        }
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    private static Map<Outcome, Integer> mix() {
        Map<Outcome, Integer> mix = new EnumMap<>(Outcome.class);
        mix.put(Outcome.MEETS_CRITERIA, 55);
        mix.put(Outcome.INSUFFICIENT_INFORMATION, 20);
        mix.put(Outcome.DOES_NOT_MEET_CRITERIA, 12);
        mix.put(Outcome.CASE_BY_CASE, 6);
        mix.put(Outcome.NOT_ADDRESSED, 4);
        mix.put(Outcome.INVESTIGATIONAL, 3);
        return mix;
    }

    /** Writes {@code count} requests, one JSON object a line. */
    void write(long count, Writer out) throws IOException {
        for (long n = 1; n <= count; n++) {
            out.write(JSON.writeValueAsString(next(n)));
            out.write('\n');
        }
    }

    ObjectNode next(long n) {
        Template template = pick();
        ObjectNode request = template.request().deepCopy();
        request.put("requestId", "GEN-" + seed + "-" + n);
        request.put("policy", template.policy());
        if (!request.has("serviceDate") && !request.has("receivedAt")) {
            // Such a case is reviewed as of the cases' day; a generated request says its day.
            request.put("serviceDate", CaseRunner.AS_OF.toString());
        }
        int days = random.nextInt(365);
        shiftDates(request, days);
        JsonNode member = request.get("member");
        if (member instanceof ObjectNode) {
            ((ObjectNode) member).put("id", String.format("M-%07d", random.nextInt(10_000_000)));
        }
        return request;
    }

    private Template pick() {
        int roll = random.nextInt(100);
        for (Map.Entry<Outcome, Integer> share : MIX.entrySet()) {
            roll -= share.getValue();
            List<Template> templates = byOutcome.get(share.getKey());
            if (roll < 0 && templates != null) {
                return templates.get(random.nextInt(templates.size()));
            }
        }
        List<Template> met = byOutcome.get(Outcome.MEETS_CRITERIA);
        return met.get(random.nextInt(met.size()));
    }

    /** Moves every date and date-time in {@code node} by {@code days}, keeping the time and the offset. */
    static void shiftDates(JsonNode node, int days) {
        if (node instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual()) {
                    shifted(value.textValue(), days).ifPresent(s -> object.set(name, TextNode.valueOf(s)));
                } else {
                    shiftDates(value, days);
                }
            }
        } else if (node instanceof ArrayNode) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    int index = i;
                    shifted(value.textValue(), days).ifPresent(s -> array.set(index, TextNode.valueOf(s)));
                } else {
                    shiftDates(value, days);
                }
            }
        }
    }

    private static java.util.Optional<String> shifted(String text, int days) {
        if (!DATE.matcher(text).matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LocalDate.parse(text.substring(0, 10)).plusDays(days) + text.substring(10));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
