package org.pumpauth.fhir.pas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.pumpauth.fhir.FhirException;
import org.pumpauth.fhir.Payers;
import org.pumpauth.fhir.dtr.Answers;

/**
 * A PAS Claim as a review request of the contract, mapped in this one place: the member from the
 * Patient, the codes from {@code Claim.item.productOrService} (and the requested ServiceRequest), the
 * diagnoses, {@code Claim.priority} as urgency, the first item's service date, the answers of a
 * {@code supportingInfo} QuestionnaireResponse as facts (read as DTR reads them, {@link Answers#toRequest}), attachments as documents, the policy from the
 * payer configuration. The Claim's identifier is the request id, so a retry is the same case.
 */
public final class ClaimRequests {
    static final String REQUESTED_SERVICE = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-requestedService";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern SERVICE_CODE = Pattern.compile("[0-9]{5}|[A-Z][0-9]{4}");
    private static final Map<String, String> KINDS = kinds();
    private static final int MAX_REQUEST_ID = 200;

    private ClaimRequests() {
    }

    /** The request id of a Claim: its first identifier, as {@code system|value} (or the value alone). */
    public static String requestId(Claim claim) {
        if (!claim.hasIdentifier() || !claim.getIdentifierFirstRep().hasValue()) {
            throw FhirException.invalid("Claim.identifier", "Claim.identifier is required: the identifier that makes a"
                    + " resubmission the same request");
        }
        Identifier identifier = claim.getIdentifierFirstRep();
        String id = identifier.hasSystem() ? identifier.getSystem() + "|" + identifier.getValue() : identifier.getValue();
        if (id.length() > MAX_REQUEST_ID) {
            throw FhirException.invalid("Claim.identifier[0]", "Claim.identifier[0]: system and value must be at most "
                    + MAX_REQUEST_ID + " characters together");
        }
        return id;
    }

    /** The review request of a PAS bundle, its policy chosen by {@code payers}. */
    public static ObjectNode of(PasBundle pas, Payers payers) {
        Claim claim = pas.claim();
        if (claim.getUse() != Claim.Use.PREAUTHORIZATION) {
            throw FhirException.unprocessable("Claim.use", "Claim.use must be preauthorization for Claim/$submit");
        }
        ObjectNode request = JSON.objectNode();
        request.put("requestId", requestId(claim));
        request.put("policy", payers.policyFor(pas.coverage(), pas::resolve));
        urgency(claim).ifPresent(u -> request.put("urgency", u));
        serviceDate(claim).ifPresent(d -> request.put("serviceDate", d));
        request.set("member", member(pas.patient()));
        ObjectNode service = request.putObject("service");
        Set<String> codes = codes(pas);
        ArrayNode codeArray = service.putArray("codes");
        codes.forEach(codeArray::add);
        ObjectNode indication = request.putObject("indication");
        ArrayNode diagnoses = indication.putArray("diagnosisCodes");
        for (int i = 0; i < claim.getDiagnosis().size(); i++) {
            Claim.DiagnosisComponent diagnosis = claim.getDiagnosis().get(i);
            if (diagnosis.hasDiagnosisCodeableConcept()) {
                for (Coding coding : diagnosis.getDiagnosisCodeableConcept().getCoding()) {
                    if (coding.hasCode() && (!coding.hasSystem() || coding.getSystem().contains("icd-10"))) {
                        diagnoses.add(coding.getCode());
                    }
                }
            } else if (diagnosis.hasDiagnosisReference()) {
                throw FhirException.unprocessable("Claim.diagnosis[" + i + "].diagnosisReference",
                        "Claim.diagnosis[" + i + "]: send the diagnosis as diagnosisCodeableConcept with an ICD-10-CM code");
            }
        }
        supportingInfo(pas, request);
        // The Claim's identifier and the payer's policy are not answers a questionnaire may change.
        request.put("requestId", requestId(claim));
        request.put("policy", payers.policyFor(pas.coverage(), pas::resolve));
        if (!service.has("kind")) {
            String kind = kind(codes).orElseThrow(() -> FhirException.unprocessable("Claim.item[0].productOrService",
                    "Claim.item.productOrService: no CPT or HCPCS code of the items names the kind of pump service"
                            + " (trial, implant, replacement, revision, removal or refill); send it as the answer of"
                            + " linkId service.kind in a QuestionnaireResponse of Claim.supportingInfo"));
            service.put("kind", kind);
        }
        return request;
    }

