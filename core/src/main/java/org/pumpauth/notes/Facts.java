package org.pumpauth.notes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts a note proposes while it is read. A field set twice keeps the later statement (a
 * correction later in the note wins); a list field gathers its members, each once.
 */
final class Facts {

    private final Map<String, NoteFact> byField = new LinkedHashMap<>();

    void set(String field, JsonNode value, Assertion assertion, List<Span> evidence) {
        byField.remove(field);
        byField.put(field, new NoteFact(field, value, assertion, evidence));
    }

    void set(String field, boolean value, Span... evidence) {
        set(field, BooleanNode.valueOf(value), value ? Assertion.AFFIRMED : Assertion.NEGATED, List.of(evidence));
    }

    void set(String field, String value, Span... evidence) {
        set(field, TextNode.valueOf(value), Assertion.AFFIRMED, List.of(evidence));
    }

    void set(String field, double value, Span... evidence) {
        JsonNode node = value == Math.rint(value) ? IntNode.valueOf((int) value) : DoubleNode.valueOf(Math.round(value * 10) / 10.0);
        set(field, node, Assertion.AFFIRMED, List.of(evidence));
    }

    /** Adds a member to a list field, once; its evidence joins the fact's. */
    void add(String field, String member, Span evidence) {
        NoteFact before = byField.get(field);
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        List<Span> spans = new ArrayList<>();
        if (before != null) {
            values.addAll((ArrayNode) before.value());
            spans.addAll(before.evidence());
            for (JsonNode v : values) {
                if (v.asText().equals(member)) {
                    if (!spans.contains(evidence)) {
                        spans.add(evidence);
                        byField.put(field, new NoteFact(field, values, Assertion.AFFIRMED, spans));
                    }
                    return;
                }
            }
        }
        values.add(member);
        spans.add(evidence);
        byField.put(field, new NoteFact(field, values, Assertion.AFFIRMED, spans));
    }

    NoteFact get(String field) {
        return byField.get(field);
    }

    boolean has(String field) {
        return byField.containsKey(field);
    }

    boolean hasPrefix(String prefix) {
        return byField.keySet().stream().anyMatch(f -> f.startsWith(prefix));
    }

    List<NoteFact> list() {
        return List.copyOf(byField.values());
    }
}
