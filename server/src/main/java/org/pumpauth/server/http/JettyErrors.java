package org.pumpauth.server.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors, for a request it refuses before any route sees it (a malformed URI or
 * header, an HTTP/2 preface): a problem document like every other answer, never Jetty's HTML page
 * or its message, and {@code Connection: close}, since Jetty does not read that connection further.
 */
final class JettyErrors extends ErrorHandler {
    private static Problem problem(int status) {
        String reason = HttpStatus.getMessage(status);
        return Problem.of(status, "http-" + status, reason, "the request could not be handled (" + reason + ")");
    }

    /** Every method gets the document, not only GET, POST and HEAD: an HTTP/2 preface's is PRI. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(problem(code).toJson()), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        fields.put(HttpHeader.CONNECTION, "close");
        return ByteBuffer.wrap(problem(status).toJson());
    }
}