    private static Optional<String> urgency(Claim claim) {
        if (!claim.hasPriority()) {
            return Optional.empty();
        }
        for (Coding coding : claim.getPriority().getCoding()) {
            // processpriority: stat is expedited; normal and deferred are standard.
            if ("stat".equals(coding.getCode())) {
                return Optional.of("expedited");
            }
            if ("normal".equals(coding.getCode()) || "deferred".equals(coding.getCode())) {
                return Optional.of("standard");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> serviceDate(Claim claim) {
        for (Claim.ItemComponent item : claim.getItem()) {
            if (item.hasServicedDateType()) {
                return Optional.of(item.getServicedDateType().getValueAsString());
            }
            if (item.hasServicedPeriod() && item.getServicedPeriod().hasStart()) {
                return Optional.of(day(item.getServicedPeriod().getStart()));
            }
        }
        return Optional.empty();
    }

    private static String day(Date date) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(date);
    }

    private static ObjectNode member(Patient patient) {
        ObjectNode member = JSON.objectNode();
        if (patient.hasIdentifier() && patient.getIdentifierFirstRep().hasValue()) {
            member.put("id", patient.getIdentifierFirstRep().getValue());
        }
        if (patient.hasBirthDate()) {
            member.put("birthDate", patient.getBirthDateElement().getValueAsString());
        }
        if (patient.hasGender()) {
            member.put("sex", patient.getGender().toCode());
        }
        return member;
    }

    /** CPT and HCPCS codes of the items and of the ServiceRequests they name, in order. */
    private static Set<String> codes(PasBundle pas) {
        Set<String> codes = new LinkedHashSet<>();
        for (Claim.ItemComponent item : pas.claim().getItem()) {
            addCodes(codes, item.getProductOrService());
            for (Extension extension : item.getExtensionsByUrl(REQUESTED_SERVICE)) {
                if (extension.getValue() instanceof org.hl7.fhir.r4.model.Reference) {
                    pas.resolve((org.hl7.fhir.r4.model.Reference) extension.getValue())
                            .filter(ServiceRequest.class::isInstance)
                            .ifPresent(r -> addCodes(codes, ((ServiceRequest) r).getCode()));
                }
            }
        }
        return codes;
    }

    private static void addCodes(Set<String> codes, CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            // X12 service type codes (1365) and the like say what kind of care, not which procedure.
            if (coding.hasCode() && SERVICE_CODE.matcher(coding.getCode()).matches()
                    && (!coding.hasSystem() || !coding.getSystem().contains("x12.org"))) {
                codes.add(coding.getCode());
            }
        }
    }

    private static Optional<String> kind(Set<String> codes) {
        Set<String> kinds = new LinkedHashSet<>();
        for (String code : codes) {
            if (KINDS.containsKey(code)) {
                kinds.add(KINDS.get(code));
            }
        }
        // Codes of two kinds (a removal with a new implant) do not say which the request is.
        return kinds.size() == 1 ? Optional.of(kinds.iterator().next()) : Optional.empty();
    }

    private static void supportingInfo(PasBundle pas, ObjectNode request) {
        ArrayNode documents = null;
        for (int i = 0; i < pas.claim().getSupportingInfo().size(); i++) {
            Claim.SupportingInformationComponent info = pas.claim().getSupportingInfo().get(i);
            if (info.hasValueReference()) {
                String path = "Claim.supportingInfo[" + i + "].valueReference";
                org.hl7.fhir.r4.model.Resource target = pas.resolve(info.getValueReference()).orElseThrow(() ->
                        FhirException.unprocessable(path, path + " references a resource that is not in the bundle"));
                if (target instanceof QuestionnaireResponse) {
                    // DTR's reading: linkId = the contract's field path, values typed as the contract says.
                    merge(request, Answers.toRequest((QuestionnaireResponse) target));
                }
            } else if (info.hasValueAttachment()) {
                Attachment attachment = info.getValueAttachment();
                if (documents == null) {
                    documents = request.has("documents") && request.get("documents").isArray()
                            ? (ArrayNode) request.get("documents") : request.putArray("documents");
                }
                ObjectNode document = documents.addObject();
                String type = info.hasCode() && info.getCode().hasCoding() ? info.getCode().getCodingFirstRep().getCode()
                        : info.getCategory().getCodingFirstRep().getCode();
                document.put("type", type == null ? "attachment" : type);
                if (attachment.hasCreation()) {
                    document.put("date", attachment.getCreationElement().getValueAsString().substring(0, 10));
                }
                if (attachment.hasTitle()) {
                    document.put("title", attachment.getTitle());
                }
            }
        }
    }

    /** Sets each field of {@code answers} on {@code request}: objects field by field, any other value (a list) whole. */
    private static void merge(ObjectNode request, ObjectNode answers) {
        answers.fields().forEachRemaining(field -> {
            if (field.getValue().isObject() && request.get(field.getKey()) instanceof ObjectNode) {
                merge((ObjectNode) request.get(field.getKey()), (ObjectNode) field.getValue());
            } else {
                request.set(field.getKey(), field.getValue());
            }
        });
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new HashMap<>();
        try (InputStream in = ClaimRequests.class.getResourceAsStream("service-kinds.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] columns = line.split("\t");
                kinds.put(columns[0], columns[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(kinds);
    }
}
