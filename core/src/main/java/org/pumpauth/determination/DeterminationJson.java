package org.pumpauth.determination;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pumpauth.notes.Span;

/** Writes a {@link Determination} as the contract's JSON, fields in a fixed order. */
public final class DeterminationJson {
    private static final JsonFactory JSON = new JsonFactory();

    private DeterminationJson() {}

    /**
     * The policy's own words (criterion ids, texts, citations, interpretation notes) are the same
     * strings in every determination: their escaped UTF-8 form is kept, once per distinct string,
     * so that a determination is not spent re-escaping them. Only policy text goes here, never a
     * request's value; the cap bounds it should policies be loaded again and again.
     */
    private static final Map<String, SerializedString> POLICY_TEXT = new ConcurrentHashMap<>();
    private static final int POLICY_TEXT_CAP = 20_000;

    private static void policyText(String value, JsonGenerator json) throws IOException {
        SerializedString serialized = POLICY_TEXT.get(value);
        if (serialized == null) {
            serialized = new SerializedString(value);
            try {
                serialized.asQuotedUTF8(); // computed once, here; and kept with the string
            } catch (IllegalArgumentException brokenSurrogate) {
                json.writeString(value); // the generator escapes what UTF-8 cannot hold
                return;
            }
            if (POLICY_TEXT.size() < POLICY_TEXT_CAP) {
                POLICY_TEXT.putIfAbsent(value, serialized);
            }
        }
        json.writeString(serialized);
    }

