package org.pumpauth.fhir.dtr;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DeviceRequest;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;
import org.pumpauth.codes.CodeCatalog;

/**
 * What a draft order states that a review request can use: its CPT/HCPCS codes, its ICD-10-CM reasons,
 * its date, and the service kinds its codes' descriptors allow ("Implantation or replacement of device
 * ...": an implant or a replacement). CRD and DTR read orders through here.
 */
public final class Orders {
    private static final CodeCatalog CODES = CodeCatalog.builtIn();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** {@link #kinds} by codes: the descriptors are read once per list of codes, not once per order. */
    private static final java.util.Map<List<String>, List<String>> KINDS = new java.util.concurrent.ConcurrentHashMap<>();

    private Orders() {
    }

    /** One draft order: {@code ServiceRequest/123}, its codes, diagnoses and date (of service, else authored). */
    public record Order(String reference, Resource resource, List<String> codes, List<String> diagnoses,
            Optional<LocalDate> date, String display) {
        public Order {
            codes = List.copyOf(codes);
            diagnoses = List.copyOf(diagnoses);
        }
    }

    /** The order a resource is, for the four kinds of order CRD reads; empty for any other resource. */
    public static Optional<Order> of(Resource resource) {
        List<CodeableConcept> codes = new ArrayList<>();
        List<CodeableConcept> reasons = new ArrayList<>();
        Optional<LocalDate> date = Optional.empty();
        if (resource instanceof ServiceRequest) {
            ServiceRequest r = (ServiceRequest) resource;
            codes.add(r.getCode());
            reasons.addAll(r.getReasonCode());
            date = date(r.getOccurrence()).or(() -> date(r.getAuthoredOnElement()));
        } else if (resource instanceof DeviceRequest) {
            DeviceRequest r = (DeviceRequest) resource;
            if (r.hasCodeCodeableConcept()) {
                codes.add(r.getCodeCodeableConcept());
            }
            reasons.addAll(r.getReasonCode());
            date = date(r.getOccurrence()).or(() -> date(r.getAuthoredOnElement()));
        } else if (resource instanceof Procedure) {
            Procedure r = (Procedure) resource;
            codes.add(r.getCode());
            reasons.addAll(r.getReasonCode());
            date = date(r.getPerformed());
        } else if (resource instanceof MedicationRequest) {
            MedicationRequest r = (MedicationRequest) resource;
            if (r.hasMedicationCodeableConcept()) {
                codes.add(r.getMedicationCodeableConcept());
            }
            reasons.addAll(r.getReasonCode());
            date = date(r.getAuthoredOnElement());
        } else {
            return Optional.empty();
        }
        String reference = resource.fhirType() + "/" + (resource.getIdElement().hasIdPart() ? resource.getIdElement().getIdPart() : "");
        Set<String> billing = new LinkedHashSet<>();
        String display = "";
        for (CodeableConcept concept : codes) {
            if (display.isEmpty() && concept.hasText()) {
                display = concept.getText();
            }
            for (Coding coding : concept.getCoding()) {
                if (billingCode(coding)) {
                    billing.add(coding.getCode().strip().toUpperCase(Locale.ROOT));
                }
                if (display.isEmpty() && coding.hasDisplay()) {
                    display = coding.getDisplay();
                }
            }
        }
        Set<String> diagnoses = new LinkedHashSet<>();
        for (CodeableConcept concept : reasons) {
            for (Coding coding : concept.getCoding()) {
                if (coding.hasCode() && coding.hasSystem() && coding.getSystem().equals("http://hl7.org/fhir/sid/icd-10-cm")) {
                    diagnoses.add(coding.getCode().strip().toUpperCase(Locale.ROOT));
                }
            }
        }
        return Optional.of(new Order(reference, resource, new ArrayList<>(billing), new ArrayList<>(diagnoses), date,
                display.isEmpty() ? resource.fhirType() : display));
    }

    /** A CPT or HCPCS code: by its system, or by its shape when the coding names none. */
    static boolean billingCode(Coding coding) {
        if (!coding.hasCode()) {
            return false;
        }
        String system = coding.hasSystem() ? coding.getSystem().toLowerCase(Locale.ROOT) : "";
        if (system.contains("cpt") || system.contains("hcpcs")) {
            return true;
        }
        return system.isEmpty() && coding.getCode().strip().matches("[0-9]{4}[0-9A-Z]|[A-Za-z][0-9]{4}");
    }

    /**
     * The service kinds the codes' descriptors ({@code policies/codes.tsv}) allow, in contract order: the
     * kinds every code allows. Empty when no code is described or the codes disagree.
     */
    public static List<String> kinds(List<String> codes) {
        List<String> known = KINDS.get(codes);
        if (known != null) {
            return known;
        }
        if (KINDS.size() >= 10_000) { // codes are a few per policy, but an order may send any
            KINDS.clear();
        }
        List<String> kinds = kindsOfCodes(codes);
        KINDS.put(List.copyOf(codes), kinds);
        return kinds;
    }

    private static List<String> kindsOfCodes(List<String> codes) {
        Set<String> kinds = null;
        for (String code : codes) {
            Optional<org.pumpauth.codes.Code> known = CODES.find(code);
            if (known.isEmpty()) {
                continue;
            }
            Set<String> allowed = kindsOf(known.get().description().toLowerCase(Locale.ROOT));
            if (kinds == null) {
                kinds = allowed;
            } else {
                kinds.retainAll(allowed);
            }
        }
        return kinds == null ? List.of() : org.pumpauth.request.RequestContract.SERVICE_KINDS.stream()
                .filter(kinds::contains).toList();
    }

    /** The descriptor's opening words name what is done ("Removal of ...", "Implantation or replacement of ..."). */
    private static Set<String> kindsOf(String descriptor) {
        Set<String> kinds = new LinkedHashSet<>();
        String head = descriptor.split(" of |;")[0];
        if (head.contains("injection")) {
            kinds.add("trial");
        }
        if (head.contains("implantation")) {
            kinds.add("implant");
        }
        if (head.contains("replacement")) {
            kinds.add("replacement");
        }
        if (head.contains("revision") || head.contains("repositioning")) {
            kinds.add("revision");
        }
        if (head.contains("removal")) {
            kinds.add("removal");
        }
        if (head.contains("refill") || descriptor.contains("with reprogramming and refill")) {
            kinds.add("refill");
        }
        return kinds;
    }

    /** A review request of what the order and the patient state, for one service kind. */
    public static ObjectNode request(String requestId, String policy, String kind, Order order, Optional<Patient> patient,
            LocalDate today) {
        ObjectNode request = JSON.objectNode();
        request.put("requestId", requestId);
        request.put("policy", policy);
        request.put("serviceDate", order.date().orElse(today).toString());
        patient.ifPresent(p -> {
            ObjectNode member = request.putObject("member");
            if (p.hasBirthDate()) {
                member.put("birthDate", p.getBirthDateElement().getValueAsString());
            }
            if (p.hasGender() && p.getGender() != AdministrativeGender.NULL) {
                member.put("sex", p.getGender().toCode());
            }
            if (member.isEmpty()) {
                request.remove("member");
            }
        });
        ObjectNode service = request.putObject("service");
        service.put("kind", kind);
        order.codes().forEach(service.withArray("codes")::add);
        if (!order.diagnoses().isEmpty()) {
            order.diagnoses().forEach(request.with("indication").withArray("diagnosisCodes")::add);
        }
        return request;
    }

    /** The calendar day a date-time names, as it is written (not shifted to this server's zone). */
    private static Optional<LocalDate> date(Type occurrence) {
        if (occurrence instanceof org.hl7.fhir.r4.model.Period) {
            return date(((org.hl7.fhir.r4.model.Period) occurrence).getStartElement());
        }
        if (occurrence instanceof org.hl7.fhir.r4.model.BaseDateTimeType && ((org.hl7.fhir.r4.model.BaseDateTimeType) occurrence).hasValue()) {
            String text = ((org.hl7.fhir.r4.model.BaseDateTimeType) occurrence).getValueAsString();
            if (text.length() >= 10) {
                try {
                    return Optional.of(LocalDate.parse(text.substring(0, 10)));
                } catch (java.time.format.DateTimeParseException e) {
                    return Optional.empty(); // a year or a month only: no day of service
                }
            }
        }
        return Optional.empty();
    }
}
