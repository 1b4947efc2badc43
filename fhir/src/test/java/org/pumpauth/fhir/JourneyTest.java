package org.pumpauth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;
import org.pumpauth.fhir.dtr.Answers;
import org.pumpauth.server.access.Role;

/**
 * The whole Da Vinci journey of one pump implant, over real HTTP on one server: CRD {@code order-sign}
 * says documentation is needed and names the pathway's DTR questionnaire; {@code $questionnaire-package}
 * gives it; the EHR answers all but the psychological evaluation and submits through PAS, which pends
 * (A4) listing what is missing; {@code $next-question} asks for the evaluation, whose answers show it does
 * not document the member's willingness; the same Claim is submitted again and stays pended, now for a
 * physician; the physician denies on {@code /v1}; {@code $inquire} answers A3 with the physician's
 * reason, the rest-hook subscriber (a listener on 127.0.0.1) was sent the decision, and {@code /v1}
 * shows the same case denied. Every FHIR answer is valid R4.
 */
class JourneyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INFO = "http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information";
    private static final String REVIEW_ACTION = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction";
    private static final String PATHWAY = "https://pumpauth.org/fhir/Questionnaire/nia-cg-310-2024-01-01-implant-chronic-pain";
    private static final String RATIONALE = "The psychological evaluation does not document willingness to take part in"
            + " pump therapy; NIA requires it before a permanent pump.";

    private final List<String> fhirAnswers = new ArrayList<>();

    private FhirServer.Response fhir(FhirServer.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith(Fhir.MEDIA_TYPE);
        fhirAnswers.add(r.body());
        return r;
    }

    private static String reviewAction(ClaimResponse response) {
        Extension action = response.getItemFirstRep().getAdjudicationFirstRep().getExtensionByUrl(REVIEW_ACTION);
        return ((CodeableConcept) action.getExtensionByUrl(
                "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewActionCode").getValue())
                .getCodingFirstRep().getCode();
    }

    private static ClaimResponse claimResponse(FhirServer.Response r) {
        return (ClaimResponse) r.resource(Bundle.class).getEntryFirstRep().getResource();
    }

    private static List<String> notes(ClaimResponse response) {
        return response.getProcessNote().stream().map(ClaimResponse.NoteComponent::getText).toList();
    }

    @Test
    void crd_dtr_pas_pend_more_information_a_physician_denial_inquire_and_the_subscriber() throws Exception {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subscriber.createContext("/pas-notifications", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        subscriber.start();
        try (FhirServer server = new FhirServer(Clock.fixed(Instant.parse("2024-03-05T10:00:00Z"), ZoneOffset.UTC),
                Optional.of(DtrOperationsTest.ROOT.resolve("examples/payers.yaml")), Optional.empty())) {
            String ehr = server.service.keys().create(Role.SUBMITTER, "ehr");
            String physician = server.service.keys().create(Role.PHYSICIAN, "dr-journey");

            // 0. The EHR subscribes to PAS decisions (full resource, so the notification carries the ClaimResponse).
            Subscription subscription = PasFixtures.subscription(
                    "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/pas-notifications");
            FhirServer.Response subscribed = server.post("/fhir/Subscription", ehr, Fhir.json().encodeResourceToString(subscription));
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
            fhirAnswers.add(subscribed.body());

            // 1. CRD order-sign: a programmable pump implant (62362) needs authorization and clinical documentation,
            //    and the answer names the pathway's questionnaire.
            FhirServer.Response hook = server.post("/cds-services/order-sign", ehr,
                    CrdHooksTest.orderSign("62362", "Example Commercial Plan").toString());
            assertThat(hook.status()).as(hook.body()).isEqualTo(200);
            JsonNode action = JSON.readTree(hook.body()).path("systemActions").get(0);
            fhirAnswers.add(action.path("resource").toString());
            List<String> docNeeded = new ArrayList<>();
            List<String> questionnaires = new ArrayList<>();
            for (JsonNode e : action.path("resource").path("extension")) {
                if (e.path("url").asText().equals(INFO)) {
                    for (JsonNode part : e.path("extension")) {
                        if (part.path("url").asText().equals("doc-needed")) {
                            docNeeded.add(part.path("valueCode").asText());
                        } else if (part.path("url").asText().equals("questionnaire")) {
                            questionnaires.add(part.path("valueCanonical").asText());
                        }
                    }
                }
            }
            assertThat(docNeeded).containsExactly("clinical");
            assertThat(questionnaires).anyMatch(q -> q.startsWith(PATHWAY));

            // 2. DTR: the package for the order holds that questionnaire.
            Parameters in = Fhir.json().parseResource(Parameters.class,
                    DtrOperationsTest.resource("dtr/questionnaire_package_input_params_conformant.json"));
            org.hl7.fhir.r4.model.Coverage coverage = (org.hl7.fhir.r4.model.Coverage) in.getParameterFirstRep().getResource();
            coverage.getPayor().clear();
            coverage.addPayor().setDisplay("Example Commercial Plan");
            ServiceRequest order = (ServiceRequest) in.getParameter().get(1).getResource();
            order.setCode(new CodeableConcept(new Coding("http://www.ama-assn.org/go/cpt", "62362", null)));
            order.getReasonCode().clear();
            order.addReasonCode().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "G89.4", null));
            order.setOccurrence(new DateTimeType("2024-03-18"));
            Parameters packages = fhir(server.post("/fhir/Questionnaire/$questionnaire-package", ehr,
                    Fhir.json().encodeResourceToString(in))).resource(Parameters.class);
            Questionnaire questionnaire = packages.getParameter().stream()
                    .map(p -> (Questionnaire) ((Bundle) p.getResource()).getEntryFirstRep().getResource())
                    .filter(q -> q.getUrl().equals(PATHWAY)).findFirst().orElseThrow();
            assertThat(questionnaire.getItem()).isNotEmpty();

            // 3. The clinician answers everything but the psychological evaluation (not yet at hand).
            ObjectNode facts = (ObjectNode) PasFixtures.example("nia-implant-chronic-pain.json").deepCopy();
            ObjectNode evaluation = (ObjectNode) facts.remove("psychEvaluation");
            evaluation.put("documentsWillingness", false);
            QuestionnaireResponse partial = Answers.fromRequest(answersOnly(facts));
            partial.setQuestionnaire(questionnaire.getUrl()).setStatus(QuestionnaireResponseStatus.INPROGRESS);

            // 4. PAS $submit pends it (A4), listing what is missing.
            String claimId = "JOURNEY-1";
            ClaimResponse pended = claimResponse(fhir(server.post("/fhir/Claim/$submit", ehr,
                    PasFixtures.json(PasFixtures.pump(facts, claimId, partial.copy())))));
            assertThat(reviewAction(pended)).isEqualTo("A4");
            assertThat(pended.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.QUEUED);
            assertThat(notes(pended)).contains("Missing psychEvaluation.completed: Attach the completed psychological evaluation.");
            String caseId = pended.getPreAuthRef();

            // 5. $next-question asks for the evaluation's fields only; they are answered.
            QuestionnaireResponse asked = fhir(server.post("/fhir/Questionnaire/$next-question", ehr,
                    nextQuestion(partial, coverage))).resource(QuestionnaireResponse.class);
            assertThat(asked.getStatus()).isEqualTo(QuestionnaireResponseStatus.INPROGRESS);
            List<QuestionnaireResponseItemComponent> questions = asked.getItem().stream()
                    .filter(i -> !i.hasAnswer() && !i.hasItem()).toList();
            assertThat(questions).extracting(QuestionnaireResponseItemComponent::getLinkId)
                    .isNotEmpty().allMatch(linkId -> linkId.startsWith("psychEvaluation."));
            for (QuestionnaireResponseItemComponent question : questions) {
                JsonNode value = evaluation.path(question.getLinkId().substring("psychEvaluation.".length()));
                question.addAnswer().setValue(value.isBoolean() ? new BooleanType(value.asBoolean())
                        : value.asText().matches("\\d{4}-\\d{2}-\\d{2}") ? new DateType(value.asText()) : new StringType(value.asText()));
            }
            QuestionnaireResponse answered = fhir(server.post("/fhir/Questionnaire/$next-question", ehr,
                    nextQuestion(asked, coverage))).resource(QuestionnaireResponse.class);
            assertThat(answered.getStatus()).as("the outcome no longer waits on information").isEqualTo(QuestionnaireResponseStatus.COMPLETED);

            // 6. The same Claim again, with the completed response: the same case, now pended for a physician.
            ClaimResponse forPhysician = claimResponse(fhir(server.post("/fhir/Claim/$submit", ehr,
                    PasFixtures.json(PasFixtures.pump(facts, claimId, answered)))));
            assertThat(forPhysician.getPreAuthRef()).isEqualTo(caseId);
            assertThat(reviewAction(forPhysician)).as("the engine never denies: a physician must").isEqualTo("A4");
            assertThat(forPhysician.getDisposition()).startsWith("Pended for physician review under nia-cg-310");
            assertThat(notes(forPhysician)).anyMatch(n -> n.startsWith("Not met: Documentation of a completed psychological assessment"));
            assertThat(notes(forPhysician)).noneMatch(n -> n.startsWith("Missing "));

            // 7. The physician denies through the workspace API.
            FhirServer.Response decided = server.post("/v1/cases/" + caseId + "/decision", physician,
                    JSON.createObjectNode().put("decision", "deny").put("rationale", RATIONALE).toString(), "application/json");
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);

            // 8. $inquire answers A3 with the physician's reason.
            ClaimResponse inquired = claimResponse(fhir(server.post("/fhir/Claim/$inquire", ehr,
                    PasFixtures.json(PasFixtures.pump(facts, claimId, answered)))));
            assertThat(inquired.getPreAuthRef()).isEqualTo(caseId);
            assertThat(reviewAction(inquired)).isEqualTo("A3");
            assertThat(inquired.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
            Extension reason = inquired.getItemFirstRep().getAdjudicationFirstRep().getExtensionByUrl(REVIEW_ACTION)
                    .getExtensionByUrl("reasonCode");
            assertThat(((CodeableConcept) reason.getValue()).getText()).isEqualTo(RATIONALE);

            // 9. The subscriber was sent the decision.
            String notification = received.poll(20, TimeUnit.SECONDS);
            assertThat(notification).as("a notification within 20 s").isNotNull();
            fhirAnswers.add(notification);
            Bundle history = Fhir.json().parseResource(Bundle.class, notification);
            Parameters status = (Parameters) history.getEntryFirstRep().getResource();
            Reference focus = (Reference) status.getParameter("notification-event").getPart().stream()
                    .filter(p -> p.getName().equals("focus")).findFirst().orElseThrow().getValue();
            assertThat(focus.getReference()).isEqualTo("ClaimResponse/" + caseId);
            assertThat(reviewAction((ClaimResponse) history.getEntry().get(1).getResource())).isEqualTo("A3");
            assertThat(received.poll(1, TimeUnit.SECONDS)).as("one notification for one decision").isNull();

            // 10. The same decision on /v1.
            JsonNode onV1 = JSON.readTree(server.get("/v1/cases/" + caseId, ehr).body());
            assertThat(onV1.path("status").asText()).isEqualTo("denied");
            assertThat(onV1.path("requestId").asText()).endsWith("|" + claimId);
            assertThat(onV1.path("decision").path("rationale").asText()).isEqualTo(RATIONALE);

            List<String> errors = new ArrayList<>();
            for (String body : fhirAnswers) {
                ResponsesValidTest.errors(body).forEach(e -> errors.add(e + " in " + body.substring(0, Math.min(120, body.length()))));
            }
            assertThat(errors).isEmpty();
        } finally {
            subscriber.stop(0);
        }
    }

    /** SDC's $next-question input: the response so far, and the member's coverage (which says whose policy asks). */
    private static String nextQuestion(QuestionnaireResponse response, org.hl7.fhir.r4.model.Coverage coverage) {
        Parameters in = new Parameters();
        in.addParameter().setName("questionnaire-response").setResource(response.copy());
        in.addParameter().setName("coverage").setResource(coverage.copy());
        return Fhir.json().encodeResourceToString(in);
    }

    /** The request's facts an EHR answers in a questionnaire: not the Claim's own (codes, diagnoses, date, member). */
    private static ObjectNode answersOnly(ObjectNode request) {
        ObjectNode answers = request.deepCopy();
        answers.remove(List.of("requestId", "policy", "receivedAt", "urgency", "serviceDate", "member"));
        ((ObjectNode) answers.path("service")).remove("codes");
        ((ObjectNode) answers.path("indication")).remove("diagnosisCodes");
        return answers;
    }
}
