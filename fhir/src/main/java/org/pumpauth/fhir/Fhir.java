package org.pumpauth.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.instance.model.api.IBaseResource;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DeviceRequest;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Subscription;

/**
 * The one HAPI FHIR R4 context of the process, and reading JSON into it. Building the context and the first
 * parse cost seconds: {@link #warm()} pays them when the server starts, not on the first request of an EHR.
 */
public final class Fhir {
    public static final String MEDIA_TYPE = "application/fhir+json";
    private static final FhirContext R4 = FhirContext.forR4Cached();
    /**
     * Reads JSON as HAPI's own parser does (decimals exact, a leading plus allowed), so a resource inside a
     * larger JSON document (a CDS Hooks request) is handed to HAPI as the tree already read, not written out
     * and read again.
     */
    public static final ObjectMapper TREE = JsonMapper.builder().enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .nodeFactory(new JsonNodeFactory(true)).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private Fhir() {
    }

    public static FhirContext context() {
        return R4;
    }

    /** A JSON parser (parsers are cheap and not shared between threads). */
    public static IParser json() {
        return R4.newJsonParser();
    }

    /** The resource a JSON object read with {@link #TREE} is; HAPI's exceptions as {@link #json()}'s parse throws them. */
    public static IBaseResource parse(ObjectNode json) {
        return parse(json, json());
    }

    /** As {@link #parse(ObjectNode)}, with a parser configured by the caller (its error handler, say). */
    public static IBaseResource parse(ObjectNode json, IParser parser) {
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject(json);
        return ((IJsonLikeParser) parser).parseResource(structure);
    }

    /**
     * Removes the narrative ({@code text}) of a resource, of its contained resources and of the resources of
     * its entries or parameters, in place. HAPI builds an XHTML parser, with its table of every HTML entity,
     * for each narrative it reads (the seven of the shared PAS example bundle took about a sixth of the CPU of
     * a {@code $submit} in a profile), and pumpauth neither reads nor returns a sender's narrative.
     */
    public static ObjectNode withoutNarratives(ObjectNode resource) {
        if (resource.path("resourceType").isTextual()) {
            if (resource.path("text").isObject()) {
                resource.remove("text");
            }
            for (JsonNode contained : resource.path("contained")) {
                if (contained.isObject()) {
                    withoutNarratives((ObjectNode) contained);
                }
            }
            for (String list : new String[] {"entry", "parameter"}) {
                for (JsonNode item : resource.path(list)) {
                    if (item.path("resource").isObject()) {
                        withoutNarratives((ObjectNode) item.path("resource"));
                    }
                }
            }
        }
        return resource;
    }

    /**
     * Loads HAPI's definitions of every resource type the API reads or writes, and parses and writes a bundle
     * of them once (the parser's classes, the narrative's XHTML parser): about two seconds, paid at start-up
     * on a thread of its own ({@code FhirModule.warmUp}) rather than by the first EHR request.
     */
    public static void warm() {
        List<Resource> resources = List.of(new Claim(), new ClaimResponse(), new Patient(), new Coverage(), new Organization(),
                new Practitioner(), new PractitionerRole(), new ServiceRequest(), new DeviceRequest(), new Procedure(),
                new MedicationRequest(), new QuestionnaireResponse(), new Questionnaire(), new OperationOutcome(),
                new Parameters(), new Subscription(), new CapabilityStatement());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (Resource resource : resources) {
            R4.getResourceDefinition(resource);
            bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.nameUUIDFromBytes(resource.fhirType().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8))).setResource(resource);
        }
        Patient patient = (Patient) resources.get(2);
        patient.getText().setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED)
                .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">warm-up</div>");
        try {
            parse((ObjectNode) TREE.readTree(json().encodeResourceToString(bundle)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
