package org.pumpauth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** What {@link Fhir#withoutNarratives} leaves out before HAPI reads a bundle, and what it keeps. */
class NarrativesTest {
    private static final String DIV = "{\"status\": \"generated\", \"div\": \"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">x</div>\"}";

    @Test
    void narratives_of_entries_and_contained_resources_are_left_out_and_nothing_else() throws Exception {
        ObjectNode bundle = (ObjectNode) Fhir.TREE.readTree("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
                + "{\"fullUrl\": \"urn:uuid:1\", \"resource\": {\"resourceType\": \"Claim\", \"text\": " + DIV + ","
                + " \"contained\": [{\"resourceType\": \"Patient\", \"id\": \"p\", \"text\": " + DIV + "}],"
                + " \"type\": {\"text\": \"professional\"}, \"total\": {\"value\": 1.50}}},"
                + "{\"fullUrl\": \"urn:uuid:2\", \"resource\": {\"resourceType\": \"Patient\", \"text\": " + DIV + "}}]}");

        Bundle parsed = (Bundle) Fhir.parse(Fhir.withoutNarratives(bundle));

        Claim claim = (Claim) parsed.getEntry().get(0).getResource();
        assertThat(claim.hasText()).isFalse();
        assertThat(((Patient) claim.getContained().get(0)).hasText()).isFalse();
        assertThat(((Patient) parsed.getEntry().get(1).getResource()).hasText()).isFalse();
        assertThat(claim.getType().getText()).isEqualTo("professional"); // a CodeableConcept's text is not a narrative
        assertThat(claim.getTotal().getValueElement().getValueAsString()).isEqualTo("1.50"); // decimals read exactly
    }
}
