package org.pumpauth.fhir.pas;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.pumpauth.fhir.Fhir;
import org.pumpauth.fhir.FhirException;

/**
 * A PAS request (or inquiry) Bundle as {@code Claim/$submit} and {@code Claim/$inquire} take it: a
 * {@code collection} whose first entry is the Claim, with the resources the Claim references. Reading
 * one checks what the mapping relies on and names the FHIRPath of the first element at fault.
 */
public final class PasBundle {
    private final Bundle bundle;
    private final Claim claim;
    private final Map<String, Resource> byReference;

    private PasBundle(Bundle bundle, Claim claim, Map<String, Resource> byReference) {
        this.bundle = bundle;
        this.claim = claim;
        this.byReference = byReference;
    }

    /** Parses {@code body} (FHIR JSON) as a PAS Bundle; a 400 or 422 {@link FhirException} says where it is not one. */
    public static PasBundle read(byte[] body) {
        IBaseResource parsed;
        try {
            IParser parser = Fhir.json();
            parser.setParserErrorHandler(new Refusing());
            // Read once into a tree, narratives left out (pumpauth neither reads nor returns them), then to HAPI.
            JsonNode tree = Fhir.TREE.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw FhirException.invalid("", "the body is not a FHIR R4 resource in JSON (application/fhir+json)");
            }
            parsed = Fhir.parse(Fhir.withoutNarratives((ObjectNode) tree), parser);
        } catch (FhirException e) {
            throw e;
        } catch (IOException | DataFormatException | IllegalArgumentException | ClassCastException e) {
            // HAPI's message may quote the body: it is not repeated.
            throw FhirException.invalid("", "the body is not a FHIR R4 resource in JSON (application/fhir+json)");
        }
        if (!(parsed instanceof Bundle)) {
            throw FhirException.invalid("Bundle", "the body must be a PAS request Bundle; it is "
                    + article(parsed.fhirType()));
        }
        Bundle bundle = (Bundle) parsed;
        if (bundle.getType() != Bundle.BundleType.COLLECTION) {
            throw FhirException.invalid("Bundle.type", "Bundle.type must be collection (a PAS request Bundle)");
        }
        if (bundle.getEntry().isEmpty() || !(bundle.getEntryFirstRep().getResource() instanceof Claim)) {
            throw FhirException.invalid("Bundle.entry[0].resource",
                    "the first entry of a PAS request Bundle must be the Claim");
        }
        Map<String, Resource> byReference = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            if (entry.hasFullUrl()) {
                byReference.put(entry.getFullUrl(), resource);
            }
            if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
                byReference.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
            }
        }
        return new PasBundle(bundle, (Claim) bundle.getEntryFirstRep().getResource(), byReference);
    }

    /** A resource type with its article: "an Organization", "a Claim". */
    static String article(String type) {
        return ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    public Bundle bundle() {
        return bundle;
    }

    public Claim claim() {
        return claim;
    }

    /** The resource a reference points to in this bundle (by fullUrl, or by type/id). */
    public Optional<Resource> resolve(Reference reference) {
        if (reference == null || !reference.hasReference()) {
            return Optional.empty();
        }
        String ref = reference.getReference();
        Resource found = byReference.get(ref);
        if (found == null && ref.matches("https?://.*/[A-Z][A-Za-z]+/[^/]+")) {
            String[] parts = ref.split("/");
            found = byReference.get(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
        }
        return Optional.ofNullable(found);
    }

    /** The resource {@code reference} (at FHIRPath {@code path}) must point to, of {@code type}; else a 422 naming the path. */
    public <T extends Resource> T required(Reference reference, String path, Class<T> type) {
        if (reference == null || !reference.hasReference()) {
            throw FhirException.invalid(path, path + " is required: a reference to a " + type.getSimpleName()
                    + " in the bundle");
        }
        Resource found = resolve(reference).orElseThrow(() -> FhirException.unprocessable(path, path
                + " references a resource that is not in the bundle (each referenced resource must be an entry)"));
        if (!type.isInstance(found)) {
            throw FhirException.unprocessable(path, path + " must reference a " + type.getSimpleName() + "; it references "
                    + article(found.fhirType()));
        }
        return type.cast(found);
    }

    /** The Claim's patient. */
    public Patient patient() {
        return required(claim.getPatient(), "Claim.patient", Patient.class);
    }

    /** The Claim's focal coverage (the one marked focal, else the first), and its FHIRPath. */
    public Coverage coverage() {
        List<Claim.InsuranceComponent> insurance = claim.getInsurance();
        if (insurance.isEmpty()) {
            throw FhirException.invalid("Claim.insurance", "Claim.insurance is required: the member's Coverage");
        }
        int focal = 0;
        for (int i = 0; i < insurance.size(); i++) {
            if (insurance.get(i).getFocal()) {
                focal = i;
                break;
            }
        }
        return required(insurance.get(focal).getCoverage(), "Claim.insurance[" + focal + "].coverage", Coverage.class);
    }

    /**
     * Refuses a value HAPI cannot read (a wrong JSON type, an invalid date or code) by the element's
     * name, never its value; unknown elements and extensions are read past (a newer guide's).
     */
    private static final class Refusing implements IParserErrorHandler {
        private static FhirException at(IParseLocation location, String what) {
            String element = location == null || location.getParentElementName() == null ? ""
                    : location.getParentElementName();
            return FhirException.invalid(element, (element.isEmpty() ? "an element" : "an element of " + element) + " " + what);
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String elementName, ValueType expected,
                ScalarType expectedScalar, ValueType found, ScalarType foundScalar) {
            throw FhirException.invalid(elementName, elementName + " has the wrong JSON type (expected "
                    + expected + (expectedScalar == null ? "" : " " + expectedScalar) + ")");
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            throw at(location, "has a value that is not valid for its FHIR type");
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String elementName) {
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
            throw FhirException.invalid(elementName, elementName + " must not repeat");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attributeName) {
        }

        @Override
        public void unknownElement(IParseLocation location, String elementName) {
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            throw at(location, "has an extension with both a value and nested extensions");
        }
    }
}
