package org.pumpauth.notes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A note's facts as JSON: {@code {"field", "value", "assertion", "evidence": [{"start", "end", "text"}]}}. */
public final class NoteJson {

    private NoteJson() {}

    public static ArrayNode facts(List<NoteFact> facts) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (NoteFact fact : facts) {
            ObjectNode f = out.addObject();
            f.put("field", fact.field());
            f.set("value", fact.value());
            f.put("assertion", fact.assertion().summary());
            ArrayNode evidence = f.putArray("evidence");
            for (Span span : fact.evidence()) {
                evidence.addObject().put("start", span.start()).put("end", span.end()).put("text", span.text());
            }
        }
        return out;
    }
}
