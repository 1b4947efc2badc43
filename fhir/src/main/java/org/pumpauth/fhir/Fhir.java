package org.pumpauth.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;

/**
 * The one HAPI FHIR R4 context of the process. Building it and the first parse cost about two seconds:
 * {@link #warm()} pays them when the server starts, not on the first request of an EHR.
 */
public final class Fhir {
    public static final String MEDIA_TYPE = "application/fhir+json";
    private static final FhirContext R4 = FhirContext.forR4Cached();

    private Fhir() {
    }

    public static FhirContext context() {
        return R4;
    }

    /** A JSON parser (parsers are cheap and not shared between threads). */
    public static IParser json() {
        return R4.newJsonParser();
    }

    /** Parses and writes a small bundle once, loading HAPI's model classes and its parser. */
    public static void warm() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl("urn:uuid:00000000-0000-0000-0000-000000000000").setResource(new Patient());
        json().parseResource(Bundle.class, json().encodeResourceToString(bundle));
    }
}
