package org.pumpauth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pumpauth.server.access.Role;

/** CRD as CDS Hooks: discovery, the shared hook requests, and coverage information for pump orders. */
class CrdHooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INFO = "http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information";
    private static FhirServer fhir;
    private static String key;

    @BeforeAll
    static void start() {
        fhir = new FhirServer(Clock.fixed(Instant.parse("2024-03-05T10:00:00Z"), ZoneOffset.UTC),
                Optional.of(DtrOperationsTest.ROOT.resolve("examples/payers.yaml")), Optional.empty());
        key = fhir.service.keys().create(Role.SUBMITTER, "ehr");
    }

    @AfterAll
    static void stop() {
        fhir.close();
    }

    private static JsonNode hook(String service, String body) throws IOException {
        FhirServer.Response r = fhir.post("/cds-services/" + service, key, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    /** An order-sign hook for one ServiceRequest of {@code code}, with the patient and a coverage of {@code payer} prefetched. */
    static ObjectNode orderSign(String code, String payer) throws IOException {
        ObjectNode hook = (ObjectNode) JSON.readTree(DtrOperationsTest.resource("crd/order_sign_hook_request.json"));
        hook.remove("fhirServer");
        hook.remove("fhirAuthorization");
        ObjectNode order = JSON.createObjectNode();
        order.put("resourceType", "ServiceRequest").put("id", "pump-1").put("status", "draft").put("intent", "original-order");
        order.putObject("code").putArray("coding").addObject().put("system", "http://www.ama-assn.org/go/cpt").put("code", code);
        order.putObject("subject").put("reference", "Patient/example");
        order.put("occurrenceDateTime", "2024-03-18");
        order.putArray("reasonCode").addObject().putArray("coding").addObject()
                .put("system", "http://hl7.org/fhir/sid/icd-10-cm").put("code", "G89.4");
        ObjectNode orders = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        orders.putArray("entry").addObject().set("resource", order);
        ((ObjectNode) hook.path("context")).set("draftOrders", orders);
        ObjectNode prefetch = hook.putObject("prefetch");
        prefetch.putObject("patient").put("resourceType", "Patient").put("id", "example").put("birthDate", "1961-05-09")
                .put("gender", "female");
        ObjectNode coverage = prefetch.putObject("coverage").put("resourceType", "Coverage").put("id", "cov-1").put("status", "active");
        coverage.putObject("beneficiary").put("reference", "Patient/example");
        coverage.putArray("payor").addObject().put("display", payer);
        return hook;
    }

    private static JsonNode extension(JsonNode info, String url) {
        for (JsonNode e : info.path("extension")) {
            if (e.path("url").asText().equals(url)) {
                return e;
            }
        }
        return null;
    }

    private static JsonNode coverageInformation(JsonNode answer) {
        JsonNode action = answer.path("systemActions").get(0);
        assertThat(action.path("type").asText()).isEqualTo("update");
        for (JsonNode e : action.path("resource").path("extension")) {
            if (e.path("url").asText().equals(INFO)) {
                return e;
            }
        }
        throw new AssertionError("no coverage-information in " + action);
    }

    @Test
    void discovery_lists_the_five_hooks_with_their_prefetch() throws IOException {
        FhirServer.Response r = fhir.get("/cds-services", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode services = JSON.readTree(r.body()).path("services");
        List<String> hooks = new ArrayList<>();
        services.forEach(s -> hooks.add(s.path("hook").asText()));
        assertThat(hooks).containsExactly("order-sign", "order-select", "order-dispatch", "appointment-book", "encounter-start");
        assertThat(services.get(0).path("prefetch").path("coverage").asText()).isEqualTo("Coverage?patient={{context.patientId}}&status=active");
    }

    @Test
    void the_shared_order_sign_and_order_select_hooks_are_answered_saying_what_could_not_be_seen() throws IOException {
        for (String[] shared : new String[][] {{"order-sign", "crd/order_sign_hook_request.json"},
                {"order-select", "crd/order_select_hook_request.json"}}) {
            ObjectNode hook = (ObjectNode) JSON.readTree(DtrOperationsTest.resource(shared[1]));
            if (hook.has("fhirServer")) {
                hook.put("fhirServer", "http://127.0.0.1:9/r4"); // the example's server is not on this network: a refused port
            }
            JsonNode answer = hook(shared[0], hook.toString());
            assertThat(answer.path("systemActions")).isEmpty();
            assertThat(answer.path("cards")).hasSize(1);
            assertThat(answer.path("cards").get(0).path("summary").asText()).isEqualTo("Coverage requirements not checked: no coverage seen");
            assertThat(answer.path("cards").get(0).path("detail").asText()).contains("could not see the member's coverage");
        }
    }

    @Test
    void a_programmable_pump_implant_needs_authorization_and_the_pathway_questionnaire() throws IOException {
        JsonNode answer = hook("order-sign", orderSign("62362", "Example Commercial Plan").toString());
        JsonNode info = coverageInformation(answer);
        assertThat(extension(info, "covered").path("valueCode").asText()).isEqualTo("conditional");
        assertThat(extension(info, "pa-needed").path("valueCode").asText()).isEqualTo("auth-needed");
        assertThat(extension(info, "doc-needed").path("valueCode").asText()).isEqualTo("clinical");
        assertThat(extension(info, "billingCode").path("valueCoding").path("code").asText()).isEqualTo("62362");
        assertThat(extension(info, "questionnaire").path("valueCanonical").asText())
                .startsWith("https://pumpauth.org/fhir/Questionnaire/nia-cg-310-2024-01-01-");
        assertThat(extension(info, "coverage").path("valueReference").path("reference").asText()).isEqualTo("Coverage/cov-1");
        JsonNode card = answer.path("cards").get(0);
        assertThat(card.path("summary").asText()).startsWith("Prior authorization and documentation needed (nia-cg-310)");
        assertThat(card.path("detail").asText()).contains("may be a implant or a replacement");
    }

    @Test
    void an_order_dated_outside_the_coverage_period_needs_a_contract_window_and_nothing_is_asserted() throws IOException {
        ObjectNode hook = orderSign("62362", "Example Commercial Plan");
        ((ObjectNode) hook.path("prefetch").path("coverage")).putObject("period").put("start", "2023-01-01").put("end", "2023-12-31");
        JsonNode answer = hook("order-sign", hook.toString());
        JsonNode info = coverageInformation(answer);
        assertThat(extension(info, "info-needed").path("valueCode").asText()).isEqualTo("contract-window");
        assertThat(extension(info, "covered").path("valueCode").asText()).isEqualTo("conditional");
        assertThat(extension(info, "pa-needed")).isNull();
        assertThat(extension(info, "doc-needed")).isNull();
        assertThat(answer.path("cards").get(0).path("summary").asText()).startsWith("Coverage not known for the date of service");
        assertThat(answer.path("cards").get(0).path("detail").asText()).contains("outside the period of the member's coverage");
        assertThat(R4Validation.errors(answer.path("systemActions").get(0).path("resource").toString())).isEmpty();

        ((ObjectNode) hook.path("prefetch").path("coverage")).putObject("period").put("start", "2024-01-01");
        assertThat(extension(coverageInformation(hook("order-sign", hook.toString())), "info-needed"))
                .as("a date inside the period").isNull();
    }

    @Test
    void an_undated_order_under_a_policy_that_changes_later_needs_a_timeframe() throws IOException {
        // cohere-ma-itp takes effect on 2024-06-10, after this server's today (2024-03-05).
        ObjectNode hook = orderSign("62362", "Example Medicare Advantage Plan");
        ((ObjectNode) hook.path("prefetch").path("coverage")).putArray("class").addObject().put("value", "MA-PPO-GOLD")
                .putObject("type").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/coverage-class").put("code", "plan");
        ObjectNode order = (ObjectNode) hook.path("context").path("draftOrders").path("entry").get(0).path("resource");
        order.remove("occurrenceDateTime");
        JsonNode answer = hook("order-sign", hook.toString());
        JsonNode info = coverageInformation(answer);
        assertThat(extension(info, "info-needed").path("valueCode").asText()).isEqualTo("timeframe");
        assertThat(extension(info, "covered").path("valueCode").asText()).isEqualTo("conditional");
        assertThat(answer.path("cards").get(0).path("detail").asText()).contains("give the date of service to know");
        assertThat(R4Validation.errors(answer.path("systemActions").get(0).path("resource").toString())).isEmpty();

        order.put("occurrenceDateTime", "2024-07-01");
        assertThat(extension(coverageInformation(hook("order-sign", hook.toString())), "info-needed"))
                .as("a dated order").isNull();
        ObjectNode undatedNia = orderSign("62362", "Example Commercial Plan");
        ((ObjectNode) undatedNia.path("context").path("draftOrders").path("entry").get(0).path("resource")).remove("occurrenceDateTime");
        assertThat(extension(coverageInformation(hook("order-sign", undatedNia.toString())), "info-needed"))
                .as("no later version of nia-cg-310").isNull();
    }

    @Test
    void an_order_the_policy_does_not_list_is_said_to_be_unaddressed_never_not_covered() throws IOException {
        JsonNode info = coverageInformation(hook("order-sign", orderSign("99213", "Example Commercial Plan").toString()));
        assertThat(extension(info, "covered").path("valueCode").asText()).isEqualTo("conditional");
        assertThat(extension(info, "pa-needed")).isNull();
        assertThat(extension(info, "reason").path("valueCodeableConcept").path("text").asText())
                .isEqualTo("Not addressed by the member's policy");
    }

    @Test
    void a_payer_without_a_policy_gets_a_card_and_no_coverage_assertion() throws IOException {
        JsonNode answer = hook("order-sign", orderSign("62362", "Unknown Health Plan").toString());
        assertThat(answer.path("systemActions")).isEmpty();
        assertThat(answer.path("cards").get(0).path("summary").asText()).startsWith("Coverage rules unknown for this payer");
    }

    @Test
    void missing_prefetch_is_fetched_only_from_an_ehr_fhir_server_the_payer_configuration_lists(@TempDir Path dir)
            throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer ehr = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ObjectNode hook = orderSign("62362", "Example Commercial Plan");
        JsonNode prefetched = hook.remove("prefetch");
        String patient = prefetched.path("patient").toString();
        String coverages = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
                + prefetched.path("coverage") + "}]}";
        ehr.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().toString() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (exchange.getRequestURI().getPath().contains("/Patient/") ? patient : coverages)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ehr.start();
        String listed = "http://127.0.0.1:" + ehr.getAddress().getPort() + "/r4";
        Path payers = dir.resolve("payers.yaml");
        java.nio.file.Files.writeString(payers, java.nio.file.Files.readString(DtrOperationsTest.ROOT.resolve("examples/payers.yaml"))
                + "fhirServers:\n  - " + listed + "\n");
        try (FhirServer server = new FhirServer(Clock.fixed(Instant.parse("2024-03-05T10:00:00Z"), ZoneOffset.UTC),
                Optional.of(payers), Optional.empty())) {
            String ehrKey = server.service.keys().create(Role.SUBMITTER, "ehr");
            hook.putObject("fhirAuthorization").put("access_token", "EHR-TOKEN").put("token_type", "Bearer");

            hook.put("fhirServer", listed);
            FhirServer.Response fetched = server.post("/cds-services/order-sign", ehrKey, hook.toString());
            JsonNode info = coverageInformation(JSON.readTree(fetched.body()));
            assertThat(extension(info, "pa-needed").path("valueCode").asText()).isEqualTo("auth-needed");
            assertThat(seen).containsExactly("/r4/Patient/example Bearer EHR-TOKEN",
                    "/r4/Coverage?patient=example&status=active Bearer EHR-TOKEN");

            // The same listener under another path, and a look-alike host: not fetched, and the card says why.
            seen.clear();
            for (String other : List.of("http://127.0.0.1:" + ehr.getAddress().getPort() + "/r4x",
                    "http://127.0.0.1:" + ehr.getAddress().getPort() + "/", "http://localhost:" + ehr.getAddress().getPort() + "/r4")) {
                hook.put("fhirServer", other);
                JsonNode answer = JSON.readTree(server.post("/cds-services/order-sign", ehrKey, hook.toString()).body());
                assertThat(answer.path("systemActions")).as(other).isEmpty();
                assertThat(answer.path("cards").get(0).path("detail").asText()).as(other)
                        .contains("the hook's fhirServer is not one of the EHR FHIR servers the payer configuration lists");
            }
            assertThat(seen).as("nothing fetched from a server not listed").isEmpty();
        } finally {
            ehr.stop(0);
        }
    }

    @Test
    void hooks_need_a_key_and_a_hook_request() {
        assertThat(fhir.post("/cds-services/order-sign", null, "{}").status()).isEqualTo(401);
        FhirServer.Response r = fhir.post("/cds-services/order-sign", key, "{\"hook\":\"order-sign\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":\"the body must be a CDS Hooks request: hook, hookInstance and context are required\"}");
        assertThat(fhir.post("/cds-services/no-such-hook", key, "{}").status()).isEqualTo(404);
    }

    @Test
    void every_hook_is_answered_and_each_updated_order_is_valid_r4() throws IOException {
        List<String> errors = new ArrayList<>();
        for (String service : List.of("order-sign", "order-select", "order-dispatch", "appointment-book", "encounter-start")) {
            ObjectNode hook = orderSign("62362", "Example Commercial Plan").put("hook", service);
            JsonNode answer = hook(service, hook.toString());
            for (JsonNode action : answer.path("systemActions")) {
                errors.addAll(R4Validation.errors(action.path("resource").toString()));
            }
        }
        for (String code : List.of("62365", "62369", "62324", "99213")) {
            for (JsonNode action : hook("order-sign", orderSign(code, "Blue Shield of California").toString()).path("systemActions")) {
                errors.addAll(R4Validation.errors(action.path("resource").toString()));
            }
        }
        assertThat(errors).isEmpty();
    }
}
