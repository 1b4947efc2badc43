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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.cases.CaseService;
import org.pumpauth.server.cases.ReviewCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PAS notifications (R4 Subscriptions Backport, rest-hook): a key's {@code Subscription}s, and the pended
 * cases that key submitted through {@code Claim/$submit}, watched until decided (through {@code /v1},
 * the workspace, or more information); then a notification Bundle is POSTed to each subscription's
 * endpoint. Only cases submitted while their key has a subscription are watched. Held in memory: a
 * restart forgets subscriptions and watched cases (their clients inquire).
 */
public final class Subscriptions implements AutoCloseable {
    public static final String TOPIC = "http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic";
    static final String PAYLOAD_CONTENT =
            "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content";
    private static final Logger LOG = LoggerFactory.getLogger("pumpauth.fhir.subscriptions");

    private record Active(String id, String owner, Subscription subscription, AtomicLong events) {}

    private record Watched(Caller caller, PasBundle pas) {}

    private final Map<String, Active> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final CaseService cases;
    private final Clock clock;
    /** Made for the first notification: an HTTP client loads TLS's default context, which a start need not wait for. */
    private HttpClient http;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pumpauth-fhir-notifications");
        t.setDaemon(true);
        return t;
    });

    public Subscriptions(CaseService cases, Duration every) {
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
        subscriptions.put(id, new Active(id, caller.name(), subscription.copy(), new AtomicLong()));
        return subscription;
    }

    /** Watches a pended case until it is decided, if its submitter has a subscription (else no one is told). */
    public void watch(ReviewCase reviewCase, Caller caller, PasBundle pas) {
        boolean subscribed = subscriptions.values().stream().anyMatch(a -> a.owner().equals(caller.name()));
        if (subscribed && !reviewCase.status().isFinal()) {
            watched.put(reviewCase.id(), new Watched(caller, pas));
        }
    }

    private void poll() {
        for (Map.Entry<String, Watched> entry : watched.entrySet()) {
            try {
                ReviewCase reviewCase = cases.get(entry.getValue().caller(), entry.getKey());
                if (reviewCase.status().isFinal()) {
                    watched.remove(entry.getKey());
                    notifyDecided(reviewCase, entry.getValue());
                }
            } catch (RuntimeException e) {
                // The class only: a message may quote the case.
                LOG.warn("watching a case failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    private void notifyDecided(ReviewCase reviewCase, Watched watch) {
        for (Active active : subscriptions.values()) {
            if (!active.owner().equals(watch.caller().name())) {
                continue;
            }
            long n = active.events().incrementAndGet();
            byte[] body = Fhir.json().encodeResourceToString(notification(active, n, reviewCase, watch.pas()))
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
