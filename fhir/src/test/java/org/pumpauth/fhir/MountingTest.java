package org.pumpauth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The FHIR module is found on the class path and mounted beside /v1, as {@code pumpauth serve} mounts it. */
class MountingTest {
    private static FhirServer fhir;

    @BeforeAll
    static void start() {
        fhir = new FhirServer(Clock.systemUTC(), Optional.empty(), Optional.of("nia-cg-310"));
    }

    @AfterAll
    static void stop() {
        fhir.close();
    }

    @Test
    void metadata_is_a_capability_statement_read_without_a_key() {
        FhirServer.Response r = fhir.get("/fhir/metadata", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/fhir+json");
        CapabilityStatement statement = r.resource(CapabilityStatement.class);
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getRestFirstRep().getMode().toCode()).isEqualTo("server");
    }

    @Test
    void an_unknown_fhir_path_is_a_404_operation_outcome() {
        FhirServer.Response r = fhir.get("/fhir/Patient/123", null);
        assertThat(r.status()).isEqualTo(404);
        OperationOutcome outcome = r.resource(OperationOutcome.class);
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void a_wrong_method_on_metadata_is_a_405_naming_the_allowed_one() {
        FhirServer.Response r = fhir.post("/fhir/metadata", null, "{}");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics()).isEqualTo(
                "this path answers GET only");
    }

    @Test
    void the_v1_api_still_answers_beside_fhir() {
        assertThat(fhir.get("/v1/openapi.json", null).status()).isEqualTo(200);
    }
}
