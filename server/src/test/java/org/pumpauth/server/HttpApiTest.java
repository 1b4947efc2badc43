package org.pumpauth.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.testing.Client;
import org.pumpauth.server.testing.Client.Response;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;
import org.pumpauth.server.testing.TestDatabase;

/** The HTTP API against a real server on 127.0.0.1: status codes, problem documents, roles and the clock. */
class HttpApiTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
    private static ReviewService service;
    private static ReviewServer server;
    private static Client client;
    private static String clinic;
    private static String otherClinic;
    private static String nurse;
    private static String physician;
    private static String otherPhysician;
    private static int counter;

    @BeforeAll
    static void start() {
        service = ReviewService.open(TestDatabase.H2.fresh(), PolicyRegistry.builtIn(), Optional.of("nia-cg-310"), CLOCK);
        server = ReviewServer.start(service, "127.0.0.1", 0, false);
        client = new Client(server.port());
        clinic = service.keys().create(Role.SUBMITTER, "clinic-a");
        otherClinic = service.keys().create(Role.SUBMITTER, "clinic-b");
        nurse = service.keys().create(Role.NURSE, "nurse-n");
        physician = service.keys().create(Role.PHYSICIAN, "dr-p");
        otherPhysician = service.keys().create(Role.PHYSICIAN, "dr-q");
    }

    @AfterAll
    static void stop() {
        server.close();
        service.close();
    }

    private static String newId() {
        return "H-" + (++counter);
    }

    @Test
    void a_key_name_with_a_control_character_is_refused_since_names_go_into_the_audit_hash() {
        assertThatThrownBy(() -> service.keys().create(Role.NURSE, "nurse\nx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without control characters");
    }

    private static void assertProblem(Response r, int status, String kind) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asText()).isEqualTo("urn:pumpauth:problem:" + kind);
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        assertThat(r.json().path("title").asText()).isNotEmpty();
        assertThat(r.json().path("detail").asText()).isNotEmpty();
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void a_key_revoked_after_it_submitted_is_refused_from_its_next_submission_and_nothing_is_stored() {
        String key = service.keys().create(Role.SUBMITTER, "clinic-revoked");
        assertThat(client.post("/v1/cases", key, Requests.insufficient("REVOKED-1")).status()).isEqualTo(201);

        service.keys().revoke("clinic-revoked", "operator:test");

        Response refused = client.post("/v1/cases", key, Requests.insufficient("REVOKED-2"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.raw().headers().firstValue("Location")).isEmpty();
        assertThat(client.post("/v1/cases", key, Requests.insufficient("REVOKED-1")).status()).as("a replay").isEqualTo(401);
        List<String> stored = service.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT request_id FROM review_case WHERE submitter = 'clinic-revoked'").mapTo(String.class).list());
        assertThat(stored).containsExactly("REVOKED-1");
    }

    @Test
    void evaluate_answers_the_determination_and_stores_nothing() {
        Response r = client.post("/v1/evaluate", clinic, Requests.meetsCriteria("EV-1"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode d = r.json().path("determinations").get(0);
        assertThat(d.path("outcome").asText()).isEqualTo("MEETS_CRITERIA");
        assertThat(d.path("policy").path("id").asText()).isEqualTo("nia-cg-310");
        assertThat(client.get("/v1/cases", nurse).json().path("cases").findValuesAsText("requestId")).doesNotContain("EV-1");
    }

    @Test
    void an_invalid_request_is_a_400_problem_naming_each_field_without_repeating_its_value() {
        Response r = client.post("/v1/cases", clinic, "{\"requestId\": \"X\", \"pain\": {\"score\": \"SECRET-VALUE\"}}");

        assertProblem(r, 400, "invalid-request");
        List<String> fields = r.json().path("errors").findValuesAsText("field");
        assertThat(fields).contains("pain.score", "service.kind");
        assertThat(r.text()).doesNotContain("SECRET-VALUE");
        assertProblem(client.post("/v1/evaluate", clinic, "{\"requestId\": "), 400, "invalid-request");
    }

    @Test
    void no_key_or_an_unknown_key_is_401() {
        Response none = client.get("/v1/cases", null);
        assertProblem(none, 401, "unauthorized");
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(client.get("/v1/cases", "pa_not-a-key"), 401, "unauthorized");
        assertProblem(client.post("/v1/evaluate", "pa_not-a-key", Requests.meetsCriteria("X")), 401, "unauthorized");
    }

    @Test
    void a_wrong_content_type_is_415_and_a_body_over_1_MiB_is_413() {
        assertProblem(client.send("POST", "/v1/cases", clinic, "text/plain", Requests.meetsCriteria("X")), 415,
                "unsupported-media-type");
        String huge = "{\"requestId\": \"BIG\", \"notes\": [{\"text\": \"" + "x".repeat(1024 * 1024) + "\"}]}";
        assertProblem(client.post("/v1/cases", clinic, huge), 413, "too-large");
        assertProblem(client.send("POST", "/v1/cases", clinic, "application/json", huge, true), 413, "too-large");
        String justUnder = "{\"requestId\": \"BIG\", \"x\": \"" + "x".repeat(1024 * 1024 - 40) + "\"}";
        assertProblem(client.send("POST", "/v1/evaluate", clinic, "application/json", justUnder, true), 400, "invalid-request");
    }

    @Test
    void an_unknown_case_or_route_is_a_404_problem() {
        assertProblem(client.get("/v1/cases/no-such-case", nurse), 404, "not-found");
        assertProblem(client.get("/v1/nothing-here", nurse), 404, "not-found");
        assertProblem(client.send("DELETE", "/v1/cases", nurse, null, null), 404, "not-found");
    }

    @Test
    void a_request_jetty_refuses_before_any_route_is_still_a_problem_document() {
        Response r = client.get("/v1/cases/%00%ff", nurse);

        assertProblem(r, 400, "http-400");
        assertThat(r.text()).doesNotContain("<html");
    }

    @Test
    void submitting_is_201_with_the_case_then_200_for_the_same_body_and_409_for_another() {
        String id = newId();
        Response created = client.post("/v1/cases", clinic, Requests.insufficient(id));

        assertThat(created.status()).isEqualTo(201);
        String caseId = created.json().path("id").asText();
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/v1/cases/" + caseId);
        assertThat(created.json().path("status").asText()).isEqualTo("information-requested");
        assertThat(created.json().path("dueAt").asText()).isEqualTo("2024-04-04T09:00:00Z");
        assertThat(created.json().path("timeLeft").asText()).isEqualTo("PT69H");
        assertThat(created.json().path("determinations").get(0).path("determination").path("outcome").asText())
                .isEqualTo("INSUFFICIENT_INFORMATION");

        Response replay = client.post("/v1/cases", clinic, Requests.insufficient(id));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("id").asText()).isEqualTo(caseId);

        assertProblem(client.post("/v1/cases", clinic, Requests.patched(Requests.insufficient(id), "{'pain': {'score': 9}}")), 409, "conflict");
    }

    @Test
    void a_submitter_cannot_see_another_submitters_case() {
        String caseId = client.post("/v1/cases", clinic, Requests.insufficient(newId())).json().path("id").asText();

        assertThat(client.get("/v1/cases/" + caseId, clinic).status()).isEqualTo(200);
        assertProblem(client.get("/v1/cases/" + caseId, otherClinic), 404, "not-found");
        assertThat(client.get("/v1/cases", otherClinic).json().path("cases").findValuesAsText("id")).doesNotContain(caseId);
        assertThat(client.get("/v1/cases", nurse).json().path("cases").findValuesAsText("id")).contains(caseId);
    }

    @Test
    void the_queue_is_ordered_by_due_time_and_shows_time_left_and_overdue() {
        client.post("/v1/cases", clinic, Requests.patched(Requests.insufficient(newId()), "{'urgency': 'standard'}"));
        client.post("/v1/cases", clinic, Requests.insufficient(newId()));

        Response queue = client.get("/v1/cases?status=information-requested&policy=nia-cg-310", nurse);

        assertThat(queue.status()).isEqualTo(200);
        List<String> due = queue.json().path("cases").findValuesAsText("dueAt");
        assertThat(due).isNotEmpty().isSorted();
        assertThat(queue.json().path("cases").get(0).has("timeLeft")).isTrue();
        assertThat(queue.json().path("cases").get(0).path("overdue").asBoolean()).isFalse();

        CLOCK.advance(Duration.ofDays(8));
        try {
            Response later = client.get("/v1/cases?status=information-requested&dueBefore=2024-04-10T00:00:00Z", nurse);
            assertThat(later.json().path("cases")).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.path("overdue").asBoolean()).isTrue());
            assertThat(later.json().path("cases").get(0).path("timeLeft").asText()).startsWith("PT-");
        } finally {
            CLOCK.advance(Duration.ofDays(-8));
        }
        assertProblem(client.get("/v1/cases?status=lost&dueBefore=tomorrow", nurse), 400, "invalid-request");
    }

    @Test
    void information_is_a_merge_patch_that_re_evaluates_and_keeps_earlier_determinations() {
        String caseId = client.post("/v1/cases", clinic, Requests.insufficient(newId())).json().path("id").asText();

        Response r = client.send("POST", "/v1/cases/" + caseId + "/information", clinic, "application/merge-patch+json",
                "{\"psychEvaluation\": {\"completed\": true}, \"pain\": {\"functionalDisability\": true},"
                        + " \"medicationTrials\": null}");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("determinations")).hasSize(2);
        JsonNode request = r.json().path("request");
        assertThat(request.path("psychEvaluation").path("completed").asBoolean()).isTrue();
        assertThat(request.path("pain").path("functionalDisability").asBoolean()).isTrue();
        assertThat(request.path("pain").path("score").asDouble()).as("a member not in the patch is kept").isEqualTo(7.5);
        assertThat(request.has("medicationTrials")).as("null removes a member").isFalse();
        assertThat(r.json().path("dueAt").asText()).isEqualTo("2024-04-04T09:00:00Z");
        Response clock = client.send("POST", "/v1/cases/" + caseId + "/information", clinic, "application/merge-patch+json",
                "{\"urgency\": null, \"receivedAt\": \"2024-04-03T00:00:00Z\"}");
        assertProblem(clock, 400, "invalid-request");
        assertThat(clock.json().path("errors").findValuesAsText("field")).containsExactly("receivedAt", "urgency");
        assertProblem(client.send("POST", "/v1/cases/" + caseId + "/information", clinic, "text/plain", "{}"), 415,
                "unsupported-media-type");
    }

    @Test
    void a_decision_by_role_nurse_approves_only_physician_denies() {
        String a = client.post("/v1/cases", clinic, Requests.insufficient(newId())).json().path("id").asText();
        String b = client.post("/v1/cases", clinic, Requests.insufficient(newId())).json().path("id").asText();
        String deny = "{\"decision\": \"deny\", \"rationale\": \"no documented trial\"}";

        assertProblem(client.post("/v1/cases/" + a + "/decision", nurse, deny), 403, "forbidden");
        assertProblem(client.post("/v1/cases/" + a + "/decision", clinic, deny), 403, "forbidden");
        Response denied = client.post("/v1/cases/" + a + "/decision", physician, deny);
        assertThat(denied.status()).isEqualTo(200);
        assertThat(denied.json().path("status").asText()).isEqualTo("denied");
        assertThat(denied.json().path("decision").path("by").asText()).isEqualTo("dr-p");
        assertThat(denied.json().path("timeLeft").isNull()).isTrue();

        Response approved = client.post("/v1/cases/" + b + "/decision", nurse,
                "{\"decision\": \"approve\", \"rationale\": \"trial documented by phone\"}");
        assertThat(approved.json().path("status").asText()).isEqualTo("approved");
        assertProblem(client.post("/v1/cases/" + b + "/decision", physician, deny), 409, "conflict");
        assertProblem(client.post("/v1/cases/" + b + "/decision", physician, "{}"), 400, "invalid-request");
    }

    @Test
    void an_extension_moves_the_due_time_in_the_case_and_the_queue_and_a_second_one_is_a_409() {
        String id = client.post("/v1/cases", clinic, Requests.insufficient(newId())).json().path("id").asText();
        String extension = "{\"days\": 5, \"reason\": \"waiting for the pain clinic's notes\"}";

        assertProblem(client.post("/v1/cases/" + id + "/extension", clinic, extension), 403, "forbidden");
        Response r = client.post("/v1/cases/" + id + "/extension", nurse, extension);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("dueAt").asText()).isEqualTo("2024-04-09T09:00:00Z");
        assertThat(r.json().path("extension").path("days").asInt()).isEqualTo(5);
        assertThat(r.json().path("extension").path("by").asText()).isEqualTo("nurse-n");
        JsonNode queued = client.get("/v1/cases?limit=1000", nurse).json().path("cases").findParents("id").stream()
                .filter(c -> c.path("id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(queued.path("dueAt").asText()).isEqualTo("2024-04-09T09:00:00Z");
        assertThat(queued.path("extension").path("reason").asText()).isEqualTo("waiting for the pain clinic's notes");
        Response again = client.post("/v1/cases/" + id + "/extension", physician, extension);
        assertProblem(again, 409, "conflict");
        assertThat(again.json().path("detail").asText()).contains("extended once");
        Response bad = client.post("/v1/cases/" + id + "/extension", physician, "{\"days\": 15, \"reason\": \"Jane Roe\"}");
        assertProblem(bad, 400, "invalid-request");
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactly("days");
    }

    @Test
    void an_appeal_puts_a_denied_case_in_reconsideration_which_another_physician_decides() {
        String id = client.post("/v1/cases", clinic, Requests.insufficient(newId())).json().path("id").asText();
        client.post("/v1/cases/" + id + "/decision", physician, "{\"decision\": \"deny\", \"rationale\": \"no evaluation\"}");

        Response appealed = client.post("/v1/cases/" + id + "/appeal", clinic,
                "{\"urgency\": \"expedited\", \"reason\": \"the evaluation was done in March\"}");

        assertThat(appealed.status()).as(appealed.text()).isEqualTo(200);
        assertThat(appealed.json().path("status").asText()).isEqualTo("reconsideration");
        assertThat(appealed.json().path("decision").isNull()).isTrue();
        assertThat(appealed.json().path("appeal").path("denial").path("by").asText()).isEqualTo("dr-p");
        assertThat(appealed.json().path("appeal").path("outcome").isNull()).isTrue();
        assertThat(Instant.parse(appealed.json().path("dueAt").asText())).isEqualTo(CLOCK.instant().plus(Duration.ofHours(72))
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(client.get("/v1/cases?status=reconsideration", nurse).json().path("cases").findValuesAsText("id"))
                .contains(id);

        Response same = client.post("/v1/cases/" + id + "/decision", physician,
                "{\"decision\": \"approve\", \"rationale\": \"on reconsideration\"}");
        assertProblem(same, 403, "forbidden");
        assertThat(same.json().path("detail").asText()).contains("other than the physician who denied", "422.590");
        Response approved = client.post("/v1/cases/" + id + "/decision", otherPhysician,
                "{\"decision\": \"approve\", \"rationale\": \"the evaluation is on file\"}");
        assertThat(approved.json().path("status").asText()).isEqualTo("approved");
        assertThat(approved.json().path("approvedAfterAppeal").asBoolean()).isTrue();
        assertThat(approved.json().path("appeal").path("outcome").asText()).isEqualTo("approved");
        assertProblem(client.post("/v1/cases/" + id + "/appeal", clinic, "{\"urgency\": \"standard\", \"reason\": \"x\"}"),
                409, "conflict");
    }

    @Test
    void an_appeal_after_65_days_is_a_409_naming_the_rule_and_a_bad_one_a_400_naming_the_fields() {
        String id = client.post("/v1/cases", clinic, Requests.insufficient(newId())).json().path("id").asText();
        client.post("/v1/cases/" + id + "/decision", physician, "{\"decision\": \"deny\", \"rationale\": \"no evaluation\"}");

        Response bad = client.post("/v1/cases/" + id + "/appeal", clinic, "{\"urgency\": \"John Doe\"}");
        assertProblem(bad, 400, "invalid-request");
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactly("urgency", "reason");
        assertThat(bad.text()).doesNotContain("John Doe");
        assertProblem(client.post("/v1/cases/" + id + "/appeal", otherClinic, "{\"urgency\": \"standard\", \"reason\": \"x\"}"),
                404, "not-found");
        CLOCK.advance(Duration.ofDays(66));
        try {
            Response late = client.post("/v1/cases/" + id + "/appeal", clinic, "{\"urgency\": \"standard\", \"reason\": \"x\"}");
            assertProblem(late, 409, "conflict");
            assertThat(late.json().path("detail").asText()).contains("65 calendar days", "422.582");
        } finally {
            CLOCK.advance(Duration.ofDays(-66));
        }
    }

    @Test
    void a_physician_records_a_peer_to_peer_conversation_shown_with_the_case() {
        String id = client.post("/v1/cases", clinic, Requests.insufficient(newId())).json().path("id").asText();
        String body = "{\"date\": \"2024-04-01\", \"participants\": [\"dr-p\", \"Dr. Alvarez (requesting)\"],"
                + " \"summary\": \"The evaluation will be sent.\"}";

        assertProblem(client.post("/v1/cases/" + id + "/peer-to-peer", nurse, body), 403, "forbidden");
        Response r = client.post("/v1/cases/" + id + "/peer-to-peer", physician, body);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode shown = client.get("/v1/cases/" + id, clinic).json().path("peerToPeer");
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).path("date").asText()).isEqualTo("2024-04-01");
        assertThat(shown.get(0).path("participants").get(1).asText()).isEqualTo("Dr. Alvarez (requesting)");
        assertThat(shown.get(0).path("summary").asText()).isEqualTo("The evaluation will be sent.");
        assertThat(shown.get(0).path("recordedBy").asText()).isEqualTo("dr-p");
        Response bad = client.post("/v1/cases/" + id + "/peer-to-peer", physician, "{\"date\": \"Jane Roe\", \"participants\": []}");
        assertProblem(bad, 400, "invalid-request");
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactly("date", "participants", "summary");
        assertThat(bad.text()).doesNotContain("Jane Roe");
    }

    @Test
    void a_denied_cases_letters_are_listed_and_read_as_html_and_pdf_with_the_access_of_the_case() {
        String doctor = service.keys().create(Role.PHYSICIAN, "dr-lee-" + newId(), "operator", Optional.of("Dr. Ana Lee, MD"));
        String caseId = client.post("/v1/cases", clinic, Requests.insufficient(newId())).json().path("id").asText();
        client.post("/v1/cases/" + caseId + "/decision", doctor, "{\"decision\": \"deny\", \"rationale\": \"no trial\"}");

        Response list = client.get("/v1/cases/" + caseId + "/letters", clinic);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("letters").findValuesAsText("kind")).containsExactly("information-request", "denial");
        JsonNode denial = list.json().path("letters").get(1);
        assertThat(denial.path("sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(denial.fieldNames()).toIterable().containsExactly("id", "kind", "createdAt", "sha256");
        String letter = "/v1/cases/" + caseId + "/letters/" + denial.path("id").asText();

        Response html = client.get(letter + ".html", clinic);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(org.pumpauth.server.audit.Sha256.hex(html.text())).isEqualTo(denial.path("sha256").asText());
        assertThat(html.text()).contains("The doctor who made this decision is Dr. Ana Lee, MD, a physician reviewer");
        Response pdf = client.get(letter + ".pdf", nurse);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.text()).startsWith("%PDF-");

        assertProblem(client.get("/v1/cases/" + caseId + "/letters", otherClinic), 404, "not-found");
        assertProblem(client.get(letter + ".pdf", otherClinic), 404, "not-found");
        assertProblem(client.get("/v1/cases/" + caseId + "/letters/" + java.util.UUID.randomUUID() + ".html", clinic), 404,
                "not-found");
        assertProblem(client.get("/v1/cases/" + caseId + "/letters/John-Doe.pdf", clinic), 404, "not-found");
        assertProblem(client.get(letter + ".pdf", null), 401, "unauthorized");
    }

    @Test
    void a_case_that_meets_the_criteria_is_approved_by_the_system() {
        Response r = client.post("/v1/cases", clinic, Requests.meetsCriteria(newId()));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("status").asText()).isEqualTo("approved");
        assertThat(r.json().path("decision").path("by").asText()).isEqualTo("system");
    }

    @Test
    void many_concurrent_submissions_over_http_each_get_their_case() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        String id = newId();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> statuses.add(client.post("/v1/cases", clinic, Requests.insufficient(id)).status()));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(statuses).hasSize(8).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
    }
}
