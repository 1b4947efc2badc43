package org.pumpauth.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the tests, speaking to a real server on 127.0.0.1. */
public final class Client {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Client(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response: status, content type, the body as text and as JSON (null when it is not JSON). */
    public record Response(int status, String contentType, String text, JsonNode json, HttpResponse<String> raw) {}

    public Response get(String path, String key) {
        return send("GET", path, key, null, null);
    }

    public Response post(String path, String key, String body) {
        return send("POST", path, key, "application/json", body);
    }

    public Response send(String method, String path, String key, String contentType, String body) {
        return send(method, path, key, contentType, body, false);
    }

    /** {@code chunked}: the body is sent without a Content-Length (chunked transfer encoding). */
    public Response send(String method, String path, String key, String contentType, String body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                : HttpRequest.BodyPublishers.ofString(body);
        return exchange(method, path, key == null ? null : "Bearer " + key, contentType, publisher);
    }

    /** The body as bytes (which need not be UTF-8), with the Authorization header as given (null: none). */
    public Response sendBytes(String method, String path, String authorization, String contentType, byte[] body) {
        return exchange(method, path, authorization, contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private Response exchange(String method, String path, String authorization, String contentType,
            HttpRequest.BodyPublisher publisher) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, publisher);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (IOException e) {
                json = null;
            }
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
