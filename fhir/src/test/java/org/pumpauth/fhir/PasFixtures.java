package org.pumpauth.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * The shared Da Vinci PAS payloads (copied from the guides' test kit into {@code pas/}), and PAS bundles
 * for pump requests: the conformant example bundle with its Claim's item, diagnoses and service date set
 * from one of {@code examples/}, and that example's facts as a QuestionnaireResponse (linkId = field path).
 */
final class PasFixtures {
    static final String CPT = "http://www.ama-assn.org/go/cpt";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields the Claim itself carries, or the service sets: not questionnaire answers. */
    private static final List<String> NOT_ANSWERS = List.of("requestId", "policy", "receivedAt", "urgency", "serviceDate",
            "member", "service.codes", "indication.diagnosisCodes");

    private PasFixtures() {
    }

    static String shared(String name) {
        try (InputStream in = PasFixtures.class.getResourceAsStream("/pas/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Bundle conformant() {
        return Fhir.json().parseResource(Bundle.class, shared("conformant_pas_bundle_v110.json"));
    }

    static Claim claim(Bundle bundle) {
        return (Claim) bundle.getEntryFirstRep().getResource();
    }

    static JsonNode example(String name) {
        try {
            return JSON.readTree(Files.readAllBytes(Path.of("..", "examples", name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The conformant bundle asking for {@code example}'s service, its facts in a QuestionnaireResponse; Claim identifier {@code id}. */
    static Bundle pump(String example, String id) {
        return pump(example(example), id);
    }

    static Bundle pump(JsonNode request, String id) {
        return pump(request, id, questionnaireResponse(request));
    }

    /** The conformant bundle asking for {@code request}'s service (codes, diagnoses, date), with {@code answers} as its supporting information. */
    static Bundle pump(JsonNode request, String id, QuestionnaireResponse answers) {
        Bundle bundle = conformant();
        Claim claim = claim(bundle);
        claim.getIdentifierFirstRep().setValue(id);
        Claim.ItemComponent item = claim.getItemFirstRep();
        CodeableConcept codes = new CodeableConcept();
        request.path("service").path("codes").forEach(code -> codes.addCoding(new Coding(CPT, code.asText(), null)));
        item.setProductOrService(codes);
        if (request.has("serviceDate")) {
            item.setServiced(new DateType(request.path("serviceDate").asText()));
        }
        claim.getDiagnosis().clear();
        int sequence = 1;
        for (JsonNode code : request.path("indication").path("diagnosisCodes")) {
            claim.addDiagnosis().setSequence(sequence++).setDiagnosis(new CodeableConcept(
                    new Coding("http://hl7.org/fhir/sid/icd-10-cm", code.asText(), null)));
        }
        answers.setId("PumpAnswers");
        answers.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        bundle.addEntry().setFullUrl("https://prior-auth.davinci.hl7.org/fhir/QuestionnaireResponse/PumpAnswers")
                .setResource(answers);
        claim.addSupportingInfo().setSequence(1).setCategory(new CodeableConcept(new Coding(
                "http://hl7.org/us/davinci-pas/CodeSystem/PASSupportingInfoType", "additionalInformation", null)))
                .setValue(new Reference("QuestionnaireResponse/PumpAnswers"));
        return bundle;
    }

    /** A rest-hook Subscription to PAS decisions at {@code endpoint}, full-resource (the notification carries the ClaimResponse). */
    static org.hl7.fhir.r4.model.Subscription subscription(String endpoint) {
        org.hl7.fhir.r4.model.Subscription subscription = new org.hl7.fhir.r4.model.Subscription();
        subscription.setStatus(org.hl7.fhir.r4.model.Subscription.SubscriptionStatus.REQUESTED).setReason("PAS decisions")
                .setCriteria(org.pumpauth.fhir.pas.Subscriptions.TOPIC);
        subscription.getChannel().setType(org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType.RESTHOOK)
                .setEndpoint(endpoint).setPayload(Fhir.MEDIA_TYPE).getPayloadElement().addExtension(
                        "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content",
                        new org.hl7.fhir.r4.model.CodeType("full-resource"));
        return subscription;
    }

    static String json(Bundle bundle) {
        return Fhir.json().encodeResourceToString(bundle);
    }

    /** {@code request}'s facts as DTR's answers ({@link Answers#fromRequest}), but for those the Claim itself carries. */
    static QuestionnaireResponse questionnaireResponse(JsonNode request) {
        com.fasterxml.jackson.databind.node.ObjectNode answers = (com.fasterxml.jackson.databind.node.ObjectNode) request.deepCopy();
        for (String path : NOT_ANSWERS) {
            int dot = path.lastIndexOf('.');
            JsonNode parent = dot < 0 ? answers : answers.path(path.substring(0, dot));
            if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) parent).remove(path.substring(dot + 1));
            }
        }
        return org.pumpauth.fhir.dtr.Answers.fromRequest(answers);
    }
}
