package org.pumpauth.fhir.crd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.pumpauth.fhir.Fhir;

/**
 * CRD's {@code coverage-information} extension of one order, and the order with it as the system action's
 * resource. The extension is written with Jackson exactly as HAPI writes it, into the order as HAPI writes
 * it, and the order is not copied: HAPI encoding the extension's dozen parts into a copy of the order was
 * the largest single part of a CRD answer's CPU in a profile. {@link #hapiOnto} is the same answer written
 * by HAPI alone (the tests compare the two on every hook they send).
 */
final class CoverageInformation {
    static final String URL = "http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information";
    private static final JsonFactory JSON = Fhir.TREE.getFactory();
    /** Where the extension goes: HAPI writes this stand-in where it would write the extension. */
    private static final String MARK = "pumpauth-coverage-information-goes-here";
    private static final String MARK_JSON = "{\"url\":\"" + URL + "\",\"valueString\":\"" + MARK + "\"}";

    /** One part: its url, the type of its {@code value[x]} (HAPI's JSON name), and the value (and a coding's system). */
    private record Part(String url, String type, String value, String system) {
    }

    private final List<Part> parts = new ArrayList<>();

    CoverageInformation coverage(String reference) {
        return add(new Part("coverage", "Reference", reference, ""));
    }

    CoverageInformation code(String url, String code) {
        return add(new Part(url, "Code", code, ""));
    }

    CoverageInformation billingCode(String system, String code) {
        return add(new Part("billingCode", "Coding", code, system));
    }

    CoverageInformation reason(String text) {
        return add(new Part("reason", "CodeableConcept", text, ""));
    }

    CoverageInformation questionnaire(String canonical) {
        return add(new Part("questionnaire", "Canonical", canonical, ""));
    }

    CoverageInformation date(String day) {
        return add(new Part("date", "Date", day, ""));
    }

    CoverageInformation string(String url, String value) {
        return add(new Part(url, "String", value, ""));
    }

    private CoverageInformation add(Part part) {
        parts.add(part);
        return this;
    }

    /** The order (left as it was) as HAPI encodes it with this extension added last to its extensions. */
    String onto(DomainResource order) {
        if (parts.stream().anyMatch(p -> p.value().isEmpty())) {
            return hapiOnto(order); // HAPI leaves an empty value out: let it
        }
        Extension mark = new Extension(URL, new StringType(MARK));
        order.addExtension(mark);
        String encoded;
        try {
            encoded = Fhir.json().encodeResourceToString(order);
        } finally {
            order.getExtension().removeIf(e -> e == mark);
        }
        int at = encoded.indexOf(MARK_JSON);
        if (at < 0 || at != encoded.lastIndexOf(MARK_JSON)) {
            return hapiOnto(order); // the order itself says the stand-in: let HAPI write it all
        }
        return encoded.substring(0, at) + json() + encoded.substring(at + MARK_JSON.length());
    }

    /** The same as {@link #onto}, written by HAPI alone: slower, the reference the tests hold {@code onto} to. */
    String hapiOnto(DomainResource order) {
        DomainResource updated = (DomainResource) order.copy();
        Extension info = new Extension(URL);
        for (Part part : parts) {
            info.addExtension(part.url(), hapiValue(part));
        }
        updated.addExtension(info);
        return Fhir.json().encodeResourceToString(updated);
    }

    private static Type hapiValue(Part part) {
        switch (part.type()) {
            case "Reference":
                return new Reference(part.value());
            case "Code":
                return new CodeType(part.value());
            case "Coding":
                return new Coding(part.system(), part.value(), null);
            case "CodeableConcept":
                return new CodeableConcept().setText(part.value());
            case "Canonical":
                return new CanonicalType(part.value());
            case "Date":
                return new DateType(part.value());
            case "String":
                return new StringType(part.value());
            default:
                throw new IllegalStateException("no coverage-information part of type " + part.type());
        }
    }

    private String json() {
        StringWriter out = new StringWriter(256 + 96 * parts.size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("url", URL);
            g.writeArrayFieldStart("extension");
            for (Part part : parts) {
                g.writeStartObject();
                g.writeStringField("url", part.url());
                String field = "value" + part.type();
                switch (part.type()) {
                    case "Reference":
                        g.writeObjectFieldStart(field);
                        g.writeStringField("reference", part.value());
                        g.writeEndObject();
                        break;
                    case "Coding":
                        g.writeObjectFieldStart(field);
                        g.writeStringField("system", part.system());
                        g.writeStringField("code", part.value());
                        g.writeEndObject();
                        break;
                    case "CodeableConcept":
                        g.writeObjectFieldStart(field);
                        g.writeStringField("text", part.value());
                        g.writeEndObject();
                        break;
                    default:
                        g.writeStringField(field, part.value());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
