package org.pumpauth.fhir.pas;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.pumpauth.fhir.Fhir;
import org.pumpauth.fhir.FhirException;
import org.jdbi.v3.core.Jdbi;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.cases.CaseService;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PAS notifications (R4 Subscriptions Backport, rest-hook): a key's {@code Subscription}s, and the pended
 * cases that key submitted through {@code Claim/$submit}, watched until decided (through {@code /v1},
 * the workspace, or more information); then a notification Bundle is POSTed to each subscription's
 * endpoint. Only cases submitted while their key has a subscription are watched. Both are kept in the
 * database ({@code fhir_subscription}, {@code fhir_watched_case}), so a restart forgets neither, and of
 * several servers on one database exactly one sends a decided case's notifications: the one whose
 * delete of its watched row takes it. A revoked key's subscriptions are sent nothing more.
 */
public final class Subscriptions implements AutoCloseable {
    public static final String TOPIC = "http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic";
    static final String PAYLOAD_CONTENT =
            "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content";
    private static final Logger LOG = LoggerFactory.getLogger("pumpauth.fhir.subscriptions");

    record Active(String id, Subscription subscription) {}

    private final Jdbi jdbi;
    private final CaseService cases;
    private final Clock clock;
    /** Made for the first notification: an HTTP client loads TLS's default context, which a start need not wait for. */
    private HttpClient http;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pumpauth-fhir-notifications");
        t.setDaemon(true);
        return t;
    });

    public Subscriptions(Jdbi jdbi, CaseService cases, Duration every) {
        this.jdbi = jdbi;
        this.cases = cases;
        this.clock = cases.clock();
        poller.scheduleWithFixedDelay(this::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return http;
    }

    /** Accepts a rest-hook Subscription of {@code caller}: active, with an id; else a 422 naming the element. */
    public Subscription create(Caller caller, Subscription subscription) {
        if (subscription.getChannel().getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
            throw FhirException.unprocessable("Subscription.channel.type", "Subscription.channel.type must be rest-hook");
        }
        String endpoint = subscription.getChannel().getEndpoint();
        if (endpoint == null || !(endpoint.startsWith("http://") || endpoint.startsWith("https://"))) {
            throw FhirException.unprocessable("Subscription.channel.endpoint",
                    "Subscription.channel.endpoint must be an http or https URL");
        }
        if (!subscription.hasCriteria()) {
            subscription.setCriteria(TOPIC);
        }
        String id = UUID.randomUUID().toString();
        subscription.setId(id);
        subscription.setStatus(Subscription.SubscriptionStatus.ACTIVE);
        String resource = Fhir.json().encodeResourceToString(subscription);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO fhir_subscription (id, owner, resource, events, created_at)"
                        + " VALUES (:id, :owner, :resource, 0, :at)")
                .bind("id", id).bind("owner", caller.name()).bind("resource", resource)
                .bind("at", Sql.timestamp(clock.instant())).execute());
        return subscription;
    }

    /**
     * Watches a pended case until it is decided, if its submitter has a subscription (else no one is told);
     * {@code pasBundle} is the bundle it was submitted in, as received.
     */
    public void watch(ReviewCase reviewCase, Caller caller, byte[] pasBundle) {
        if (reviewCase.status().isFinal()) {
            return;
        }
        boolean subscribed = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM fhir_subscription WHERE owner = :owner")
                .bind("owner", caller.name()).mapTo(Long.class).one() > 0);
        if (!subscribed) {
            return;
        }
        String bundle = new String(pasBundle, java.nio.charset.StandardCharsets.UTF_8);
        try {
            insertOrReplace(reviewCase, caller, bundle);
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            insertOrReplace(reviewCase, caller, bundle); // another server watched it at the same moment
        }
    }

    private void insertOrReplace(ReviewCase reviewCase, Caller caller, String bundle) {
        jdbi.useTransaction(h -> {
            // A new submission of a watched Claim (more answers) replaces the bundle its notification answers.
            int updated = h.createUpdate("UPDATE fhir_watched_case SET pas_bundle = :bundle WHERE case_id = :id")
                    .bind("bundle", bundle).bind("id", reviewCase.id()).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO fhir_watched_case (case_id, owner, role, display_name, pas_bundle, watched_at)"
                                + " VALUES (:id, :owner, :role, :display, :bundle, :at)")
                        .bind("id", reviewCase.id()).bind("owner", caller.name()).bind("role", caller.role().code())
                        .bind("display", caller.displayName()).bind("bundle", bundle)
                        .bind("at", Sql.timestamp(clock.instant())).execute();
            }
        });
    }

    /** A watched case that was decided: whom it was submitted by and the bundle it came in. */
    private record Decided(String caseId, Caller caller) {}

    /**
     * The watched cases that are decided. It reads from the watched cases (few), each case found by its
     * key: written as a join, the database started from the cases' status index and read every decided
     * case of the store at each poll.
     */
    static final String DECIDED = "SELECT w.case_id, w.owner, w.role, w.display_name FROM fhir_watched_case w"
            + " WHERE EXISTS (SELECT 1 FROM review_case c WHERE c.id = w.case_id AND c.status IN ('approved', 'denied'))"
            + " ORDER BY w.case_id";

    void poll() {
        List<Decided> decided;
        try {
            decided = jdbi.withHandle(h -> h.createQuery(DECIDED)
                    .map((rs, ctx) -> new Decided(rs.getString("case_id"), new Caller(rs.getString("owner"),
                            Role.of(rs.getString("role")).orElseThrow(), rs.getString("display_name"))))
                    .list());
        } catch (RuntimeException e) {
            LOG.warn("reading the watched cases failed: {}", e.getClass().getSimpleName());
            return;
        }
        for (Decided d : decided) {
            try {
                Optional<String> bundle = take(d.caseId());
                if (bundle.isPresent()) {
                    ReviewCase reviewCase = cases.get(d.caller(), d.caseId());
                    notifyDecided(reviewCase, d.caller(),
                            PasBundle.read(bundle.get().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
            } catch (RuntimeException e) {
                // The class only: a message may quote the case.
                LOG.warn("notifying a decided case failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** Deletes a decided case's watched row, returning its bundle if this server's delete took it. */
    private Optional<String> take(String caseId) {
        return jdbi.inTransaction(h -> {
            Optional<String> bundle = h.createQuery("SELECT pas_bundle FROM fhir_watched_case WHERE case_id = :id")
                    .bind("id", caseId).mapTo(String.class).findOne();
            int deleted = h.createUpdate("DELETE FROM fhir_watched_case WHERE case_id = :id").bind("id", caseId).execute();
            return deleted == 1 ? bundle : Optional.<String>empty();
        });
    }

    /** The live subscriptions of a key (none once it is revoked), each with its next event number taken. */
    private List<Numbered> numbered(String owner) {
        return jdbi.inTransaction(h -> {
            List<String> ids = h.createQuery("SELECT s.id FROM fhir_subscription s JOIN api_key k ON k.name = s.owner"
                            + " WHERE s.owner = :owner AND k.revoked_at IS NULL ORDER BY s.id")
                    .bind("owner", owner).mapTo(String.class).list();
            List<Numbered> out = new ArrayList<>();
            for (String id : ids) {
                h.createUpdate("UPDATE fhir_subscription SET events = events + 1 WHERE id = :id").bind("id", id).execute();
                h.createQuery("SELECT resource, events FROM fhir_subscription WHERE id = :id").bind("id", id)
                        .map((rs, ctx) -> new Numbered(new Active(id,
                                Fhir.json().parseResource(Subscription.class, rs.getString("resource"))), rs.getLong("events")))
                        .findOne().ifPresent(out::add);
            }
            return out;
        });
    }

    private record Numbered(Active active, long event) {}

    private void notifyDecided(ReviewCase reviewCase, Caller submitter, PasBundle pas) {
        for (Numbered numbered : numbered(submitter.name())) {
            Active active = numbered.active();
            long n = numbered.event();
            byte[] body = Fhir.json().encodeResourceToString(notification(active, n, reviewCase, pas))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(active.subscription().getChannel().getEndpoint()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", Fhir.MEDIA_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (StringType header : active.subscription().getChannel().getHeader()) {
                String[] parts = header.getValue().split(":", 2);
                if (parts.length == 2) {
                    request.header(parts[0].trim(), parts[1].trim());
                }
            }
            try {
                HttpResponse<Void> response = http().send(request.build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 != 2) {
                    LOG.warn("subscription {}: the endpoint answered {}", active.id(), response.statusCode());
                }
            } catch (java.io.IOException e) {
                LOG.warn("subscription {}: the endpoint could not be reached ({})", active.id(), e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The notification: a history Bundle of the subscription's status, then (for full-resource) the ClaimResponse. */
    Bundle notification(Active active, long eventNumber, ReviewCase reviewCase, PasBundle pas) {
        Date now = Date.from(clock.instant());
        Parameters status = new Parameters();
        status.setId(UUID.randomUUID().toString());
        status.addParameter().setName("subscription").setValue(new Reference("Subscription/" + active.id()));
        status.addParameter().setName("topic").setValue(new CanonicalType(TOPIC));
        status.addParameter().setName("status").setValue(new CodeType("active"));
        status.addParameter().setName("type").setValue(new CodeType("event-notification"));
        status.addParameter().setName("events-since-subscription-start").setValue(new StringType(String.valueOf(eventNumber)));
        Parameters.ParametersParameterComponent event = status.addParameter().setName("notification-event");
        event.addPart().setName("event-number").setValue(new StringType(String.valueOf(eventNumber)));
        event.addPart().setName("timestamp").setValue(new InstantType(now));
        event.addPart().setName("focus").setValue(new Reference("ClaimResponse/" + reviewCase.id()));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.HISTORY).setTimestamp(now);
        bundle.addEntry().setFullUrl("urn:uuid:" + status.getIdElement().getIdPart()).setResource(status)
                .setRequest(new Bundle.BundleEntryRequestComponent().setMethod(Bundle.HTTPVerb.GET)
                        .setUrl("Subscription/" + active.id() + "/$status"))
                .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"));
        if ("full-resource".equals(payloadContent(active.subscription()))) {
            Bundle response = ClaimResponses.of(reviewCase, pas, clock.instant());
            List<Bundle.BundleEntryComponent> entries = new ArrayList<>(response.getEntry());
            for (Bundle.BundleEntryComponent entry : entries) {
                String type = entry.getResource().fhirType();
                bundle.addEntry().setFullUrl(entry.getFullUrl()).setResource(entry.getResource())
                        .setRequest(new Bundle.BundleEntryRequestComponent().setMethod(Bundle.HTTPVerb.PUT)
                                .setUrl(type + "/" + entry.getResource().getIdElement().getIdPart()))
                        .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"));
            }
        }
        return bundle;
    }

    private static String payloadContent(Subscription subscription) {
        Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
        if (channel.hasPayloadElement()) {
            var extension = channel.getPayloadElement().getExtensionByUrl(PAYLOAD_CONTENT);
            if (extension != null && extension.getValue() != null) {
                return extension.getValue().primitiveValue();
            }
        }
        return "id-only";
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
