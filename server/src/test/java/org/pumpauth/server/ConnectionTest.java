package org.pumpauth.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.testing.FuzzRequests;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.RawHttp;
import org.pumpauth.server.testing.Requests;
import org.pumpauth.server.testing.TestDatabase;

/**
 * What the service answers on the connection itself, spoken byte by byte on a raw socket: a key on a
 * kept-alive connection, a body cut short, a broken chunk, an HTTP/2 preface.
 */
class ConnectionTest {
    private static ReviewService service;
    private static ReviewServer server;
    private static String nurse;

    @BeforeAll
    static void start() {
        service = ReviewService.open(TestDatabase.H2.fresh(), PolicyRegistry.builtIn(), Optional.of("nia-cg-310"),
                new MutableClock(Instant.parse("2024-04-01T12:00:00Z")));
        server = ReviewServer.start(service, "127.0.0.1", 0, false);
        nurse = service.keys().create(Role.NURSE, "nurse-n");
    }

    @AfterAll
    static void stop() {
        server.close();
        service.close();
    }

    private static boolean isProblem(RawHttp.Response answer) {
        return answer.header("content-type").startsWith("application/problem+json")
                && answer.text().contains("\"status\":" + answer.status());
    }

    private static RawHttp.Response read(InputStream in) throws IOException {
        return RawHttp.read(in, false);
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String get(String key) {
        return "GET /v1/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key + "\r\n\r\n";
    }

    @Test
    void a_key_differing_only_in_case_is_refused_on_a_connection_that_already_sent_the_real_one() throws IOException {
        String variant = FuzzRequests.swapCase(nurse);
        assertThat(variant).isNotEqualTo(nurse);
        try (Socket socket = connect()) {
            send(socket.getOutputStream(), get(nurse));
            assertThat(read(socket.getInputStream()).status()).isEqualTo(200);
            send(socket.getOutputStream(), get(variant));
            assertThat(read(socket.getInputStream()).status()).isEqualTo(401);
        }
        try (Socket socket = connect()) {
            send(socket.getOutputStream(), get(variant));
            assertThat(read(socket.getInputStream()).status()).isEqualTo(401);
            send(socket.getOutputStream(), get(nurse));
            assertThat(read(socket.getInputStream()).status()).isEqualTo(200);
        }
    }

    @Test
    void a_malformed_percent_escape_in_a_path_is_a_400_problem_that_does_not_repeat_it() throws IOException {
        // Java's URI refuses to send these; a client that does not check may.
        for (String path : new String[] {"/v1/cases/John-Doe-1961%u002e", "/v1/cases/John-Doe-1961%2",
            "/v1/cases/John-Doe-1961%u002e/information"}) {
            try (Socket socket = connect()) {
                String method = path.endsWith("/information") ? "POST" : "GET";
                send(socket.getOutputStream(), method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + nurse + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
                RawHttp.Response answer = read(socket.getInputStream());

                assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(400);
                assertThat(isProblem(answer)).as(answer.text()).isTrue();
                assertThat(answer.text()).doesNotContain("John");
            }
        }
    }

    @Test
    void a_body_shorter_than_its_content_length_is_a_400_problem_that_closes_the_connection() throws IOException {
        String body = Requests.insufficient("CUT-1").substring(0, 40);
        try (Socket socket = connect()) {
            send(socket.getOutputStream(), "POST /v1/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + nurse
                    + "\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n" + body);
            socket.shutdownOutput();
            RawHttp.Response answer = read(socket.getInputStream());

            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(isProblem(answer)).as(answer.text()).isTrue();
            assertThat(answer.header("connection")).isEqualTo("close");
        }
    }

    @Test
    void a_broken_chunk_size_is_a_400_problem_that_closes_the_connection() throws IOException {
        try (Socket socket = connect()) {
            send(socket.getOutputStream(), "POST /v1/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + nurse
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\nzz\r\n1}\r\n0\r\n\r\n");
            RawHttp.Response answer = read(socket.getInputStream());

            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(isProblem(answer)).as(answer.text()).isTrue();
            assertThat(answer.header("connection")).isEqualTo("close");
        }
    }

    @Test
    void an_http2_preface_on_the_http1_port_is_answered_with_a_problem_document_and_the_connection_closed()
            throws IOException {
        try (Socket socket = connect()) {
            send(socket.getOutputStream(), "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            RawHttp.Response answer = read(socket.getInputStream());

            assertThat(answer.status()).isEqualTo(426); // Jetty: Upgrade Required
            assertThat(isProblem(answer)).as(answer.headers() + " " + answer.text()).isTrue();
            assertThat(answer.header("connection")).isEqualTo("close");
        }
    }
}
