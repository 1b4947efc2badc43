package org.pumpauth.fhir.pas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.pumpauth.server.cases.CaseStatus;
import org.pumpauth.server.cases.ReviewCase;

/**
 * A case of the service as a PAS response Bundle: the ClaimResponse first (each item's X12 306 review
 * action: A1 certified for an approval, A3 not certified only after a physician's denial, with its
 * reason, A4 pended otherwise, with what is missing; the case id as the preauth number; the
 * determination's reasons as process notes), then the Patient and organizations it references.
 */
public final class ClaimResponses {
    static final String REVIEW_ACTION = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction";
    static final String REVIEW_ACTION_CODE = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewActionCode";
    static final String X12_306 = "https://codesystem.x12.org/005010/306";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimResponses() {
    }

    /** The X12 306 review action of a case's status, with its display. */
    static Coding reviewAction(CaseStatus status) {
        switch (status) {
            case APPROVED:
                return new Coding(X12_306, "A1", "Certified in total");
            case DENIED:
                return new Coding(X12_306, "A3", "Not Certified");
            default:
                return new Coding(X12_306, "A4", "Pended");
        }
    }

    /** The response bundle for {@code reviewCase}, answering the Claim of {@code pas}. */
    public static Bundle of(ReviewCase reviewCase, PasBundle pas, Instant now) {
        Claim claim = pas.claim();
        JsonNode determination = determination(reviewCase);
        ClaimResponse response = new ClaimResponse();
        response.setId(reviewCase.id());
        for (Identifier identifier : claim.getIdentifier()) {
            response.addIdentifier(new Identifier().setSystem(identifier.getSystem()).setValue(identifier.getValue()));
        }
        response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
        response.setType(claim.hasType() ? claim.getType().copy() : new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/claim-type", "professional", "Professional")));
        response.setUse(ClaimResponse.Use.PREAUTHORIZATION);
        response.setPatient(claim.getPatient().copy());
        response.setCreated(Date.from(now));
        response.setInsurer(claim.hasInsurer() ? claim.getInsurer().copy() : pas.coverage().getPayorFirstRep().copy());
        if (claim.hasProvider()) {
            response.setRequestor(claim.getProvider().copy());
        }
        if (claim.hasIdentifier()) {
            response.setRequest(new Reference().setType("Claim").setIdentifier(new Identifier()
                    .setSystem(claim.getIdentifierFirstRep().getSystem()).setValue(claim.getIdentifierFirstRep().getValue())));
        }
        CaseStatus status = reviewCase.status();
        response.setOutcome(status.isFinal() ? ClaimResponse.RemittanceOutcome.COMPLETE : ClaimResponse.RemittanceOutcome.QUEUED);
        response.setDisposition(disposition(reviewCase, determination));
        response.setPreAuthRef(reviewCase.id());
        Coding action = reviewAction(status);
        int items = Math.max(1, claim.getItem().size());
        for (int i = 0; i < items; i++) {
            int sequence = claim.getItem().isEmpty() ? 1 : claim.getItem().get(i).getSequence();
            ClaimResponse.AdjudicationComponent adjudication = response.addItem().setItemSequence(sequence).addAdjudication();
            adjudication.setCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/adjudication",
                    "submitted", "Submitted Amount")));
            Extension reviewAction = adjudication.addExtension().setUrl(REVIEW_ACTION);
            reviewAction.addExtension("number", new StringType(reviewCase.id()));
            reviewAction.addExtension(REVIEW_ACTION_CODE, new CodeableConcept(action.copy()));
            if (status == CaseStatus.DENIED && reviewCase.decision().isPresent()) {
                // The physician's own reason, as the denial letter gives it.
                reviewAction.addExtension("reasonCode", new CodeableConcept().setText(reviewCase.decision().get().rationale()));
            }
        }
        int note = 1;
        for (JsonNode reason : determination.path("reasons")) {
            response.addProcessNote().setNumber(note++).setType(Enumerations.NoteType.DISPLAY).setText(reason.asText());
        }
        if (!status.isFinal()) {
            for (JsonNode missing : determination.path("missingInformation")) {
                response.addProcessNote().setNumber(note++).setType(Enumerations.NoteType.DISPLAY)
                        .setText("Missing " + missing.path("field").asText() + ": " + missing.path("request").asText());
            }
        }
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION).setTimestamp(Date.from(now));
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + java.util.UUID.randomUUID()));
        bundle.addEntry().setFullUrl("urn:uuid:" + reviewCase.id()).setResource(response);
        Set<Resource> added = new HashSet<>();
        for (Bundle.BundleEntryComponent entry : pas.bundle().getEntry()) {
            Resource resource = entry.getResource();
            boolean party = resource instanceof Patient || resource instanceof Organization || resource instanceof Practitioner
                    || resource instanceof PractitionerRole;
            if (party && entry.hasFullUrl() && added.add(resource)) {
                // Without the sender's narrative: the response stays small, and its XHTML is not written again.
                Resource copy = resource.copy();
                if (copy instanceof org.hl7.fhir.r4.model.DomainResource) {
                    ((org.hl7.fhir.r4.model.DomainResource) copy).setText(null);
                }
                bundle.addEntry().setFullUrl(entry.getFullUrl()).setResource(copy);
            }
        }
        return bundle;
    }

    /** One sentence: where the case stands and, for a decision, by whom it was made. */
    private static String disposition(ReviewCase reviewCase, JsonNode determination) {
        String policy = determination.path("policy").path("id").asText(reviewCase.policy());
        switch (reviewCase.status()) {
            case APPROVED:
                return "Certified: the request meets the criteria of " + policy
                        + (reviewCase.decision().map(d -> d.by().equals("system") ? "" : " (approved by a reviewer)").orElse(""));
            case DENIED:
                return "Not certified by a physician reviewer under " + policy + ": "
                        + reviewCase.decision().map(ReviewCase.Decision::rationale).orElse("see the reasons");
            case INFORMATION_REQUESTED:
                return "Pended: information is missing (listed in the process notes); send it in a new submission of"
                        + " this Claim with a QuestionnaireResponse";
            case RECONSIDERATION:
                return "Pended: the denial is being reconsidered";
            default:
                return "Pended for physician review under " + policy + " (outcome "
                        + determination.path("outcome").asText("unknown") + ")";
        }
    }

    private static JsonNode determination(ReviewCase reviewCase) {
        try {
            return reviewCase.latest().isEmpty() ? JSON.createObjectNode() : JSON.readTree(reviewCase.latest().get().json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
