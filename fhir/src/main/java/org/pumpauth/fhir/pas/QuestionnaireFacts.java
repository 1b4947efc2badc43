package org.pumpauth.fhir.pas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

/**
 * The answers of a {@code QuestionnaireResponse} as facts of a review request: an item's {@code linkId}
 * is the contract's field path ({@code pain.score}, {@code service.kind}); a group whose linkId names a
 * list ({@code medicationTrials}, {@code intraspinalTrials}) gives one entry per repetition, its items'
 * linkIds either the full path ({@code medicationTrials[].weeks}) or the field alone ({@code weeks}).
 * A simple mapping kept in this one place, until DTR's full conversion replaces it.
 */
public final class QuestionnaireFacts {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QuestionnaireFacts() {
    }

    /** Sets, on {@code request}, each answered field of {@code response}. */
    public static void addTo(ObjectNode request, QuestionnaireResponse response) {
        addItems(request, response.getItem());
    }

    private static void addItems(ObjectNode target, List<QuestionnaireResponseItemComponent> items) {
        for (QuestionnaireResponseItemComponent item : items) {
            String path = item.getLinkId().replace("[]", "");
            if (!item.hasAnswer() && !item.hasItem() && isRepeatingGroup(path)) {
                // A list's group with no repetition answered as such: the list is empty (none was done).
                if (!target.has(path)) {
                    target.putArray(path);
                }
                continue;
            }
            if (!item.hasAnswer() && item.hasItem()) {
                if (path.startsWith("medicationTrials") || path.startsWith("intraspinalTrials")
                        || path.startsWith("documents") || path.startsWith("notes")) {
                    // One repetition of a list's group: an entry of that list.
                    String list = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
                    ObjectNode entry = JSON.objectNode();
                    for (QuestionnaireResponseItemComponent child : item.getItem()) {
                        String field = child.getLinkId().replace("[]", "");
                        field = field.startsWith(list + ".") ? field.substring(list.length() + 1) : field;
                        setAnswer(entry, field, child);
                    }
                    ArrayNode array = target.has(list) && target.get(list).isArray() ? (ArrayNode) target.get(list)
                            : target.putArray(list);
                    array.add(entry);
                } else {
                    addItems(target, item.getItem());
                }
                continue;
            }
            setAnswer(target, path, item);
        }
    }

    private static void setAnswer(ObjectNode target, String path, QuestionnaireResponseItemComponent item) {
        if (!item.hasAnswer() || path.isEmpty()) {
            return;
        }
        String[] parts = path.split("\\.");
        ObjectNode parent = target;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = parent.get(parts[i]);
            parent = next instanceof ObjectNode ? (ObjectNode) next : parent.putObject(parts[i]);
        }
        String field = parts[parts.length - 1];
        if (item.getAnswer().size() == 1 && !isList(path)) {
            parent.set(field, value(item.getAnswerFirstRep()));
        } else {
            ArrayNode values = parent.putArray(field);
            for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
                values.add(value(answer));
            }
        }
    }

    private static boolean isRepeatingGroup(String path) {
        return path.equals("medicationTrials") || path.equals("intraspinalTrials") || path.equals("documents")
                || path.equals("notes");
    }

    /** The fields of the contract that are lists of values (a single answer is still a list). */
    private static boolean isList(String path) {
        return path.equals("indication.conditions") || path.equals("indication.diagnosisCodes")
                || path.equals("conservativeTherapy.modalities") || path.equals("service.codes");
    }

    private static JsonNode value(QuestionnaireResponseItemAnswerComponent answer) {
        Type value = answer.getValue();
        if (value == null) {
            return JSON.nullNode();
        }
        switch (value.fhirType()) {
            case "boolean":
                return JSON.booleanNode(answer.getValueBooleanType().booleanValue());
            case "integer":
                return JSON.numberNode(answer.getValueIntegerType().getValue());
            case "decimal":
                return JSON.numberNode(answer.getValueDecimalType().getValue());
            case "Coding":
                return JSON.textNode(answer.getValueCoding().getCode());
            case "Quantity":
                return JSON.numberNode(answer.getValueQuantity().getValue());
            default:
                return JSON.textNode(value.primitiveValue() == null ? "" : value.primitiveValue());
        }
    }
}
