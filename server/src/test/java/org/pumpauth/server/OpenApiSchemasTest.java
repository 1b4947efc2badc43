package org.pumpauth.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.testing.Client;
import org.pumpauth.server.testing.TestDatabase;

/**
 * The OpenAPI document served at /v1/openapi.json carries the published JSON Schemas of the
 * request and the determination ({@code schema/}, themselves checked field by field against the
 * contract's Java definition by core's RequestSchemaTest), every reference in it resolves, the
 * examples validate against its request schema, and the service's determinations for them against
 * its determination schema.
 */
class OpenApiSchemasTest {
    private static final Path ROOT = Path.of("..");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    /** Draft 2020-12, told that the document's "components" holds the schemas and is not a keyword to check. */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new NonValidationKeyword("components")).build()));
    private static ReviewService service;
    private static ReviewServer server;
    private static Client client;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        service = ReviewService.open(TestDatabase.H2.fresh(), PolicyRegistry.builtIn(), Optional.empty(), Clock.systemUTC());
        server = ReviewServer.start(service, "127.0.0.1", 0, false);
        client = new Client(server.port());
        document = client.get("/v1/openapi.json", null).json();
    }

    @AfterAll
    static void stop() {
        server.close();
        service.close();
    }

    @Test
    void the_request_schema_is_the_published_one() throws IOException {
        ObjectNode published = (ObjectNode) JSON.readTree(ROOT.resolve("schema/request.schema.json").toFile());
        published.remove("$schema");

        assertThat(document.at("/components/schemas/ReviewRequest"))
                .as("components.schemas.ReviewRequest against schema/request.schema.json (without $schema)")
                .isEqualTo(published);
    }

    @Test
    void the_determination_schema_is_the_published_one_with_its_definitions_as_components() throws IOException {
        ObjectNode published = (ObjectNode) JSON.readTree(ROOT.resolve("schema/determination.schema.json").toFile());
        published.remove("$schema");
        JsonNode defs = published.remove("$defs");

        assertThat(document.at("/components/schemas/Determination")).isEqualTo(asComponent(published));
        for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> def = it.next();
            assertThat(document.at("/components/schemas/" + componentName(def.getKey())))
                    .as("$defs/" + def.getKey()).isEqualTo(asComponent(def.getValue()));
        }
    }

    @Test
    void no_schema_is_a_bare_object_stub() {
        List<String> stubs = new ArrayList<>();
        document.at("/components/schemas").fields().forEachRemaining(e -> {
            JsonNode schema = e.getValue();
            if (!schema.has("properties") && !schema.has("allOf") && !schema.has("enum")) {
                stubs.add(e.getKey());
            }
        });
        assertThat(stubs).as("schemas that say nothing but their type").isEmpty();
    }

    @Test
    void every_reference_resolves_in_the_document() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).hasSizeGreaterThan(40);
        assertThat(refs).allSatisfy(ref -> {
            assertThat(ref).as("a reference inside the document").startsWith("#/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
        });
    }

    @Test
    void the_examples_follow_the_served_request_schema_and_their_determinations_the_served_determination_schema()
            throws IOException {
        JsonSchema request = component("ReviewRequest");
        JsonSchema determination = component("Determination");
        String key = service.keys().create(Role.SUBMITTER, "schema-check");
        List<Path> examples;
        try (Stream<Path> walk = Files.list(ROOT.resolve("examples"))) {
            examples = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThan(10);

        for (Path example : examples) {
            String body = Files.readString(example);
            assertThat(violations(request, JSON.readTree(body))).as(example.toString()).isEmpty();
            Client.Response answer = client.post("/v1/evaluate", key, body);
            assertThat(answer.status()).as(example + ": " + answer.text()).isEqualTo(200);
            for (JsonNode d : answer.json().path("determinations")) {
                assertThat(violations(determination, d)).as("determination of " + example).isEmpty();
            }
        }
    }

    @Test
    void a_request_the_schema_refuses_is_refused_by_the_served_schema() throws IOException {
        JsonNode bad = JSON.readTree("{\"requestId\": \"X\", \"service\": {\"kind\": \"implantt\"}}");

        assertThat(violations(component("ReviewRequest"), bad)).isNotEmpty();
    }

    /** The schema a component names, resolved inside the served document. */
    private static JsonSchema component(String name) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name);
        root.set("components", document.get("components"));
        return FACTORY.getSchema(root, CONFIG);
    }

    private static List<String> violations(JsonSchema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** A schema of {@code schema/determination.schema.json} as the document holds it: its $defs as components. */
    private static JsonNode asComponent(JsonNode node) {
        JsonNode copy = node.deepCopy();
        rewriteRefs(copy);
        return copy;
    }

    private static void rewriteRefs(JsonNode node) {
        if (node.isObject() && node.path("$ref").asText().startsWith("#/$defs/")) {
            ((ObjectNode) node).set("$ref", TextNode.valueOf("#/components/schemas/"
                    + componentName(node.get("$ref").asText().substring("#/$defs/".length()))));
        }
        node.forEach(OpenApiSchemasTest::rewriteRefs);
    }

    private static String componentName(String def) {
        return "Determination" + Character.toUpperCase(def.charAt(0)) + def.substring(1);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
