package org.pumpauth.fhir.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pumpauth.fhir.Payers;
import org.pumpauth.fhir.dtr.Dtr;
import org.pumpauth.policy.PolicyRegistry;

/**
 * Each order's coverage information is written with Jackson into HAPI's encoding of the order: the answer
 * must be the one HAPI alone writes, byte for byte, for every hook (the shared Da Vinci hooks, the shipped
 * example, every code the policies list under every payer, every hook name, orders dated and undated, orders
 * with extensions of their own and text that JSON escapes).
 */
class CoverageInformationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();

    @Test
    void every_answer_is_the_one_hapi_alone_writes() throws IOException {
        PolicyRegistry registry = PolicyRegistry.builtIn();
        Payers payers = Payers.read(ROOT.resolve("examples/payers.yaml"),
                registry.policies().stream().map(p -> p.id()).collect(Collectors.toSet()), Optional.of("nia-cg-310"));
        for (String day : List.of("2024-03-05T10:00:00Z", "2026-12-04T10:00:00Z")) {
            Dtr dtr = new Dtr(registry, payers, Clock.fixed(Instant.parse(day), ZoneOffset.UTC));
            Crd jackson = new Crd(dtr);
            Crd hapi = new Crd(dtr, true);
            int actions = 0;
            for (String[] hook : hooks(registry)) {
                String expected = hapi.call(hook[0], hook[1].getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
                String actual = jackson.call(hook[0], hook[1].getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
                assertThat(actual).as(hook[1]).isEqualTo(expected);
                actions += JSON.readTree(actual).path("systemActions").size();
            }
            assertThat(actions).isGreaterThan(100);
        }
    }

    /** {hook name, request} pairs. */
    private static List<String[]> hooks(PolicyRegistry registry) throws IOException {
        List<String[]> hooks = new ArrayList<>();
        Path shared = ROOT.resolve("fhir/src/test/resources/davinci/crd");
        hooks.add(new String[] {"order-sign", Files.readString(shared.resolve("order_sign_hook_request.json"))});
        hooks.add(new String[] {"order-select", Files.readString(shared.resolve("order_select_hook_request.json"))});
        hooks.add(new String[] {"order-sign", Files.readString(ROOT.resolve("fhir/examples/crd-order-sign.json"))});
        List<String> codes = Files.readAllLines(ROOT.resolve("policies/codes.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.startsWith("code\t") && !l.isBlank())
                .map(l -> l.split("\t")[0]).collect(Collectors.toList());
        codes.add("99213"); // a code no policy lists
        List<String> payers = List.of("Example Commercial Plan", "Example Medicare Advantage Plan", "Original Medicare",
                "Blue Cross and Blue Shield of North Carolina", "Blue Shield of California");
        for (String payer : payers) {
            for (String code : codes) {
                hooks.add(new String[] {"order-sign", hook("order-sign", code, payer, "2024-03-18", false).toString()});
            }
        }
        for (String name : Crd.HOOKS) {
            hooks.add(new String[] {name, hook(name, "62362", "Example Commercial Plan", "2024-03-18", false).toString()});
        }
        for (String code : List.of("62362", "62350", "62369", "E0783")) {
            hooks.add(new String[] {"order-sign", hook("order-sign", code, "Example Medicare Advantage Plan", null, true).toString()});
            hooks.add(new String[] {"order-sign", hook("order-sign", code, "Blue Shield of California", "2031-01-02", true).toString()});
        }
        return hooks;
    }

    private static ObjectNode hook(String name, String code, String payer, String date, boolean decorated) {
        ObjectNode hook = JSON.createObjectNode().put("hook", name).put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
        ObjectNode context = hook.putObject("context").put("userId", "Practitioner/example").put("patientId", "example");
        ObjectNode order = JSON.createObjectNode();
        order.put("resourceType", "ServiceRequest").put("id", "pump-1").put("status", "draft").put("intent", "original-order");
        if (decorated) {
            order.putObject("meta").putArray("profile").add("http://hl7.org/fhir/us/davinci-crd/StructureDefinition/profile-servicerequest");
            order.putArray("extension").addObject().put("url", "https://ehr.example/ext/ordering-note")
                    .put("valueString", "pump \"SynchroMed\" – rückfrage\n<ok>");
        }
        ObjectNode concept = order.putObject("code");
        concept.putArray("coding").addObject().put("system", "http://www.ama-assn.org/go/cpt").put("code", code);
        if (decorated) {
            concept.put("text", "Pumpe «implant» \u2028 ok");
        }
        order.putObject("subject").put("reference", "Patient/example");
        if (date != null) {
            order.put("occurrenceDateTime", date);
        }
        order.putArray("reasonCode").addObject().putArray("coding").addObject()
                .put("system", "http://hl7.org/fhir/sid/icd-10-cm").put("code", "G89.4");
        ObjectNode orders = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        orders.putArray("entry").addObject().set("resource", order);
        context.set(name.equals("appointment-book") ? "appointments" : "draftOrders", orders);
        ObjectNode prefetch = hook.putObject("prefetch");
        prefetch.putObject("patient").put("resourceType", "Patient").put("id", "example").put("birthDate", "1961-05-09")
                .put("gender", "female");
        ObjectNode coverage = prefetch.putObject("coverage").put("resourceType", "Coverage").put("id", "cov-1").put("status", "active");
        coverage.putObject("beneficiary").put("reference", "Patient/example");
        coverage.putArray("payor").addObject().put("display", payer);
        if (decorated) {
            coverage.putObject("period").put("start", "2024-01-01").put("end", "2030-12-31");
        }
        return hook;
    }

    @Test
    void the_order_is_left_as_it_was() throws IOException {
        JsonNode shipped = JSON.readTree(ROOT.resolve("fhir/examples/crd-order-sign.json").toFile());
        org.hl7.fhir.r4.model.ServiceRequest order = (org.hl7.fhir.r4.model.ServiceRequest) org.pumpauth.fhir.Fhir.parse(
                (ObjectNode) shipped.path("context").path("draftOrders").path("entry").get(0).path("resource"));
        String before = org.pumpauth.fhir.Fhir.json().encodeResourceToString(order);
        CoverageInformation info = new CoverageInformation().code("covered", "conditional").date("2024-03-05");
        assertThat(info.onto(order)).isEqualTo(info.hapiOnto(order)).contains("\"valueCode\":\"conditional\"");
        assertThat(org.pumpauth.fhir.Fhir.json().encodeResourceToString(order)).isEqualTo(before);
    }
}
