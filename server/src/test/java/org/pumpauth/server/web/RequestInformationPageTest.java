package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pumpauth.server.ReviewServer;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.cases.CaseStatus;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.letters.Letter;
import org.pumpauth.server.letters.LetterKind;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;

/**
 * Over HTTP on H2: a reviewer requests information with a note from the case page (the provider then
 * reads the note on its own page), and a case's letters download as PDF through the session.
 */
class RequestInformationPageTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
    private static final String MARKUP = Chromium.MARKUP;
    private static final String ESCAPED = "&lt;script&gt;window.injected=1&lt;/script&gt;";
    private static final Caller NURSE = new Caller("nurse-r", Role.NURSE);
    private static RunningWorkspace workspace;
    private static ReviewService service;
    private static ReviewServer server;
    private static String nurse;
    private static String clinic;
    private static String otherClinic;
    private static String admin;
    private static int counter;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.onH2(CLOCK);
        service = workspace.service;
        server = workspace.server;
        nurse = service.keys().create(Role.NURSE, "nurse-r");
        clinic = service.keys().create(Role.SUBMITTER, "clinic-r");
        otherClinic = service.keys().create(Role.SUBMITTER, "clinic-s");
        admin = service.keys().create(Role.ADMIN, "admin-r");
    }

    @AfterAll
    static void stop() {
        workspace.close();
    }

    private static Browserless signedIn(String key) {
        return workspace.signedIn(key);
    }

    private static ReviewCase submit(String request) {
        return service.cases().submit(new Caller("clinic-r", Role.SUBMITTER), request.getBytes(StandardCharsets.UTF_8))
                .reviewCase();
    }

    private static ReviewCase waiting() {
        return submit(Requests.insufficient("Q-" + (++counter)));
    }

    private static List<Letter> letters(ReviewCase c) {
        return service.cases().letters(NURSE, c.id());
    }

    @Test
    void a_nurse_requests_information_with_a_note_and_the_provider_reads_the_note_on_its_case_page() {
        ReviewCase c = waiting();
        Browserless b = signedIn(nurse);
        String page = b.get("/cases/" + c.id()).body();
        assertThat(page).contains("Request information from the provider").contains("Note to the provider (optional)")
                .containsPattern("\\(\\d+ items\\) as a letter");

        HttpResponse<String> sent = b.post("/cases/" + c.id() + "/request-information", "csrf", Browserless.csrf(page),
                "note", "Please send Dr. Ortiz's evaluation " + MARKUP);

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(letters(c)).extracting(Letter::kind)
                .containsExactly(LetterKind.INFORMATION_REQUEST, LetterKind.INFORMATION_REQUEST);
        String provider = signedIn(clinic).get("/cases/" + c.id()).body();
        assertThat(provider).contains("Requests sent to the provider").contains("by nurse-r, for: <code>psychEvaluation.completed")
                .contains("Please send Dr. Ortiz's evaluation " + ESCAPED).doesNotContain(MARKUP)
                .doesNotContain("/request-information\"");
        assertThat(b.get("/cases/" + c.id()).body()).contains("audit: information-requested");
    }

    @Test
    void with_nothing_missing_the_note_is_required_and_the_page_says_so_with_the_apis_message() {
        ReviewCase c = submit(Requests.meetsCriteria("Q-" + (++counter)).replace("\"reliefPercent\": 60",
                "\"reliefPercent\": 20"));
        Browserless b = signedIn(nurse);
        String page = b.get("/cases/" + c.id()).body();
        assertThat(page).contains("Note to the provider (required)");

        HttpResponse<String> bad = b.post("/cases/" + c.id() + "/request-information", "csrf", Browserless.csrf(page),
                "note", " ");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("request-information: note: is required when the latest determination lists no"
                + " missing information: say what the provider should send");
        assertThat(b.post("/cases/" + c.id() + "/request-information", "csrf", Browserless.csrf(page), "note",
                "the trial's pain diary").statusCode()).isEqualTo(303);
        assertThat(service.cases().get(NURSE, c.id()).status()).isEqualTo(CaseStatus.INFORMATION_REQUESTED);
    }

    @Test
    void a_provider_or_an_admin_is_not_shown_the_form_and_a_forged_post_changes_nothing() {
        ReviewCase c = waiting();
        assertThat(signedIn(admin).get("/cases/" + c.id()).body()).doesNotContain("/request-information\"");
        Browserless b = signedIn(clinic);
        String page = b.get("/cases/" + c.id()).body();

        HttpResponse<String> forged = b.post("/cases/" + c.id() + "/request-information", "csrf", Browserless.csrf(page),
                "note", "n");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("request-information: requesting information needs a nurse or physician key");
        assertThat(letters(c)).hasSize(1);
    }

    @Test
    void a_letter_downloads_as_a_pdf_for_a_session_that_may_see_the_case_and_for_no_other() {
        ReviewCase c = waiting();
        String letterId = letters(c).get(0).id();
        String path = "/cases/" + c.id() + "/letters/" + letterId + "/pdf";
        Browserless b = signedIn(clinic);
        assertThat(b.get("/cases/" + c.id()).body()).contains("href=\"" + path + "\"");

        HttpResponse<byte[]> pdf = b.sendBytes(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)));

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"letter-" + letterId + ".pdf\"");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(signedIn(otherClinic).get(path).statusCode()).isEqualTo(404);
        assertThat(new Browserless(server.port()).get(path).statusCode()).as("no session").isEqualTo(303);
        assertThat(b.get("/cases/" + c.id() + "/letters/not-a-letter/pdf").statusCode()).isEqualTo(404);
        assertThat(b.send("POST", path).statusCode()).isEqualTo(405);
    }
}
