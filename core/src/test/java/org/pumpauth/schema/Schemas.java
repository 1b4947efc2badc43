package org.pumpauth.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The published JSON Schemas in {@code schema/} at the repository root, for tests. */
public final class Schemas {
    public static final Path DIR = Path.of("../schema");
    public static final Path REQUEST = DIR.resolve("request.schema.json");
    public static final Path DETERMINATION = DIR.resolve("determination.schema.json");
    static final ObjectMapper JSON = new ObjectMapper();

    // Draft 2020-12 makes "format" an annotation; pumpauth checks dates and instants, so the tests do too.
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private Schemas() {}

    /** The schema file as JSON. */
    public static JsonNode tree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema as published. */
    public static JsonSchema load(Path file) {
        return FACTORY.getSchema(tree(file), CONFIG);
    }

    /**
     * The schema with {@code additionalProperties: false} on every object it describes: the published
     * schema lets members be added (the contract allows it), the tests check pumpauth writes no member
     * the schema does not describe.
     */
    public static JsonSchema strict(Path file) {
        JsonNode tree = tree(file).deepCopy();
        close(tree);
        return FACTORY.getSchema(tree, CONFIG);
    }

    private static void close(JsonNode node) {
        if (node.isObject() && node.has("properties") && !node.has("additionalProperties")) {
            ((ObjectNode) node).put("additionalProperties", false);
        }
        node.forEach(Schemas::close);
    }

    /** Every violation, one per line with its JSON path; empty when {@code instance} is valid. */
    public static List<String> violations(JsonSchema schema, JsonNode instance) {
        return schema.validate(instance).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .collect(Collectors.toList());
    }
}
