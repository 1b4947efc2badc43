package org.pumpauth.fhir.pas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Subscription;
import org.pumpauth.fhir.Fhir;
import org.pumpauth.fhir.FhirException;
import org.pumpauth.fhir.Payers;
import org.pumpauth.server.ServiceException;
import org.pumpauth.server.access.ApiKeys;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.cases.CaseService;
import org.pumpauth.server.cases.ReviewCase;

/**
 * PAS: {@code Claim/$submit} makes a PAS bundle a case of the service (idempotent on the Claim's
 * identifier; a new submission of a pended Claim with more answers adds them to its case) and answers
 * its ClaimResponse bundle; {@code Claim/$inquire} answers the case's current state;
 * {@code Subscription} registers where decisions of pended cases are sent.
 */
public final class PasOperations implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CaseService cases;
    private final Payers payers;
    private final Subscriptions subscriptions;

    public PasOperations(org.jdbi.v3.core.Jdbi jdbi, CaseService cases, Payers payers, Duration notificationPoll) {
        this.cases = cases;
        this.payers = payers;
        this.subscriptions = new Subscriptions(jdbi, cases, notificationPoll);
    }

    /**
     * Submits a PAS bundle for the holder of {@code key}, whose revocation the case writer reads in the
     * transaction that stores the case (as {@code POST /v1/cases} does: no key query a request); a key
     * revoked by then is a {@link ServiceException.Unauthorized}. Adding information to a pended Claim's
     * case asks {@code confirmed} for the key's caller as the database has it now.
     */
    public Bundle submit(ApiKeys.Identified key, java.util.function.Supplier<Caller> confirmed, byte[] body) {
        PasBundle pas = PasBundle.read(body);
        ObjectNode request = ClaimRequests.of(pas, payers);
        Caller caller = key.caller();
        ReviewCase reviewCase;
        try {
            reviewCase = cases.submit(key, bytes(request)).reviewCase();
        } catch (ServiceException.Conflict e) {
            // The Claim was submitted before with other content: while its case is open, what is new is
            // added to it (as a provider answers what the pended response asked for).
            caller = confirmed.get();
            ReviewCase existing = cases.findByRequest(caller, request.path("requestId").asText()).orElseThrow(() -> e);
            if (existing.status().isFinal()) {
                throw new FhirException(409, org.hl7.fhir.r4.model.OperationOutcome.IssueType.CONFLICT, "Claim.identifier",
                        "Claim.identifier: this Claim was decided (" + existing.status().code() + "); submit a new Claim with"
                                + " a new identifier");
            }
            ObjectNode patch = request.deepCopy();
            patch.remove(java.util.List.of("requestId", "policy", "receivedAt", "urgency"));
            reviewCase = cases.addInformation(caller, existing.id(), bytes(patch));
        }
        subscriptions.watch(reviewCase, caller, body);
        return ClaimResponses.of(reviewCase, pas, cases.clock().instant());
    }

    public Bundle inquire(Caller caller, byte[] body) {
        PasBundle pas = PasBundle.read(body);
        String requestId = ClaimRequests.requestId(pas.claim());
        ReviewCase reviewCase = cases.findByRequest(caller, requestId).orElseThrow(() -> new FhirException(404,
                org.hl7.fhir.r4.model.OperationOutcome.IssueType.NOTFOUND, "Claim.identifier",
                "Claim.identifier: this key submitted no Claim with this identifier"));
        return ClaimResponses.of(reviewCase, pas, cases.clock().instant());
    }

    public Subscription subscribe(Caller caller, byte[] body) {
        org.hl7.fhir.instance.model.api.IBaseResource parsed;
        try {
            parsed = Fhir.json().parseResource(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw FhirException.invalid("", "the body is not a FHIR R4 resource in JSON (application/fhir+json)");
        }
        if (!(parsed instanceof Subscription)) {
            throw FhirException.invalid("Subscription", "the body must be a Subscription; it is a " + parsed.fhirType());
        }
        return subscriptions.create(caller, (Subscription) parsed);
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        subscriptions.close();
    }
}
