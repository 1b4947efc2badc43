package org.pumpauth.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

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

    static String json(Bundle bundle) {
        return Fhir.json().encodeResourceToString(bundle);
    }

    /** {@code request}'s facts as answers, one item per field path; a list of objects as repeated groups. */
    static QuestionnaireResponse questionnaireResponse(JsonNode request) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        addItems(response.getItem(), request, "");
        return response;
    }

    private static void addItems(List<QuestionnaireResponseItemComponent> items, JsonNode node, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (NOT_ANSWERS.contains(path) || value.isNull()) {
                continue;
            }
            if (value.isObject()) {
                addItems(items, value, path + ".");
            } else if (value.isArray() && (value.isEmpty() || value.get(0).isObject())) {
                if (value.isEmpty()) {
                    items.add(new QuestionnaireResponseItemComponent().setLinkId(path));
                }
                for (JsonNode entry : value) {
                    QuestionnaireResponseItemComponent group = new QuestionnaireResponseItemComponent().setLinkId(path);
                    addItems(group.getItem(), entry, "");
                    items.add(group);
                }
            } else {
                QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent().setLinkId(path);
                if (value.isArray()) {
                    value.forEach(v -> item.addAnswer().setValue(answer(v)));
                } else {
                    item.addAnswer().setValue(answer(value));
                }
                items.add(item);
            }
        }
    }

    private static Type answer(JsonNode value) {
        if (value.isBoolean()) {
            return new BooleanType(value.booleanValue());
        }
        if (value.isInt()) {
            return new IntegerType(value.intValue());
        }
        if (value.isNumber()) {
            return new DecimalType(value.decimalValue());
        }
        return new StringType(value.asText());
    }
}
