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

    /**
     * Writes {@code count} requests, one JSON object a line: the text {@link #next(long)} gives, written
     * from each template's JSON serialized once (its ids and dates filled in for each line), so a million
     * lines take seconds, not minutes.
     */
    void write(long count, Writer out) throws IOException {
        Map<Template, Filled> filled = new java.util.IdentityHashMap<>();
        StringBuilder line = new StringBuilder(4096);
        for (long n = 1; n <= count; n++) {
            Template template = pick();
            Filled shape = filled.computeIfAbsent(template, Filled::new);
            int days = random.nextInt(365);
            int member = shape.hasMember ? random.nextInt(10_000_000) : 0;
            line.setLength(0);
            shape.append(line, seed, n, days, member);
            line.append('\n');
            out.append(line);
        }
    }

    ObjectNode next(long n) {
        return next(n, pick());
    }

    private ObjectNode next(long n, Template template) {
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

    /**
     * A template's request as JSON text with holes: its request id, its member id and each date
     * {@link #shiftDates} moves. Built as {@link #next(long)} builds a request, with markers where those
     * values go, serialized once.
     */
    private static final class Filled {
        private static final String MARK = "@@pumpauth-generate:";
        private final List<String> texts = new ArrayList<>();
        /** Per hole between texts: -1 request id, -2 member id, else an index into dates. */
        private final List<Integer> holes = new ArrayList<>();
        private final List<LocalDate> dates = new ArrayList<>();
        /** Each date's text after its first ten characters (a time and offset), escaped as JSON. */
        private final List<String> rests = new ArrayList<>();
        final boolean hasMember;

        Filled(Template template) {
            ObjectNode request = template.request().deepCopy();
            request.put("requestId", MARK + "r@@");
            request.put("policy", template.policy());
            if (!request.has("serviceDate") && !request.has("receivedAt")) {
                request.put("serviceDate", CaseRunner.AS_OF.toString());
            }
            mark(request);
            JsonNode member = request.get("member");
            hasMember = member instanceof ObjectNode;
            if (hasMember) {
                ((ObjectNode) member).put("id", MARK + "m@@");
            }
            String text;
            try {
                text = JSON.writeValueAsString(request);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            java.util.regex.Matcher hole = Pattern.compile(Pattern.quote(MARK) + "(r|m|\\d+)@@").matcher(text);
            int at = 0;
            while (hole.find()) {
                texts.add(text.substring(at, hole.start()));
                String which = hole.group(1);
                holes.add(which.equals("r") ? -1 : which.equals("m") ? -2 : Integer.parseInt(which));
                at = hole.end();
            }
            texts.add(text.substring(at));
        }

        /** Replaces each date {@link #shiftDates} would move by a marker naming it. */
        private void mark(JsonNode node) {
            if (node instanceof ObjectNode) {
                ObjectNode object = (ObjectNode) node;
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    JsonNode value = object.get(name);
                    if (value.isTextual()) {
                        marked(value.textValue()).ifPresent(m -> object.set(name, TextNode.valueOf(m)));
                    } else {
                        mark(value);
                    }
                }
            } else if (node instanceof ArrayNode) {
                ArrayNode array = (ArrayNode) node;
                for (int i = 0; i < array.size(); i++) {
                    JsonNode value = array.get(i);
                    if (value.isTextual()) {
                        int index = i;
                        marked(value.textValue()).ifPresent(m -> array.set(index, TextNode.valueOf(m)));
                    } else {
                        mark(value);
                    }
                }
            }
        }

        private java.util.Optional<String> marked(String text) {
            if (shifted(text, 0).isEmpty()) {
                return java.util.Optional.empty();
            }
            dates.add(LocalDate.parse(text.substring(0, 10)));
            try {
                String quoted = JSON.writeValueAsString(text.substring(10));
                rests.add(quoted.substring(1, quoted.length() - 1));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return java.util.Optional.of(MARK + (dates.size() - 1) + "@@");
        }

        void append(StringBuilder line, long seed, long n, int days, int member) {
            for (int i = 0; i < holes.size(); i++) {
                line.append(texts.get(i));
                int hole = holes.get(i);
                if (hole == -1) {
                    line.append("GEN-").append(seed).append('-').append(n);
                } else if (hole == -2) {
                    String digits = Integer.toString(member);
                    line.append("M-");
                    for (int pad = digits.length(); pad < 7; pad++) {
                        line.append('0');
                    }
                    line.append(digits);
                } else {
                    line.append(dates.get(hole).plusDays(days)).append(rests.get(hole));
                }
            }
            line.append(texts.get(texts.size() - 1));
        }
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
