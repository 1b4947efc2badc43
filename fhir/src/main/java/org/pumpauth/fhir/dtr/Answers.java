package org.pumpauth.fhir.dtr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;
import org.pumpauth.fhir.FhirException;
import org.pumpauth.request.Field;
import org.pumpauth.request.FieldType;
import org.pumpauth.request.RequestContract;
import org.pumpauth.request.Shape;

/**
 * A {@code QuestionnaireResponse} as a review request (contract v1) and back, without loss for every
 * contract field. Each stated field is one item whose {@code linkId} is its contract path
 * ({@code pain.score}, {@code intraspinalTrials[].reliefPercent}); a list of objects is a repeating
 * group item ({@code intraspinalTrials}), one per element, oldest first; an enumerated value is a
 * {@code Coding} of the field's code system ({@link #system(Field)}); a list stated empty (a fact: "no
 * earlier trial") is an item without answers that carries the {@link #EMPTY_LIST} extension. Items
 * whose {@code linkId} is no contract field (an EHR's own questions) are ignored.
 */
public final class Answers {
    /** Marks a list item the request states as empty, which differs from a list not stated (unknown). */
    public static final String EMPTY_LIST = "https://pumpauth.org/fhir/StructureDefinition/empty-list";
    static final String CODE_SYSTEMS = "https://pumpauth.org/fhir/CodeSystem/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<Shape, Map<String, Field>> FIELDS_BY_PATH = new java.util.concurrent.ConcurrentHashMap<>();

    private Answers() {
    }

    /** The code system of an enumerated field's values: {@code https://pumpauth.org/fhir/CodeSystem/service.route}. */
    public static String system(Field field) {
        return CODE_SYSTEMS + field.contractPath().replace("[]", "");
    }

