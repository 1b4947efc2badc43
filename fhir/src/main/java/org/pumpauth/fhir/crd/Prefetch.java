package org.pumpauth.fhir.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.pumpauth.fhir.Fhir;

/**
 * The patient and coverage of a hook: from its prefetch, else fetched from the EHR's FHIR server when the
 * hook gives {@code fhirServer} (one the payer configuration lists) and {@code fhirAuthorization}, else not seen, and said so ({@link #unseen()}).
 */
final class Prefetch {
    /** Made on the first fetch: an HTTP client loads TLS's default context (a tenth of a second and more at start). */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private final JsonNode hook;
    private final java.util.function.Predicate<String> mayFetch;
    private final List<String> unseen = new ArrayList<>();

    /** {@code mayFetch}: whether the hook's {@code fhirServer} is one the payer configuration lists. */
    Prefetch(JsonNode hook, java.util.function.Predicate<String> mayFetch) {
        this.hook = hook;
        this.mayFetch = mayFetch;
    }

    /** What could not be seen, as sentences for the card. */
    List<String> unseen() {
        return unseen;
    }

    Optional<Patient> patient() {
        String id = hook.path("context").path("patientId").asText("");
        Optional<Resource> found = prefetched("patient").or(() -> fetch("Patient/" + id, "the patient", id.isEmpty()));
        Optional<Patient> patient = found.filter(Patient.class::isInstance).map(Patient.class::cast);
        if (found.isPresent() && patient.isEmpty()) {
            unseen.add("The prefetched patient is not a Patient resource.");
        }
        return patient;
    }

    Optional<Coverage> coverage() {
        String id = hook.path("context").path("patientId").asText("");
        Optional<Resource> found = prefetched("coverage")
                .or(() -> fetch("Coverage?patient=" + id + "&status=active", "the member's coverage", id.isEmpty()));
        if (found.isPresent() && found.get() instanceof Bundle) {
            found = ((Bundle) found.get()).getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Coverage.class::isInstance).findFirst();
            if (found.isEmpty()) {
                unseen.add("The member has no active Coverage on the EHR's FHIR server.");
            }
        }
        return found.filter(Coverage.class::isInstance).map(Coverage.class::cast);
    }

    /** A resource of the hook's own draft orders or prefetch, by reference ({@code ServiceRequest/1}). */
    Optional<Resource> order(String reference) {
        return fetch(reference, "the order " + reference.replaceAll("[^A-Za-z0-9/._-]", ""), false);
    }

    private Optional<Resource> prefetched(String key) {
        JsonNode node = hook.path("prefetch").path(key);
        if (!node.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.of((Resource) Fhir.parse((com.fasterxml.jackson.databind.node.ObjectNode) node));
        } catch (RuntimeException e) {
            unseen.add("The prefetched " + key + " is not a FHIR R4 resource.");
            return Optional.empty();
        }
    }

    private Optional<Resource> fetch(String query, String what, boolean noPatient) {
        String server = hook.path("fhirServer").asText("");
        String token = hook.path("fhirAuthorization").path("access_token").asText("");
        if (server.isEmpty() || token.isEmpty() || noPatient) {
            unseen.add("pumpauth could not see " + what + ": the hook neither prefetched it nor gave fhirServer and"
                    + " fhirAuthorization to fetch it.");
            return Optional.empty();
        }
        if (!mayFetch.test(server)) {
            // The hook names the server: a key holder could otherwise make this server call any URL.
            unseen.add("pumpauth could not see " + what + ": the hook's fhirServer is not one of the EHR FHIR servers"
                    + " the payer configuration lists (fhirServers:), so it was not fetched.");
            return Optional.empty();
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.replaceAll("/+$", "") + "/" + query))
                    .timeout(Duration.ofSeconds(3)).header("Accept", Fhir.MEDIA_TYPE)
                    .header("Authorization", "Bearer " + token).GET().build();
            HttpResponse<String> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                unseen.add("pumpauth could not see " + what + ": the EHR's FHIR server answered " + response.statusCode() + ".");
                return Optional.empty();
            }
            return Optional.of((Resource) Fhir.json().parseResource(response.body()));
        } catch (IOException | IllegalArgumentException e) {
            unseen.add("pumpauth could not see " + what + ": the EHR's FHIR server could not be reached.");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unseen.add("pumpauth could not see " + what + ": fetching it was interrupted.");
            return Optional.empty();
        } catch (RuntimeException e) {
            unseen.add("pumpauth could not see " + what + ": the EHR's FHIR server did not answer with FHIR R4 JSON.");
            return Optional.empty();
        }
    }
}
