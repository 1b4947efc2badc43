package org.pumpauth.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pumpauth.schema.Schemas;

/**
 * {@code schema/request.schema.json} against {@link RequestContract}, so the two cannot drift: the
 * same field paths, the same allowed values, types, ranges and required fields; and it rejects what
 * the reader rejects, and accepts what the reader accepts (fields it does not know, nulls).
 */
class RequestSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SCHEMA = Schemas.tree(Schemas.REQUEST);
    private static final JsonSchema VALIDATOR = Schemas.load(Schemas.REQUEST);

    @Test
    void the_schema_has_exactly_the_contract_fields() {
        assertThat(schemaFields().keySet()).containsExactlyInAnyOrderElementsOf(contractFields().keySet());
    }

    @Test
    void each_enumerated_field_allows_exactly_the_contract_values() {
        Map<String, List<String>> inSchema = new TreeMap<>();
        schemaFields().forEach((path, node) -> {
            JsonNode values = node.has("enum") ? node.get("enum") : node.path("items").path("enum");
            if (!values.isMissingNode()) {
                List<String> list = new ArrayList<>();
                values.forEach(v -> {
                    if (!v.isNull()) {
                        list.add(v.asText());
                    }
                });
                inSchema.put(path, list);
            }
        });
        Map<String, List<String>> inContract = new TreeMap<>();
        contractFields().forEach((path, field) -> {
            if (field.type() == FieldType.ENUM || field.type() == FieldType.ENUM_LIST) {
                inContract.put(path, field.allowed());
            }
        });
        assertThat(inSchema).isEqualTo(inContract);
    }

    @Test
    void each_field_has_the_contract_type_range_format_and_requiredness() {
        Map<String, String> inSchema = new TreeMap<>();
        schemaFields().forEach((path, node) -> inSchema.put(path, shape(node, requiredInSchema(path))));
        Map<String, String> inContract = new TreeMap<>();
        contractFields().forEach((path, field) -> inContract.put(path, shape(field)));
        assertThat(inSchema).isEqualTo(inContract);
    }

    @Test
    void every_field_and_object_has_a_description() {
        List<String> undescribed = new ArrayList<>();
        walk(SCHEMA, "", (path, node) -> {
            if (!node.path("description").asText().endsWith(".")) {
                undescribed.add(path.isEmpty() ? "(the request)" : path);
            }
        });
        assertThat(undescribed).as("schema properties without a description sentence").isEmpty();
    }

    static List<InvalidRequests.Fixture> rejectedBySchema() {
        return InvalidRequests.all().stream().filter(InvalidRequests.Fixture::schemaRejects).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedBySchema")
    void the_schema_rejects_what_the_reader_rejects(InvalidRequests.Fixture fixture) throws IOException {
        assertThat(Schemas.violations(VALIDATOR, JSON.readTree(fixture.json()))).as(fixture.name()).isNotEmpty();
    }

    @Test
    void the_schema_accepts_unknown_fields_and_nulls_as_the_reader_does() throws IOException {
        String request = InvalidRequests.with("'diagnosisNarrative': 'text', 'pain': {'score': null, 'location': 'back'},"
                + " 'member': null, 'urgency': null, 'intraspinalTrials': [{'reliefPercent': 60, 'dose': {'mg': 1}}],"
                + " 'receivedAt': '2024-03-01T23:30:00-05:00'");
        new RequestReader().read(request);

        assertThat(Schemas.violations(VALIDATOR, JSON.readTree(request))).isEmpty();
    }

    // ---- the contract and the schema, field by field

    /** Every field path, list elements as {@code intraspinalTrials[].reliefPercent}. */
    private static Map<String, Field> contractFields() {
        Map<String, Field> fields = new TreeMap<>();
        for (Field field : RequestContract.REQUEST.fields()) {
            fields.put(field.contractPath(), field);
            field.items().ifPresent(items -> items.fields().forEach(f -> fields.put(f.contractPath(), f)));
        }
        return fields;
    }

    /** The schema's fields by the same paths: the leaves, and each array of objects. */
    private static Map<String, JsonNode> schemaFields() {
        Map<String, JsonNode> fields = new TreeMap<>();
        walk(SCHEMA, "", (path, node) -> {
            boolean group = node.has("properties");
            if (!path.isEmpty() && !group) {
                fields.put(path, node);
            }
        });
        return fields;
    }

    private interface Visitor {
        void visit(String path, JsonNode node);
    }

    /** Every schema node with a property path: objects, their properties, and the items of arrays of objects. */
    private static void walk(JsonNode node, String path, Visitor visitor) {
        visitor.visit(path, node);
        node.path("properties").properties().forEach(e -> {
            String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode items = e.getValue().path("items");
            if (items.has("properties")) {
                visitor.visit(child, e.getValue());
                items.path("properties").properties().forEach(
                        i -> walk(i.getValue(), child + "[]." + i.getKey(), visitor));
            } else {
                walk(e.getValue(), child, visitor);
            }
        });
    }

    /** Whether the schema requires the field: it and every object it is in are required. */
    private static boolean requiredInSchema(String path) {
        String[] parts = path.replace("[]", "").split("\\.");
        JsonNode node = SCHEMA;
        for (String part : parts) {
            if (!contains(node.path("required"), part)) {
                return false;
            }
            node = node.path("properties").path(part);
        }
        return true;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The shape a contract field gives its JSON: "number 0..10, may be null", "required string", ... */
    private static String shape(Field field) {
        String type;
        switch (field.type()) {
            case BOOLEAN:
                type = "boolean";
                break;
            case NUMBER:
                type = "number " + number(field.min()) + ".." + (Double.isInfinite(field.max()) ? "" : number(field.max()));
                break;
            case DATE:
                type = "string format date";
                break;
            case INSTANT:
                type = "string format date-time";
                break;
            case STRING:
                type = "string";
                break;
            case ENUM:
                type = "enum";
                break;
            case STRING_LIST:
                type = "array of string";
                break;
            case ENUM_LIST:
                type = "array of enum";
                break;
            case OBJECT_LIST:
                type = "array of object";
                break;
            default:
                throw new IllegalStateException("unhandled type " + field.type());
        }
        return field.required() ? "required " + type : type + ", may be null";
    }

    /** The same from a schema node. */
    private static String shape(JsonNode node, boolean required) {
        List<String> types = new ArrayList<>();
        if (node.path("type").isArray()) {
            node.path("type").forEach(t -> types.add(t.asText()));
        } else if (node.has("type")) {
            types.add(node.path("type").asText());
        }
        boolean nullable = types.remove("null");
        String type;
        if (node.has("enum")) {
            nullable = false;
            for (JsonNode v : node.get("enum")) {
                nullable |= v.isNull();
            }
            type = types.isEmpty() ? "enum" : "enum with type " + types;
        } else if (types.size() != 1) {
            type = "types " + types;
        } else if (types.get(0).equals("number")) {
            type = "number " + node.path("minimum").asText("") + ".." + node.path("maximum").asText("");
        } else if (types.get(0).equals("array")) {
            JsonNode items = node.path("items");
            type = "array of " + (items.has("enum") ? "enum" : items.path("type").asText("?"));
        } else {
            type = types.get(0) + (node.has("format") ? " format " + node.get("format").asText() : "");
        }
        return required ? "required " + type + (nullable ? ", may be null" : "") : type + (nullable ? ", may be null" : "");
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
