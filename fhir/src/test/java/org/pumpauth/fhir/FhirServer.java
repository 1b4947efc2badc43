package org.pumpauth.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.ReviewServer;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.ServiceModule;
import org.pumpauth.server.store.DatabaseSettings;

/**
 * A review service on an in-memory H2 with the FHIR module mounted as {@code serve} mounts it (found on the
 * class path), listening on 127.0.0.1, and a client for it. Every FHIR answer read through it is kept for
 * {@link ResponsesValidTest}.
 */
final class FhirServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    final ReviewService service;
    final ReviewServer server;
    private final List<ServiceModule.Mounted> modules;

    FhirServer(Clock clock, Optional<Path> payers, Optional<String> defaultPolicy) {
        this(clock, payers, defaultPolicy, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }

    /** The same on the database at {@code jdbcUrl} (H2; a file one outlives the server, as a restart needs). */
    FhirServer(Clock clock, Optional<Path> payers, Optional<String> defaultPolicy, String jdbcUrl) {
        DatabaseSettings settings = new DatabaseSettings(jdbcUrl, Optional.of("sa"), Optional.empty());
        service = ReviewService.open(settings, PolicyRegistry.builtIn(), defaultPolicy, clock);
        modules = ServiceModule.available().stream()
                .map(m -> m.prepare(service, new ServiceModule.Options(payers, defaultPolicy))).toList();
        server = ReviewServer.start(service, "127.0.0.1", 0, false, modules);
    }

    /** An answer: status, content type and body. */
    record Response(int status, String contentType, String body) {
        <T extends IBaseResource> T resource(Class<T> type) {
            return Fhir.json().parseResource(type, body);
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    Response get(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    Response post(String path, String key, String body) {
        return post(path, key, body, Fhir.MEDIA_TYPE);
    }

    Response post(String path, String key, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Response response = new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
            if (response.contentType().startsWith(Fhir.MEDIA_TYPE)) {
                Answers.keep(response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        modules.forEach(ServiceModule.Mounted::close);
        service.close();
    }
}
