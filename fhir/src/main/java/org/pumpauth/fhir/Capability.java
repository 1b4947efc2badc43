package org.pumpauth.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/**
 * What {@code GET /fhir/metadata} answers: the CapabilityStatement of the FHIR API, listing the
 * operations and resources that are supported. CRD and DTR add theirs here.
 */
final class Capability {
    private static final Date PUBLISHED = new Date(0);

    private Capability() {
    }

    static CapabilityStatement statement() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(PublicationStatus.ACTIVE).setDate(PUBLISHED).setKind(CapabilityStatementKind.INSTANCE)
                .setFhirVersion(FHIRVersion._4_0_1).setName("PumpauthPriorAuthorization")
                .setTitle("pumpauth prior authorization (Da Vinci CRD, DTR, PAS)").addFormat("json")
                .setPublisher("pumpauth");
        statement.getSoftware().setName("pumpauth");
        statement.getImplementation().setDescription("pumpauth: medical-necessity review of implantable infusion pumps");
        CapabilityStatementRestComponent rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("Every interaction except GET /fhir/metadata needs an API key of the service,"
                + " sent as Authorization: Bearer KEY (pumpauth keys create).");
        org.pumpauth.fhir.dtr.Dtr.capabilities(rest);
        // PAS 2.x: the operations on Claim, and the rest-hook Subscriptions its notifications use.
        CapabilityStatement.CapabilityStatementRestResourceComponent claim = rest.addResource().setType("Claim");
        claim.addOperation().setName("submit").setDefinition("http://hl7.org/fhir/us/davinci-pas/OperationDefinition/Claim-submit");
        claim.addOperation().setName("inquire").setDefinition("http://hl7.org/fhir/us/davinci-pas/OperationDefinition/Claim-inquiry");
        rest.addResource().setType("Subscription").addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
        return statement;
    }
}