    /** One line of JSON, as {@code evaluate --json} prints it. */
    public static String toJson(Determination determination) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            write(determination, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The JSON of {@link #toJson} as UTF-8 bytes, for a caller that sends bytes (an HTTP response, a
     * file), written as bytes directly, without the string and its encoding. The bytes are those
     * of {@code toJson(d).getBytes(UTF_8)} except that a character outside the Basic Multilingual
     * Plane (an emoji, say) is written as its two backslash-u escapes, which every JSON reader
     * reads as the same text, and so is a lone surrogate (which the string's encoding would turn
     * into {@code ?}).
     */
    public static byte[] toJsonBytes(Determination determination) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            write(determination, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static void write(Determination d, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("requestId", d.requestId());
        json.writeObjectFieldStart("policy");
        json.writeStringField("id", d.policy().id());
        if (d.policy().version().isPresent()) {
            json.writeStringField("version", d.policy().version().get().toString());
        } else {
            json.writeNullField("version");
        }
        json.writeStringField("title", d.policy().title());
        json.writeEndObject();
        json.writeStringField("serviceDate", d.serviceDate().toString());
        if (d.pathway().isPresent()) {
            json.writeStringField("pathway", d.pathway().get());
        } else {
            json.writeNullField("pathway");
        }
        json.writeStringField("outcome", d.outcome().name());
        json.writeStringField("action", d.action().code());
        json.writeFieldName("criteria");
        if (d.criteria().isPresent()) {
            writeNode(d.criteria().get(), json);
        } else {
            json.writeNull();
        }
        json.writeArrayFieldStart("missingInformation");
        for (MissingInformation m : d.missingInformation()) {
            json.writeStartObject();
            json.writeStringField("field", m.field());
            json.writeStringField("request", m.request());
            json.writeEndObject();
        }
        json.writeEndArray();
        strings("reasons", d.reasons(), json);
        strings("warnings", d.warnings(), json);
        if (!d.proposedFacts().isEmpty()) {
            // Only when the notes propose something: a determination without notes reads as it always has.
            json.writeArrayFieldStart("proposedFacts");
            for (ProposedFact p : d.proposedFacts()) {
                proposed(p, json);
            }
            json.writeEndArray();
            json.writeStringField("outcomeIfConfirmed", d.outcomeIfConfirmed().orElseThrow().name());
        }
        json.writeEndObject();
    }

    private static void proposed(ProposedFact p, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeFieldName("criterion");
        policyText(p.criterion(), json);
        json.writeStringField("field", p.field());
        json.writeFieldName("value");
        tree(p.value(), json);
        json.writeStringField("assertion", p.assertion());
        json.writeStringField("note", p.note());
        json.writeArrayFieldStart("evidence");
        for (Span span : p.evidence()) {
            json.writeStartObject();
            json.writeNumberField("start", span.start());
            json.writeNumberField("end", span.end());
            json.writeStringField("text", span.text());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A note's value as JSON: the generator has no object codec, so the tree is walked here. */
    private static void tree(JsonNode node, JsonGenerator json) throws IOException {
        if (node.isObject()) {
            json.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                json.writeFieldName(field.getKey());
                tree(field.getValue(), json);
            }
            json.writeEndObject();
        } else if (node.isArray()) {
            json.writeStartArray();
            for (JsonNode item : node) {
                tree(item, json);
            }
            json.writeEndArray();
        } else if (node.isBoolean()) {
            json.writeBoolean(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            json.writeNumber(node.bigIntegerValue());
        } else if (node.isNumber()) {
            json.writeNumber(node.decimalValue());
        } else if (node.isTextual()) {
            json.writeString(node.textValue());
        } else {
            json.writeNull();
        }
    }

    /**
     * The criteria tree is most of a determination (some 40 nodes of six fields each): its field names and results
     * are written from their quoted UTF-8, kept once, rather than checked for escapes character by character.
     */
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString TEXT = new SerializedString("text");
    private static final SerializedString RESULT = new SerializedString("result");
    private static final SerializedString FACTS = new SerializedString("facts");
    private static final SerializedString FIELD = new SerializedString("field");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString CITATION = new SerializedString("citation");
    private static final SerializedString INTERPRETATION = new SerializedString("interpretation");
    private static final SerializedString REFERRAL = new SerializedString("referral");
    private static final SerializedString CHILDREN = new SerializedString("children");
    private static final SerializedString[] RESULTS = java.util.Arrays.stream(Result.values())
            .map(r -> new SerializedString(r.name())).toArray(SerializedString[]::new);

    private static void writeNode(CriterionResult node, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeFieldName(ID);
        policyText(node.id(), json);
        json.writeFieldName(TEXT);
        policyText(node.text(), json);
        json.writeFieldName(RESULT);
        json.writeString(RESULTS[node.result().ordinal()]);
        json.writeFieldName(FACTS);
        json.writeStartArray();
        for (FactValue fact : node.facts()) {
            json.writeStartObject();
            json.writeFieldName(FIELD);
            json.writeString(fact.field());
            json.writeFieldName(VALUE);
            value(fact.value().orElse(null), json);
            json.writeEndObject();
        }
        json.writeEndArray();
        if (!node.citation().isEmpty()) {
            json.writeFieldName(CITATION);
            policyText(node.citation(), json);
        }
        if (node.interpretation().isPresent()) {
            json.writeFieldName(INTERPRETATION);
            policyText(node.interpretation().get(), json);
        }
        if (node.referral().isPresent()) {
            json.writeFieldName(REFERRAL);
            json.writeString(node.referral().get().name());
        }
        if (!node.children().isEmpty()) {
            json.writeFieldName(CHILDREN);
            json.writeStartArray();
            for (CriterionResult child : node.children()) {
                writeNode(child, json);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void value(Object value, JsonGenerator json) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean) {
            json.writeBoolean((Boolean) value);
        } else if (value instanceof Double) {
            double d = (Double) value;
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                json.writeNumber((long) d);
            } else {
                json.writeNumber(d);
            }
        } else if (value instanceof Integer) {
            json.writeNumber((Integer) value);
        } else if (value instanceof List) {
            json.writeStartArray();
            for (Object item : (List<?>) value) {
                value(item, json);
            }
            json.writeEndArray();
        } else {
            json.writeString(value.toString());
        }
    }

    private static void strings(String name, List<String> values, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