    /** The review request's fields as answers, in the contract's order; fields the contract does not know are left out. */
    public static QuestionnaireResponse fromRequest(JsonNode request) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.getItem().addAll(items(RequestContract.REQUEST, request));
        return response;
    }

    private static List<QuestionnaireResponseItemComponent> items(Shape shape, JsonNode object) {
        List<QuestionnaireResponseItemComponent> items = new ArrayList<>();
        for (Field field : shape.fields()) {
            JsonNode value = at(object, field.path());
            if (value == null || value.isNull()) {
                continue;
            }
            if (field.type() == FieldType.OBJECT_LIST) {
                if (value.isEmpty()) {
                    items.add(emptyList(field));
                }
                for (JsonNode element : value) {
                    QuestionnaireResponseItemComponent group = new QuestionnaireResponseItemComponent().setLinkId(field.contractPath());
                    group.getItem().addAll(items(field.items().orElseThrow(), element));
                    items.add(group);
                }
                continue;
            }
            QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent().setLinkId(field.contractPath());
            if (field.type().isList()) {
                if (value.isEmpty()) {
                    items.add(emptyList(field));
                    continue;
                }
                value.forEach(v -> item.addAnswer().setValue(answer(field, v)));
            } else {
                item.addAnswer().setValue(answer(field, value));
            }
            items.add(item);
        }
        return items;
    }

    private static QuestionnaireResponseItemComponent emptyList(Field field) {
        QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent().setLinkId(field.contractPath());
        item.addExtension(EMPTY_LIST, new BooleanType(true));
        return item;
    }

    /** The node at a dotted path in a JSON object, or null. */
    private static JsonNode at(JsonNode object, String path) {
        JsonNode node = object;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static Type answer(Field field, JsonNode value) {
        switch (field.type()) {
            case BOOLEAN:
                return new BooleanType(value.asBoolean());
            case NUMBER:
                BigDecimal number = value.decimalValue();
                return Questions.isInteger(field) && value.isIntegralNumber() ? new IntegerType(value.intValue())
                        : new DecimalType(number);
            case DATE:
                return new DateType(value.asText());
            case INSTANT:
                return new DateTimeType(value.asText());
            case ENUM:
            case ENUM_LIST:
                return new Coding(system(field), value.asText(), null);
            default:
                return new StringType(value.asText());
        }
    }

    /**
     * The review request the answers state (JSON of contract v1), to be read by the engine's request
     * reader, which checks each value against the contract. An answer of the wrong FHIR type is a 422 at
     * its item.
     */
    public static ObjectNode toRequest(QuestionnaireResponse response) {
        ObjectNode request = JSON.objectNode();
        read(RequestContract.REQUEST, response.getItem(), request, "QuestionnaireResponse");
        return request;
    }

    private static void read(Shape shape, List<QuestionnaireResponseItemComponent> items, ObjectNode into, String at) {
        Map<String, Field> fields = fieldsByPath(shape);
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponseItemComponent item = items.get(i);
            String where = at + ".item[" + i + "]";
            Field field = fields.get(item.getLinkId());
            if (field == null) {
                // A group of the EHR's own (a section) may hold contract items: read through it.
                if (!item.getItem().isEmpty()) {
                    read(shape, item.getItem(), into, where);
                }
                continue;
            }
            boolean empty = item.getExtensionByUrl(EMPTY_LIST) != null;
            if (field.type().isList() && !empty && item.getAnswer().isEmpty() && item.getItem().isEmpty()) {
                continue; // asked, not answered: unknown (an empty list is stated with the extension)
            }
            if (field.type() == FieldType.OBJECT_LIST) {
                ArrayNode list = parent(into, field.path()).withArray(leaf(field.path()));
                if (!empty) {
                    ObjectNode element = list.addObject();
                    read(field.items().orElseThrow(), item.getItem(), element, where);
                }
                continue;
            }
            if (field.type().isList()) {
                ArrayNode list = parent(into, field.path()).withArray(leaf(field.path()));
                for (int a = 0; a < item.getAnswer().size(); a++) {
                    list.add(value(field, item.getAnswer().get(a), where + ".answer[" + a + "]"));
                }
                continue;
            }
            if (item.getAnswer().isEmpty()) {
                continue; // asked, not answered: unknown
            }
            if (item.getAnswer().size() > 1) {
                throw FhirException.unprocessable(where + ".answer", "item " + field.contractPath()
                        + " takes one answer: " + field.describeAllowed());
            }
            parent(into, field.path()).set(leaf(field.path()), value(field, item.getAnswerFirstRep(), where + ".answer[0]"));
        }
    }

    /** An answer of the wrong FHIR type: a 422 at its path, saying what the field takes (built only then). */
    private static FhirException wrongType(Field field, String where, String valueElement) {
        return FhirException.unprocessable(where, "item " + field.contractPath() + " takes " + field.describeAllowed()
                + " (" + valueElement + ")");
    }

    /** A shape's fields by contract path, made once a shape (the contract's shapes are constants). */
    private static Map<String, Field> fieldsByPath(Shape shape) {
        return FIELDS_BY_PATH.computeIfAbsent(shape, s -> {
            Map<String, Field> fields = new java.util.HashMap<>();
            s.fields().forEach(f -> fields.put(f.contractPath(), f));
            return Map.copyOf(fields);
        });
    }

    private static ObjectNode parent(ObjectNode root, String path) {
        ObjectNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.with(parts[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static JsonNode value(Field field, QuestionnaireResponseItemAnswerComponent answer, String where) {
        Type v = answer.getValue();
        switch (field.type()) {
            case BOOLEAN:
                if (v instanceof BooleanType) {
                    return JSON.booleanNode(((BooleanType) v).booleanValue());
                }
                throw wrongType(field, where, "valueBoolean");
            case NUMBER:
                if (v instanceof IntegerType) {
                    return JSON.numberNode(((IntegerType) v).getValue());
                }
                if (v instanceof DecimalType) {
                    BigDecimal d = ((DecimalType) v).getValue();
                    return d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                            ? JSON.numberNode(d.longValueExact()) : JSON.numberNode(d.doubleValue());
                }
                throw wrongType(field, where, "valueDecimal or valueInteger");
            case DATE:
                if (v instanceof DateType || v instanceof DateTimeType) {
                    return JSON.textNode(((org.hl7.fhir.r4.model.PrimitiveType<?>) v).getValueAsString());
                }
                throw wrongType(field, where, "valueDate");
            case INSTANT:
                if (v instanceof DateTimeType) {
                    return JSON.textNode(((DateTimeType) v).getValueAsString());
                }
                throw wrongType(field, where, "valueDateTime");
            case ENUM:
            case ENUM_LIST:
                if (v instanceof Coding && ((Coding) v).hasCode()) {
                    return JSON.textNode(((Coding) v).getCode());
                }
                if (v instanceof StringType) {
                    return JSON.textNode(((StringType) v).getValue());
                }
                throw wrongType(field, where, "valueCoding");
            default:
                if (v instanceof StringType || v instanceof UriType) {
                    return JSON.textNode(((org.hl7.fhir.r4.model.PrimitiveType<?>) v).getValueAsString());
                }
                throw wrongType(field, where, "valueString");
        }
    }
}
