package org.pumpauth.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 spoken byte by byte on a socket, for what a well-behaved client will not send: a raw path, a
 * broken percent-escape, a body shorter than its Content-Length, bytes that are not UTF-8.
 */
public final class RawHttp {
    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A request: method, raw target (path and query), header lines, body (null: none) and how to frame it. */
    public record Request(String method, String target, List<String> headers, byte[] body, Framing framing) {}

    /** How the body is framed: its length, a Content-Length larger than the body (then the client stops sending), or chunks with a broken size. */
    public enum Framing { LENGTH, SHORT_BODY, BROKEN_CHUNK }

    /** A response: status, headers by lower-case name, the body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /**
     * The server closed the connection while the body was still being sent, and its answer (if it gave one)
     * was lost with the connection's reset: what TCP does to a server that stops reading early.
     */
    public static final class ClosedEarly extends IOException {
        private static final long serialVersionUID = 1L;

        ClosedEarly(IOException cause) {
            super("the server closed the connection before the body was sent", cause);
        }
    }

    public Response send(Request request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder();
            head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (String h : request.headers()) {
                head.append(h).append("\r\n");
            }
            byte[] body = request.body();
            if (body != null) {
                switch (request.framing()) {
                    case LENGTH -> head.append("Content-Length: ").append(body.length).append("\r\n");
                    case SHORT_BODY -> head.append("Content-Length: ").append(body.length + 1000).append("\r\n");
                    case BROKEN_CHUNK -> head.append("Transfer-Encoding: chunked\r\n");
                }
            }
            head.append("Connection: close\r\n\r\n");
            try {
                write(out, head.toString(), request);
                if (request.framing() == Framing.SHORT_BODY) {
                    socket.shutdownOutput(); // the body ends here, short of its Content-Length
                }
            } catch (IOException e) {
                // The server may answer before the whole body is sent (a 415, a broken chunk) and close: read its answer.
                try {
                    return read(socket.getInputStream(), request.method().equals("HEAD"));
                } catch (IOException lost) {
                    throw new ClosedEarly(e);
                }
            }
            return read(socket.getInputStream(), request.method().equals("HEAD"));
        }
    }

    private static void write(OutputStream out, String head, Request request) throws IOException {
        byte[] body = request.body();
        out.write(head.getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            if (request.framing() == Framing.BROKEN_CHUNK) {
                int half = body.length / 2;
                out.write((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, half);
                out.write("\r\nzz\r\n".getBytes(StandardCharsets.US_ASCII));
                out.write(body, half, body.length - half);
                out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(body);
            }
        }
        out.flush();
    }

    /** Reads one response; {@code head}: the request was HEAD, so no body follows the headers. */
    public static Response read(InputStream in, boolean head) throws IOException {
        String status = line(in);
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if (head) {
            body = new byte[0];
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                all.writeBytes(in.readNBytes(size));
                line(in);
            }
            body = all.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Response(Integer.parseInt(status.substring(9, 12)), headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed in the middle of a response");
            }
            if (b != '\r') {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
