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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.cases.CaseQuery;

/**
 * PAS {@code Claim/$submit} and {@code $inquire} over the case service, on the shared Da Vinci payloads
 * and on pump requests made from the examples; notifications to a rest-hook subscriber on 127.0.0.1.
 */
class PasTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBMIT = "/fhir/Claim/$submit";
    private static final String INQUIRE = "/fhir/Claim/$inquire";
    private static FhirServer fhir;
    private static String ehr;
    private static String physician;

    @BeforeAll
    static void start() {
        // The example payer file maps the PAS examples' insurer to nia-cg-310; no default policy.
        fhir = new FhirServer(Clock.systemUTC(), Optional.of(Path.of("..", "examples", "payers.yaml")), Optional.empty());
        ehr = fhir.service.keys().create(Role.SUBMITTER, "ehr");
        physician = fhir.service.keys().create(Role.PHYSICIAN, "dr-a");
    }

    @AfterAll
    static void stop() {
        fhir.close();
    }

    private static ClaimResponse claimResponse(FhirServer.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Bundle bundle = r.resource(Bundle.class);
        return (ClaimResponse) bundle.getEntryFirstRep().getResource();
    }

    private static String reviewAction(ClaimResponse response) {
        Extension action = response.getItemFirstRep().getAdjudicationFirstRep().getExtensionByUrl(
                "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction");
        Coding code = ((org.hl7.fhir.r4.model.CodeableConcept) action.getExtensionByUrl(
                "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewActionCode").getValue()).getCodingFirstRep();
        assertThat(code.getSystem()).isEqualTo("https://codesystem.x12.org/005010/306");
        return code.getCode();
    }

    private static OperationOutcome.OperationOutcomeIssueComponent issue(FhirServer.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/fhir+json");
        return r.resource(OperationOutcome.class).getIssueFirstRep();
    }

    private static int casesOf(String key) {
        return fhir.service.cases().queue(fhir.service.keys().authenticate(key).orElseThrow(),
                new CaseQuery(Optional.empty(), Optional.empty(), Optional.empty(), 1000)).size();
    }

    @Test
    void a_request_that_meets_the_criteria_is_certified_A1_with_the_case_id_as_preauth_number_and_the_same_case_on_v1()
            throws IOException {
        ClaimResponse response = claimResponse(fhir.post(SUBMIT, ehr,
                PasFixtures.json(PasFixtures.pump("nia-trial-chronic-pain.json", "A1-TRIAL"))));
        assertThat(reviewAction(response)).isEqualTo("A1");
        assertThat(response.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
        assertThat(response.getDisposition()).startsWith("Certified: the request meets the criteria of nia-cg-310");
        JsonNode onV1 = JSON.readTree(fhir.get("/v1/cases/" + response.getPreAuthRef(), ehr).body());
        assertThat(onV1.path("status").asText()).isEqualTo("approved");
        assertThat(onV1.path("requestId").asText()).isEqualTo("https://prior-auth.davinci.hl7.org/fhir/PATIENT_EVENT_TRACE_NUMBER|A1-TRIAL");
    }

    @Test
    void the_readme_example_bundle_is_certified_and_inquired() throws IOException {
        String body = java.nio.file.Files.readString(Path.of("examples", "pas-trial-chronic-pain.json"));
        String key = fhir.service.keys().create(Role.SUBMITTER, "readme-ehr");
        ClaimResponse submitted = claimResponse(fhir.post(SUBMIT, key, body));
        assertThat(reviewAction(submitted)).isEqualTo("A1");
        ClaimResponse inquired = claimResponse(fhir.post(INQUIRE, key, body));
        assertThat(inquired.getPreAuthRef()).isEqualTo(submitted.getPreAuthRef());
        assertThat(reviewAction(inquired)).isEqualTo("A1");
    }

    @Test
    void the_same_claim_sent_again_is_the_same_case() {
        String body = PasFixtures.json(PasFixtures.pump("nia-trial-spasticity.json", "RETRY-1"));
        ClaimResponse first = claimResponse(fhir.post(SUBMIT, ehr, body));
        ClaimResponse again = claimResponse(fhir.post(SUBMIT, ehr, body));
        assertThat(again.getPreAuthRef()).isEqualTo(first.getPreAuthRef());
    }

    @Test
    void missing_information_pends_A4_listing_each_missing_field_and_a_new_submission_with_it_certifies() {
        ClaimResponse pended = claimResponse(fhir.post(SUBMIT, ehr,
                PasFixtures.json(PasFixtures.pump("nia-implant-pain-missing-psych.json", "A4-PSYCH"))));
        assertThat(reviewAction(pended)).isEqualTo("A4");
        assertThat(pended.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.QUEUED);
        assertThat(pended.getProcessNote()).extracting(ClaimResponse.NoteComponent::getText)
                .contains("Missing psychEvaluation.completed: Attach the completed psychological evaluation.");

        ObjectNode complete = (ObjectNode) PasFixtures.example("nia-implant-pain-missing-psych.json").deepCopy();
        ObjectNode psych = complete.putObject("psychEvaluation");
        psych.put("completed", true);
        psych.put("date", "2024-03-01");
        psych.put("documentsCognitiveAbility", true);
        psych.put("documentsPhysicalCapability", true);
        psych.put("documentsWillingness", true);
        ClaimResponse certified = claimResponse(fhir.post(SUBMIT, ehr, PasFixtures.json(PasFixtures.pump(complete, "A4-PSYCH"))));
        assertThat(certified.getPreAuthRef()).isEqualTo(pended.getPreAuthRef());
        assertThat(reviewAction(certified)).isEqualTo("A1");
    }

    @Test
    void a_physician_denial_on_v1_is_A3_with_its_reason_on_inquire_and_the_subscriber_is_notified() throws Exception {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/notify", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("Authorization") + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Subscription subscription = new Subscription();
            subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED).setReason("PAS decisions")
                    .setCriteria("http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic");
            subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
                    .setEndpoint("http://127.0.0.1:" + receiver.getAddress().getPort() + "/notify")
                    .addHeader("Authorization: Bearer receiver-token").setPayload("application/fhir+json")
                    .getPayloadElement().addExtension("http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content",
                            new org.hl7.fhir.r4.model.CodeType("full-resource"));
            FhirServer.Response created = fhir.post("/fhir/Subscription", ehr, Fhir.json().encodeResourceToString(subscription));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.resource(Subscription.class).getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);

            Bundle request = PasFixtures.pump("nia-trial-pain-not-met.json", "A3-DENIED");
            ClaimResponse pended = claimResponse(fhir.post(SUBMIT, ehr, PasFixtures.json(request)));
            assertThat(reviewAction(pended)).as("the engine never denies: a physician must").isEqualTo("A4");
            assertThat(pended.getDisposition()).startsWith("Pended for physician review under nia-cg-310");
            assertThat(pended.getProcessNote()).extracting(ClaimResponse.NoteComponent::getText)
                    .anyMatch(note -> note.startsWith("Not met: Failure to respond to non-operative conservative therapy"));

            FhirServer.Response denied = fhir.post("/v1/cases/" + pended.getPreAuthRef() + "/decision", physician,
                    "{\"decision\":\"deny\",\"rationale\":\"Six weeks of conservative therapy; the policy asks for twelve.\"}",
                    "application/json");
            assertThat(denied.status()).as(denied.body()).isEqualTo(200);

            ClaimResponse inquired = claimResponse(fhir.post(INQUIRE, ehr, PasFixtures.json(request)));
            assertThat(reviewAction(inquired)).isEqualTo("A3");
            Extension reason = inquired.getItemFirstRep().getAdjudicationFirstRep().getExtensionByUrl(
                    "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction").getExtensionByUrl("reasonCode");
            assertThat(((org.hl7.fhir.r4.model.CodeableConcept) reason.getValue()).getText())
                    .isEqualTo("Six weeks of conservative therapy; the policy asks for twelve.");

            String notification = received.poll(20, TimeUnit.SECONDS);
            assertThat(notification).as("a notification within 20 s").isNotNull();
            assertThat(notification).startsWith("Bearer receiver-token\n");
            String body = notification.substring(notification.indexOf('\n') + 1);
            Answers.keep(body);
            Bundle history = Fhir.json().parseResource(Bundle.class, body);
            assertThat(history.getType()).isEqualTo(Bundle.BundleType.HISTORY);
            Parameters status = (Parameters) history.getEntryFirstRep().getResource();
            assertThat(status.getParameter("type").getValue().primitiveValue()).isEqualTo("event-notification");
            Reference focus = (Reference) status.getParameter("notification-event").getPart().stream()
                    .filter(p -> p.getName().equals("focus")).findFirst().orElseThrow().getValue();
            assertThat(focus.getReference()).isEqualTo("ClaimResponse/" + pended.getPreAuthRef());
            ClaimResponse notified = (ClaimResponse) history.getEntry().get(1).getResource();
            assertThat(reviewAction(notified)).isEqualTo("A3");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void the_shared_conformant_bundle_asks_for_the_kind_of_pump_service_at_the_item_code() {
        OperationOutcome.OperationOutcomeIssueComponent issue = issue(
                fhir.post(SUBMIT, ehr, PasFixtures.shared("conformant_pas_bundle_v110.json")), 422);
        assertThat(issue.getExpression()).extracting(Object::toString).containsExactly("Claim.item[0].productOrService");
        assertThat(issue.getDiagnostics()).contains("linkId service.kind");
    }

    @Test
    void the_shared_nonconformant_bundle_is_refused_at_its_first_entry() {
        OperationOutcome.OperationOutcomeIssueComponent issue = issue(
                fhir.post(SUBMIT, ehr, PasFixtures.shared("nonconformant_pas_bundle_v110.json")), 400);
        assertThat(issue.getExpression()).extracting(Object::toString).containsExactly("Bundle.entry[0].resource");
        assertThat(issue.getDiagnostics()).isEqualTo("the first entry of a PAS request Bundle must be the Claim");
    }

    @Test
    void the_shared_claim_alone_and_the_shared_response_bundles_are_not_pas_request_bundles() {
        assertThat(issue(fhir.post(SUBMIT, ehr, PasFixtures.shared("pas_claim.json")), 400).getDiagnostics())
                .isEqualTo("the body must be a PAS request Bundle; it is a Claim");
        for (String response : List.of("valid_pa_response_bundle.json", "valid_pa_response_bundle_denial.json",
                "valid_pa_inquire_response_bundle.json")) {
            assertThat(issue(fhir.post(SUBMIT, ehr, PasFixtures.shared(response)), 400).getExpression())
                    .extracting(Object::toString).containsExactly("Bundle.entry[0].resource");
        }
    }

    @Test
    void the_shared_inquiry_of_a_claim_never_submitted_is_not_found_at_its_identifier() {
        OperationOutcome.OperationOutcomeIssueComponent issue = issue(
                fhir.post(INQUIRE, ehr, PasFixtures.shared("conformant_pas_inquire_bundle_v110.json")), 404);
        assertThat(issue.getExpression()).extracting(Object::toString).containsExactly("Claim.identifier");
    }

    @Test
    void bad_input_names_the_element_at_fault_and_stores_nothing() {
        String key = fhir.service.keys().create(Role.SUBMITTER, "bad-input-ehr");
        assertThat(issue(fhir.post(SUBMIT, key, "not json at all"), 400).getDiagnostics())
                .isEqualTo("the body is not a FHIR R4 resource in JSON (application/fhir+json)");

        Bundle noPatient = PasFixtures.pump("nia-trial-chronic-pain.json", "BAD-1");
        noPatient.getEntry().removeIf(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Patient);
        OperationOutcome.OperationOutcomeIssueComponent missing = issue(fhir.post(SUBMIT, key, PasFixtures.json(noPatient)), 422);
        assertThat(missing.getExpression()).extracting(Object::toString).containsExactly("Claim.patient");

        Bundle wrongType = PasFixtures.pump("nia-trial-chronic-pain.json", "BAD-2");
        PasFixtures.claim(wrongType).setPatient(new Reference("Organization/InsurerExample"));
        OperationOutcome.OperationOutcomeIssueComponent wrong = issue(fhir.post(SUBMIT, key, PasFixtures.json(wrongType)), 422);
        assertThat(wrong.getExpression()).extracting(Object::toString).containsExactly("Claim.patient");
        assertThat(wrong.getDiagnostics()).isEqualTo("Claim.patient must reference a Patient; it references an Organization");

        Bundle unknownPayer = PasFixtures.pump("nia-trial-chronic-pain.json", "BAD-3");
        unknownPayer.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof Organization && r.getIdElement().getIdPart().equals("InsurerExample"))
                .forEach(r -> ((Organization) r).getIdentifierFirstRep().setValue("000000").getExtension());
        OperationOutcome.OperationOutcomeIssueComponent payer = issue(fhir.post(SUBMIT, key, PasFixtures.json(unknownPayer)), 422);
        assertThat(payer.getExpression()).extracting(Object::toString).containsExactly("Coverage.payor");

        assertThat(casesOf(key)).as("nothing stored").isZero();
    }

    @Test
    void questionnaire_answers_are_read_as_dtr_reads_them_and_one_of_the_wrong_type_is_named_at_its_item() {
        String key = fhir.service.keys().create(Role.SUBMITTER, "answers-ehr");
        Bundle bundle = PasFixtures.pump("nia-implant-chronic-pain.json", "ANSWER-TYPE");
        org.hl7.fhir.r4.model.QuestionnaireResponse answers = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(org.hl7.fhir.r4.model.QuestionnaireResponse.class::isInstance)
                .map(org.hl7.fhir.r4.model.QuestionnaireResponse.class::cast).findFirst().orElseThrow();
        int psych = answers.getItem().indexOf(answers.getItem().stream()
                .filter(i -> i.getLinkId().equals("psychEvaluation.date")).findFirst().orElseThrow());
        answers.getItem().get(psych).getAnswerFirstRep().setValue(new org.hl7.fhir.r4.model.StringType("last January"));
        OperationOutcome.OperationOutcomeIssueComponent issue = issue(fhir.post(SUBMIT, key, PasFixtures.json(bundle)), 422);
        assertThat(issue.getExpression()).extracting(Object::toString)
                .containsExactly("QuestionnaireResponse.item[" + psych + "].answer[0]");
        assertThat(issue.getDiagnostics()).startsWith("item psychEvaluation.date takes").endsWith("(valueDate)")
                .doesNotContain("last January");
        assertThat(casesOf(key)).as("nothing stored").isZero();
    }

    @Test
    void a_key_revoked_after_it_submitted_is_refused_401_on_its_next_claim_and_its_replay_and_nothing_more_is_stored() {
        String key = fhir.service.keys().create(Role.SUBMITTER, "revoked-ehr");
        org.pumpauth.server.access.Caller caller = fhir.service.keys().authenticate(key).orElseThrow();
        String first = PasFixtures.json(PasFixtures.pump("nia-trial-chronic-pain.json", "REVOKED-1"));
        claimResponse(fhir.post(SUBMIT, key, first));
        fhir.service.keys().revoke("revoked-ehr", "admin");

        FhirServer.Response next = fhir.post(SUBMIT, key, PasFixtures.json(PasFixtures.pump("nia-trial-chronic-pain.json",
                "REVOKED-2")));
        assertThat(issue(next, 401).getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
        assertThat(issue(next, 401).getDiagnostics()).contains("the API key is not known");
        assertThat(issue(fhir.post(SUBMIT, key, first), 401).getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
        assertThat(fhir.service.cases().queue(caller, new CaseQuery(Optional.empty(), Optional.empty(), Optional.empty(), 10)))
                .as("only the case submitted before the revocation").hasSize(1);
    }

    @Test
    void without_a_key_the_answer_is_a_401_outcome() {
        FhirServer.Response r = fhir.post(SUBMIT, null, PasFixtures.shared("conformant_pas_bundle_v110.json"));
        assertThat(issue(r, 401).getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
    }
}
