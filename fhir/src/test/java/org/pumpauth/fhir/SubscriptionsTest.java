package org.pumpauth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pumpauth.server.access.Role;

/**
 * PAS notifications are kept in the database: a subscription and the pended cases it watches outlive a
 * restart of the server; of two servers on one database, one notifies, once; a revoked key's
 * subscriptions are sent nothing.
 */
class SubscriptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T10:00:00Z"), ZoneOffset.UTC);
    private static final Optional<Path> PAYERS = Optional.of(DtrOperationsTest.ROOT.resolve("examples/payers.yaml"));

    @TempDir
    Path dir;
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private HttpServer subscriber;

    @BeforeEach
    void listen() throws Exception {
        subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subscriber.createContext("/pas-notifications", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        subscriber.start();
    }

    @AfterEach
    void stop() {
        subscriber.stop(0);
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("pumpauth") + ";LOCK_TIMEOUT=10000";
    }

    private FhirServer server() {
        return new FhirServer(CLOCK, PAYERS, Optional.empty(), url());
    }

    private void subscribe(FhirServer server, String key) {
        Subscription subscription = PasFixtures.subscription(
                "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/pas-notifications");
        FhirServer.Response subscribed = server.post("/fhir/Subscription", key, Fhir.json().encodeResourceToString(subscription));
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
    }

    /** Submits the example that waits for its psychological evaluation: pended (A4); returns its case id. */
    private static String submitPended(FhirServer server, String key, String claimId) {
        FhirServer.Response r = server.post("/fhir/Claim/$submit", key,
                PasFixtures.json(PasFixtures.pump("nia-implant-pain-missing-psych.json", claimId)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        ClaimResponse response = (ClaimResponse) r.resource(Bundle.class).getEntryFirstRep().getResource();
        assertThat(response.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.QUEUED);
        return response.getPreAuthRef();
    }

    private static void deny(FhirServer server, String physician, String caseId) {
        FhirServer.Response decided = server.post("/v1/cases/" + caseId + "/decision", physician,
                JSON.createObjectNode().put("decision", "deny")
                        .put("rationale", "The psychological evaluation required before a pump is not documented.").toString(),
                "application/json");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    }

    private static String focus(String notification) {
        Bundle history = Fhir.json().parseResource(Bundle.class, notification);
        Parameters status = (Parameters) history.getEntryFirstRep().getResource();
        return ((Reference) status.getParameter("notification-event").getPart().stream()
                .filter(p -> p.getName().equals("focus")).findFirst().orElseThrow().getValue()).getReference();
    }

    @Test
    void a_subscription_and_its_watched_case_outlive_a_restart() throws Exception {
        String ehr;
        String physician;
        String caseId;
        try (FhirServer before = server()) {
            ehr = before.service.keys().create(Role.SUBMITTER, "ehr");
            physician = before.service.keys().create(Role.PHYSICIAN, "dr-restart");
            subscribe(before, ehr);
            caseId = submitPended(before, ehr, "RESTART-1");
        }
        try (FhirServer after = server()) {
            deny(after, physician, caseId);
            String notification = received.poll(20, TimeUnit.SECONDS);
            assertThat(notification).as("the decision is sent after a restart").isNotNull();
            assertThat(focus(notification)).isEqualTo("ClaimResponse/" + caseId);
            assertThat(received.poll(1, TimeUnit.SECONDS)).as("one notification for one decision").isNull();
        }
    }

    @Test
    void of_two_servers_on_one_database_one_sends_the_notification_once() throws Exception {
        try (FhirServer one = server(); FhirServer two = server()) {
            String ehr = one.service.keys().create(Role.SUBMITTER, "ehr");
            String physician = one.service.keys().create(Role.PHYSICIAN, "dr-two");
            subscribe(one, ehr);
            String first = submitPended(two, ehr, "TWO-1");
            String second = submitPended(one, ehr, "TWO-2");
            deny(two, physician, first);
            deny(one, physician, second);
            java.util.Set<String> focuses = new java.util.TreeSet<>();
            for (int i = 0; i < 2; i++) {
                String notification = received.poll(20, TimeUnit.SECONDS);
                assertThat(notification).as("notification %d of 2", i + 1).isNotNull();
                focuses.add(focus(notification));
            }
            assertThat(focuses).containsExactlyInAnyOrder("ClaimResponse/" + first, "ClaimResponse/" + second);
            assertThat(received.poll(2, TimeUnit.SECONDS)).as("each decision sent once").isNull();
        }
    }

    @Test
    void a_revoked_keys_subscriptions_are_sent_nothing() throws Exception {
        try (FhirServer server = server()) {
            String ehr = server.service.keys().create(Role.SUBMITTER, "ehr");
            String physician = server.service.keys().create(Role.PHYSICIAN, "dr-revoked");
            subscribe(server, ehr);
            String caseId = submitPended(server, ehr, "REVOKED-1");
            server.service.keys().revoke("ehr", "operator");
            deny(server, physician, caseId);
            assertThat(received.poll(3, TimeUnit.SECONDS)).as("no notification to a revoked key's endpoint").isNull();
        }
    }
}
