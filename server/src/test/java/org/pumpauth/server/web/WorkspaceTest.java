package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pumpauth.server.ReviewServer;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;

/** The web workspace over HTTP on H2: sign-in and sessions, CSRF, headers, the queue, the case page and its actions. */
class WorkspaceTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
    private static final String MARKUP = "<script>alert(1)</script><b>bold</b>\"'&";
    private static RunningWorkspace workspace;
    private static ReviewService service;
    private static ReviewServer server;
    private static String nurse;
    private static String physician;
    private static String clinic;
    private static int counter;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.onH2(CLOCK);
        service = workspace.service;
        server = workspace.server;
        nurse = service.keys().create(Role.NURSE, "nurse-n");
        physician = service.keys().create(Role.PHYSICIAN, "dr-p");
        clinic = service.keys().create(Role.SUBMITTER, "clinic-a");
    }

    @AfterAll
    static void stop() {
        workspace.close();
    }

    private static Browserless browser() {
        return new Browserless(server.port());
    }

    private static Browserless signedIn(String key) {
        return workspace.signedIn(key);
    }

    private static ReviewCase submit(String request) {
        return service.cases().submit(new Caller("clinic-a", Role.SUBMITTER), request.getBytes(StandardCharsets.UTF_8))
                .reviewCase();
    }

    private static String notMet(String requestId) {
        // A NIA implant whose intraspinal trial gave too little relief: not met, a physician's to decide.
        return Requests.meetsCriteria(requestId).replace("\"reliefPercent\": 60", "\"reliefPercent\": 20");
    }

    @Test
    void a_page_without_a_session_redirects_to_the_sign_in_page_with_303() {
        HttpResponse<String> r = browser().get("/");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/login");
    }

    @Test
    void signing_in_with_a_key_sets_an_http_only_same_site_strict_session_cookie_and_opens_the_queue() {
        Browserless b = browser();
        HttpResponse<String> r = b.signIn(nurse);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/");
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Workspace.SESSION_COOKIE))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/").doesNotContain("Secure");
        HttpResponse<String> queue = b.get("/");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Signed in as <strong>nurse-n</strong>");
    }

    @Test
    void behind_an_https_proxy_the_session_cookie_is_secure() {
        Browserless b = browser();
        String form = b.get("/login").body();
        HttpResponse<String> r = b.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + "/login")));
        assertThat(r.statusCode()).isEqualTo(200);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        try {
            HttpResponse<String> post = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + server.port() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-Proto", "https")
                    .header("Cookie", Workspace.LOGIN_COOKIE + "=" + b.cookies.get(Workspace.LOGIN_COOKIE))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=" + Browserless.csrf(r.body()) + "&key=" + nurse))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(form).contains("name=\"key\"");
            assertThat(post.statusCode()).isEqualTo(303);
            assertThat(post.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                    .startsWith(Workspace.SESSION_COOKIE).contains("Secure"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void an_unknown_key_is_refused_with_401_without_repeating_it() {
        HttpResponse<String> r = browser().signIn("pa_" + "x".repeat(43) + "PATIENT");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("key: this API key is not known or has been revoked").doesNotContain("PATIENT");
    }

    @Test
    void a_sign_in_without_the_forms_token_is_refused_as_forged() {
        Browserless b = browser();
        b.get("/login");
        HttpResponse<String> r = b.post("/login", "key", nurse);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Workspace.SESSION_COOKIE));
    }

    @Test
    void a_form_post_without_the_sessions_token_is_refused_and_changes_nothing() {
        ReviewCase c = submit(notMet("W-" + (++counter)));
        Browserless b = signedIn(physician);
        HttpResponse<String> r = b.post("/cases/" + c.id() + "/approve", "rationale", "forged");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(service.cases().get(new Caller("dr-p", Role.PHYSICIAN), c.id()).status().code()).isEqualTo("pending-review");
    }

    @Test
    void signing_out_ends_the_session() {
        Browserless b = signedIn(nurse);
        String csrf = Browserless.csrf(b.get("/").body());
        String token = b.cookies.get(Workspace.SESSION_COOKIE);
        assertThat(b.post("/logout", "csrf", csrf).statusCode()).isEqualTo(303);
        b.cookies.put(Workspace.SESSION_COOKIE, token);
        assertThat(b.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void a_revoked_keys_sessions_end_at_their_next_request() {
        String key = service.keys().create(Role.NURSE, "nurse-revoked");
        Browserless b = signedIn(key);
        assertThat(b.get("/").statusCode()).isEqualTo(200);
        service.keys().revoke("nurse-revoked", "operator");
        assertThat(b.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void a_session_ends_after_eight_idle_hours() {
        Browserless b = signedIn(nurse);
        CLOCK.advance(Duration.ofHours(7));
        assertThat(b.get("/").statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofHours(7));
        assertThat(b.get("/").statusCode()).as("used 7 hours ago").isEqualTo(200);
        CLOCK.advance(Duration.ofHours(8));
        assertThat(b.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void pages_carry_a_content_security_policy_without_inline_scripts_and_no_inline_script() {
        Browserless b = signedIn(nurse);
        HttpResponse<String> r = b.get("/");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(r.body()).doesNotContainPattern("<script(?![^>]*src=)");
        assertThat(browser().get("/assets/htmx.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void a_known_path_with_a_wrong_method_is_405_naming_the_allowed_ones() {
        Browserless b = browser();
        HttpResponse<String> put = b.send("PUT", "/login");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).contains("GET, POST");
        assertThat(put.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(put.body()).contains("\"status\":405").contains("this path answers GET, POST only");
        HttpResponse<String> get = b.get("/cases/00000000-0000-0000-0000-000000000000/approve");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(b.send("DELETE", "/").statusCode()).isEqualTo(405);
    }

    @Test
    void the_queue_shows_open_cases_by_due_time_with_time_left_overdue_in_words_and_counts_per_status() {
        ReviewCase late = submit(notMet("W-" + (++counter)));
        Browserless b = signedIn(nurse);
        String body = b.get("/?status=open&urgency=standard").body();
        assertThat(body).contains(late.requestId()).contains("overdue by").contains("pending-review: <strong>");
        assertThat(body).contains("M-100234").contains("implant (62362, 62350)");
        assertThat(b.get("/?status=approved").body()).doesNotContain(">" + late.requestId() + "<");
    }

    @Test
    void the_queue_filters_answer_only_the_results_to_htmx() {
        Browserless b = signedIn(nurse);
        HttpResponse<String> r = b.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + "/?status=all")).header("HX-Request", "true"));
        assertThat(r.body()).startsWith("<table").doesNotContain("<html");
    }

    @Test
    void the_case_page_shows_the_criteria_tree_with_the_cited_passage_highlighted_and_the_missing_checklist() {
        ReviewCase c = submit(Requests.insufficient("W-" + (++counter)));
        String body = signedIn(nurse).get("/cases/" + c.id()).body();
        assertThat(body).contains("Latest determination").contains("not met").contains("unknown")
                .contains("Citation: 000_ade0b84dfbdd6f77.txt § INTRASPINAL DRUG TRIAL")
                .contains("<mark>INTRASPINAL DRUG TRIAL");
        assertThat(body).contains("Missing information").contains("<code>psychEvaluation");
        assertThat(body).contains("History, oldest first").contains("audit: submitted");
    }

    @Test
    void a_nurse_sees_no_deny_form_and_a_physician_does() {
        ReviewCase c = submit(notMet("W-" + (++counter)));
        assertThat(signedIn(nurse).get("/cases/" + c.id()).body()).contains("/approve").doesNotContain("/deny\"");
        assertThat(signedIn(physician).get("/cases/" + c.id()).body()).contains("/deny\"").contains("peer-to-peer");
        assertThat(signedIn(clinic).get("/cases/" + c.id()).body()).doesNotContain("/approve\"").doesNotContain("/deny\"");
    }

    @Test
    void a_denial_must_name_a_criterion_and_then_goes_through_the_service_with_its_audit_entry() {
        ReviewCase c = submit(notMet("W-" + (++counter)));
        Browserless b = signedIn(physician);
        String csrf = Browserless.csrf(b.get("/cases/" + c.id()).body());
        HttpResponse<String> none = b.post("/cases/" + c.id() + "/deny", "csrf", csrf, "rationale", "no");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("deny: criterion: choose at least one criterion the denial rests on");
        HttpResponse<String> denied = b.post("/cases/" + c.id() + "/deny", "csrf", csrf, "criterion", "trial.relief",
                "rationale", "relief under half " + MARKUP);
        assertThat(denied.statusCode()).isEqualTo(303);
        String page = b.get("/cases/" + c.id()).body();
        assertThat(page).contains("denied").contains("audit: decided");
        assertThat(page).doesNotContain(MARKUP).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void a_nurse_extends_a_case_from_its_page_and_an_invalid_form_shows_the_apis_message() {
        ReviewCase c = submit(notMet("W-" + (++counter)));
        CLOCK.set(Instant.parse("2024-03-05T12:00:00Z"));
        try {
            Browserless b = signedIn(nurse);
            String csrf = Browserless.csrf(b.get("/cases/" + c.id()).body());
            HttpResponse<String> bad = b.post("/cases/" + c.id() + "/extend", "csrf", csrf, "days", "40", "reason", "x");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("extend: days: is required: a whole number of calendar days from 1 to 14");
            assertThat(b.post("/cases/" + c.id() + "/extend", "csrf", csrf, "days", "7", "reason", MARKUP).statusCode())
                    .isEqualTo(303);
            assertThat(b.get("/cases/" + c.id()).body()).contains("extended by 7 days").doesNotContain(MARKUP);
        } finally {
            CLOCK.set(Instant.parse("2024-04-01T12:00:00Z"));
        }
    }

    @Test
    void a_submitter_sees_only_its_own_cases_and_another_case_is_404() {
        ReviewCase c = submit(notMet("W-" + (++counter)));
        String other = service.keys().create(Role.SUBMITTER, "clinic-other");
        Browserless b = signedIn(other);
        assertThat(b.get("/").body()).doesNotContain(c.requestId());
        assertThat(b.get("/cases/" + c.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void the_submitter_sends_missing_information_through_the_form_generated_from_the_contract() {
        ReviewCase c = submit(Requests.insufficient("W-" + (++counter)));
        Browserless b = signedIn(clinic);
        assertThat(b.get("/").body()).contains(c.requestId());
        String page = b.get("/cases/" + c.id()).body();
        assertThat(page).contains("Send the missing information")
                .contains("name=\"psychEvaluation.completed\" value=\"yes\"");
        String csrf = Browserless.csrf(page);
        HttpResponse<String> bad = b.post("/cases/" + c.id() + "/information", "csrf", csrf, "psychEvaluation.completed",
                "maybe <i>");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("information: psychEvaluation.completed: must be true or false")
                .doesNotContain("maybe <i>");
        assertThat(b.post("/cases/" + c.id() + "/information", "csrf", csrf).body())
                .contains("information: fill in at least one of the missing fields");
        HttpResponse<String> sent = b.post("/cases/" + c.id() + "/information", "csrf", csrf,
                "psychEvaluation.completed", "yes", "contraindications.activeSystemicInfection", "no");
        assertThat(sent.statusCode()).isEqualTo(303);
        ReviewCase after = service.cases().get(new Caller("clinic-a", Role.SUBMITTER), c.id());
        assertThat(after.determinations()).hasSize(2);
        assertThat(after.requestJson()).contains("\"completed\":true").contains("\"activeSystemicInfection\":false");
        assertThat(signedIn(nurse).get("/cases/" + c.id()).body()).doesNotContain("Send the missing information");
    }
}
