package org.pumpauth.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.pumpauth.request.InvalidRequestException;

/**
 * An RFC 9457 problem document: type, title, status, detail and, for an invalid request, the
 * fields at fault. Details and field messages never repeat the values sent.
 */
record Problem(int status, String kind, String title, String detail, List<InvalidRequestException.Problem> errors) {
    static final String CONTENT_TYPE = "application/problem+json";
    private static final JsonFactory JSON = new JsonFactory();

    Problem {
        errors = List.copyOf(errors);
    }

    static Problem of(int status, String kind, String title, String detail) {
        return new Problem(status, kind, title, detail, List.of());
    }

    static Problem invalid(InvalidRequestException e) {
        int n = e.problems().size();
        return new Problem(400, "invalid-request", "Invalid request",
                n == 1 ? "1 field does not follow the request contract" : n + " fields do not follow the request contract",
                e.problems());
    }

    String type() {
        return "urn:pumpauth:problem:" + kind;
    }

    byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("type", type());
            json.writeStringField("title", title);
            json.writeNumberField("status", status);
            json.writeStringField("detail", detail);
            if (!errors.isEmpty()) {
                json.writeArrayFieldStart("errors");
                for (InvalidRequestException.Problem p : errors) {
                    json.writeStartObject();
                    json.writeStringField("field", p.field());
                    json.writeStringField("message", p.message());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
