package org.pumpauth.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;

/**
 * Reads request bodies: the content type must be one the route accepts, the size at most 1 MiB, the
 * body whole (as long as it said), and its text such as the service can keep ({@link WellFormedJson}).
 */
final class Bodies {
    static final int MAX_BYTES = 1024 * 1024;
    private static final long DRAIN_BYTES = 16L * 1024 * 1024;
    static final Set<String> JSON = Set.of("application/json");
    static final Set<String> MERGE_PATCH = Set.of("application/merge-patch+json", "application/json");

    private Bodies() {}

    /** A clinical note's body: text or a PDF. */
    static final Set<String> NOTE = Set.of("text/plain", "application/pdf");

    /** The body, of a media type {@code accepted}, not read as JSON (a note's text, a PDF). */
    static byte[] readRaw(Context ctx, Set<String> accepted) throws IOException {
        try {
            return readBytes(ctx, accepted);
        } catch (EofException | BadMessageException e) {
            ctx.header("Connection", "close");
            throw HttpProblem.badRequest("the body ended before its declared length, or its chunked encoding is broken");
        }
    }

    static byte[] read(Context ctx, Set<String> accepted) throws IOException {
        byte[] body;
        try {
            body = readBytes(ctx, accepted);
        } catch (EofException | BadMessageException e) {
            // The client sent less than its Content-Length, or a broken chunk: what is left of the
            // connection cannot be read as the next request.
            ctx.header("Connection", "close");
            throw HttpProblem.badRequest("the body ended before its declared length, or its chunked encoding is broken");
        }
        WellFormedJson.check(body);
        return body;
    }

    private static byte[] readBytes(Context ctx, Set<String> accepted) throws IOException {
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!accepted.contains(media)) {
            throw HttpProblem.unsupported(String.join(" or ", accepted.stream().sorted().toList()));
        }
        long declared = ctx.req().getContentLengthLong();
        // Read at most one byte more than allowed: a body sent without a length is cut off, not buffered.
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > MAX_BYTES) {
                throw tooLarge(in);
            }
            byte[] buffer = new byte[declared >= 0 ? (int) declared : 8192];
            int n = 0;
            while (true) {
                if (n == buffer.length) {
                    if (buffer.length > MAX_BYTES) {
                        throw tooLarge(in);
                    }
                    buffer = Arrays.copyOf(buffer, Math.min(Math.max(buffer.length * 2, 8192), MAX_BYTES + 1));
                }
                int read = in.read(buffer, n, buffer.length - n);
                if (read < 0) {
                    break;
                }
                n += read;
                if (n > MAX_BYTES) {
                    throw tooLarge(in);
                }
            }
            return n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
        }
    }

    /**
     * The 413 problem, after reading and discarding up to {@link #DRAIN_BYTES} more of the body: a
     * client still sending would otherwise see the connection reset instead of the answer.
     */
    private static HttpProblem tooLarge(InputStream in) throws IOException {
        byte[] sink = new byte[16384];
        long drained = 0;
        for (int read = in.read(sink); read >= 0 && drained < DRAIN_BYTES; read = in.read(sink)) {
            drained += read;
        }
        return HttpProblem.tooLarge(MAX_BYTES);
    }
}
