package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pumpauth.server.ReviewServer;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.cases.CaseQuery;
import org.pumpauth.server.testing.Client;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;

/** Checking a request before it is sent (/check) over HTTP on H2: pasted or uploaded, invalid ones answered as the API answers. */
class RequestCheckTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
    private static final String MARKUP = "<script>alert(1)</script><b>bold</b>\"'&";
    private static final String BOUNDARY = "----pumpauth-test-boundary";
    private static RunningWorkspace workspace;
    private static ReviewService service;
    private static ReviewServer server;
    private static String clinic;
    private static String nurse;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.onH2(CLOCK);
        service = workspace.service;
        server = workspace.server;
        clinic = service.keys().create(Role.SUBMITTER, "clinic-a");
        nurse = service.keys().create(Role.NURSE, "nurse-n");
    }

    @AfterAll
    static void stop() {
        workspace.close();
    }

    private static Browserless signedIn(String key) {
        return workspace.signedIn(key);
    }

    /** Posts the check form as a browser does: multipart, with the text area and (when given) a file. */
    static HttpResponse<String> check(Browserless b, String csrf, String pasted, String fileName, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, "form-data; name=\"csrf\"", null, csrf.getBytes(StandardCharsets.UTF_8));
        part(body, "form-data; name=\"request\"", null, pasted.getBytes(StandardCharsets.UTF_8));
        part(body, "form-data; name=\"file\"; filename=\"" + fileName + "\"", "application/json", file);
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/check"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void part(ByteArrayOutputStream body, String disposition, String type, byte[] content) {
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String csrf(Browserless b) {
        HttpResponse<String> form = b.get("/check");
        assertThat(form.statusCode()).isEqualTo(200);
        return Browserless.csrf(form.body());
    }

    private static int cases() {
        return service.cases().queue(new org.pumpauth.server.access.Caller("nurse-n", Role.NURSE),
                new CaseQuery(Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), 100, 0)).size();
    }

    @Test
    void a_pasted_request_shows_its_determination_tree_checklist_and_comparison_and_creates_no_case() {
        Browserless b = signedIn(clinic);
        String page = check(b, csrf(b), Requests.insufficient("CHECK-1"), "", new byte[0]).body();
        assertThat(page).contains("Request CHECK-1: what it would get")
                // the determination, as the case page shows one
                .contains("nia-cg-310@2024-01-01: INSUFFICIENT_INFORMATION (pathway implant/chronic-pain)")
                .contains("<code>psychEvaluation.completed</code>")
                .contains("class=\"criterion unknown\"").contains("class=\"criterion met\"")
                // the checklist of its pathway, as pumpauth checklist gives it
                .contains("Documentation checklist for its pathway").contains("Pathway implant/chronic-pain:")
                // every policy in force, as pumpauth compare gives it
                .contains("<th scope=\"row\">bsc-7.01.41</th>").contains("<th scope=\"row\">bcbsnc-iip</th>")
                .contains("send psychEvaluation.completed: ");
        assertThat(cases()).as("no case is created").isZero();
    }

    @Test
    void an_uploaded_file_is_checked_instead_of_the_text_and_shown_in_the_text_area() {
        Browserless b = signedIn(nurse);
        String request = Requests.meetsCriteria("CHECK-FILE");
        HttpResponse<String> r = check(b, csrf(b), "ignored when a file is chosen", "request.json",
                request.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("nia-cg-310@2024-01-01: MEETS_CRITERIA").contains("CHECK-FILE")
                .doesNotContain("ignored when a file is chosen");
    }

    @Test
    void a_contract_error_is_shown_with_the_apis_message_beside_the_form_which_keeps_the_text_escaped() {
        Browserless b = signedIn(clinic);
        String invalid = Requests.patched(Requests.meetsCriteria("CHECK-BAD"), "{'urgency': 'whenever', 'notes': [{'text': 'x'}]}")
                .replace("CHECK-BAD", "CHECK-BAD" + MARKUP.replace("\"", "'"));
        HttpResponse<String> r = check(b, csrf(b), invalid, "", new byte[0]);
        assertThat(r.statusCode()).isEqualTo(400);
        Client.Response api = new Client(server.port()).post("/v1/evaluate", clinic, invalid);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.json().path("errors")).isNotEmpty();
        api.json().path("errors").forEach(e -> assertThat(r.body()).contains(escaped(e.path("field").asText() + ": "
                + e.path("message").asText())));
        assertThat(r.body()).doesNotContain(MARKUP.replace("\"", "'")).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("role=\"alert\"").doesNotContain("what it would get");
    }

    @Test
    void text_that_is_not_json_gets_the_apis_message() {
        Browserless b = signedIn(clinic);
        String notJson = "{\"requestId\": \"CHECK-NJ\", ";
        HttpResponse<String> r = check(b, csrf(b), notJson, "", new byte[0]);
        assertThat(r.statusCode()).isEqualTo(400);
        Client.Response api = new Client(server.port()).post("/v1/evaluate", clinic, notJson);
        api.json().path("errors").forEach(e -> assertThat(r.body()).contains(escaped(
                (e.path("field").asText().isEmpty() ? "" : e.path("field").asText() + ": ") + e.path("message").asText())));
        assertThat(r.body()).contains(">" + notJson + "</textarea>");
    }

    @Test
    void a_file_over_the_apis_1_mib_limit_is_refused_naming_the_limit() {
        Browserless b = signedIn(clinic);
        byte[] big = new byte[RequestCheck.MAX_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> r = check(b, csrf(b), "", "big.json", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("file: at most 1 MiB (1048576 bytes)");
        byte[] huge = new byte[8 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> h = check(b, csrf(b), "", "huge.json", huge);
        assertThat(h.statusCode()).isEqualTo(413);
        assertThat(h.body()).contains("at most 1 MiB");
    }

    @Test
    void an_empty_form_asks_for_a_request() {
        Browserless b = signedIn(clinic);
        HttpResponse<String> r = check(b, csrf(b), "  ", "", new byte[0]);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("request: paste a request as JSON or choose a .json file");
    }

    @Test
    void every_signed_in_role_has_the_link_and_a_check_without_the_sessions_token_is_refused() {
        Browserless b = signedIn(clinic);
        assertThat(b.get("/").body()).contains("href=\"/check\"");
        assertThat(check(b, "not-the-token", Requests.meetsCriteria("CHECK-CSRF"), "", new byte[0]).statusCode()).isEqualTo(403);
        assertThat(new Browserless(server.port()).get("/check").statusCode()).isEqualTo(303);
        assertThat(b.send("PUT", "/check").statusCode()).isEqualTo(405);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
