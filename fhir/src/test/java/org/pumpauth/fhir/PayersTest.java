package org.pumpauth.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The payer configuration: which policy a Coverage's payer and plan get, and the file's messages. */
class PayersTest {
    private static final Set<String> POLICIES = Set.of("nia-cg-310", "bcbsnc-iip", "bsc-7.01.41", "cms-ncd-280.14",
            "cohere-ma-itp");
    private static final Payers EXAMPLE = Payers.read(Path.of("..", "examples", "payers.yaml"), POLICIES, Optional.empty());

    private static Coverage coverage(String payorDisplay, String plan) {
        Coverage coverage = new Coverage();
        coverage.addPayor(new Reference().setDisplay(payorDisplay));
        if (plan != null) {
            coverage.addClass_().setType(new CodeableConcept(new Coding(
                    "http://terminology.hl7.org/CodeSystem/coverage-class", "plan", null))).setValue(plan);
        }
        return coverage;
    }

    @Test
    void a_plan_entry_comes_before_its_payers_catch_all_and_names_are_matched_ignoring_case() {
        assertThat(EXAMPLE.policyFor(coverage("example medicare advantage plan", "MA-PPO-GOLD"), r -> Optional.empty()))
                .isEqualTo("cohere-ma-itp");
        assertThat(EXAMPLE.policyFor(coverage("Example Medicare Advantage Plan", "MA-HMO"), r -> Optional.empty()))
                .isEqualTo("cms-ncd-280.14");
    }

    @Test
    void the_payer_is_found_by_the_identifier_of_the_organization_the_payor_references() {
        Coverage coverage = new Coverage();
        coverage.addPayor(new Reference("Organization/insurer"));
        Organization insurer = new Organization();
        insurer.addIdentifier(new Identifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("789312"));
        assertThat(EXAMPLE.policyFor(coverage, r -> Optional.of(insurer))).isEqualTo("nia-cg-310");
    }

    @Test
    void an_unknown_payer_takes_the_default_policy_and_without_one_is_a_422_naming_coverage_payor() {
        Payers withDefault = Payers.read(Path.of("..", "examples", "payers.yaml"), POLICIES, Optional.of("bcbsnc-iip"));
        assertThat(withDefault.policyFor(coverage("Another Plan", null), r -> Optional.empty())).isEqualTo("bcbsnc-iip");
        assertThatThrownBy(() -> EXAMPLE.policyFor(coverage("Another Plan", null), r -> Optional.empty()))
                .isInstanceOfSatisfying(FhirException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.expression()).isEqualTo("Coverage.payor");
                });
    }

    @Test
    void a_file_with_an_unknown_policy_or_key_or_no_payer_names_each_entry_at_fault(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("payers.yaml");
        Files.writeString(file, "payers:\n  - payer: A\n    policy: no-such-policy\n  - plan: X\n    policy: nia-cg-310\n"
                + "  - payer: B\n    policy: nia-cg-310\n    palm: Y\n");
        assertThatThrownBy(() -> Payers.read(file, POLICIES, Optional.empty()))
                .hasMessage("payers.yaml: payers entry 1: policy: must be one of bcbsnc-iip, bsc-7.01.41, cms-ncd-280.14,"
                        + " cohere-ma-itp, nia-cg-310; payers.yaml: payers entry 2: payer: is required (an identifier,"
                        + " system|value or value, or a name); payers.yaml: payers entry 3: unknown key palm (allowed: payer,"
                        + " plan, policy)");
    }

    @Test
    void the_ehr_fhir_servers_crd_may_fetch_from_are_the_listed_ones_and_below_and_a_bad_entry_is_named(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("payers.yaml");
        Files.writeString(file, "payers:\n  - payer: A\n    policy: nia-cg-310\n"
                + "fhirServers:\n  - https://ehr.example.org/fhir\n  - http://127.0.0.1:8081\n");
        Payers payers = Payers.read(file, POLICIES, Optional.empty());
        assertThat(payers.mayFetch("https://ehr.example.org/fhir")).isTrue();
        assertThat(payers.mayFetch("https://EHR.example.org/fhir/r4/")).isTrue();
        assertThat(payers.mayFetch("https://ehr.example.org:443/fhir")).isTrue();
        assertThat(payers.mayFetch("http://127.0.0.1:8081/anything")).isTrue();
        assertThat(payers.mayFetch("https://ehr.example.org/fhirx")).isFalse();
        assertThat(payers.mayFetch("https://ehr.example.org/fhir/../admin")).isFalse();
        assertThat(payers.mayFetch("https://ehr.example.org.evil.test/fhir")).isFalse();
        assertThat(payers.mayFetch("https://attacker@ehr.example.org/fhir")).isFalse();
        assertThat(payers.mayFetch("http://ehr.example.org/fhir")).isFalse();
        assertThat(payers.mayFetch("http://127.0.0.1:8082/")).isFalse();
        assertThat(payers.mayFetch("http://169.254.169.254/latest")).isFalse();
        assertThat(EXAMPLE.mayFetch("https://ehr.example.org/fhir")).as("none listed: none fetched").isFalse();

        Files.writeString(file, "payers:\n  - payer: A\n    policy: nia-cg-310\nfhirServers:\n  - ftp://ehr.example.org\n"
                + "  - https://ehr.example.org/fhir?x=1\nfhirServer: https://ehr.example.org\n");
        assertThatThrownBy(() -> Payers.read(file, POLICIES, Optional.empty())).hasMessage(
                "payers.yaml: unknown key fhirServer (allowed: payers, fhirServers); payers.yaml: fhirServers entry 1: must be"
                        + " an http or https base URL (scheme, host, optional port and path; no query); payers.yaml: fhirServers"
                        + " entry 2: must be an http or https base URL (scheme, host, optional port and path; no query)");
    }

    @Test
    void a_file_without_a_payers_list_says_what_is_expected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("payers.yaml");
        Files.writeString(file, "plans: []\n");
        assertThatThrownBy(() -> Payers.read(file, POLICIES, Optional.empty()))
                .hasMessage("payers.yaml: expected a list under payers:");
    }
}
