package org.pumpauth.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.testing.Client;
import org.pumpauth.server.testing.Client.Response;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;
import org.pumpauth.server.testing.TestDatabase;

/**
 * Input the service cannot keep (unpaired surrogates, NUL, infinite numbers, instants outside the contract's
 * range) is a 400 naming the field, before anything is stored, the same on both databases; errors never repeat
 * a value sent; a case stored with such text is still readable. Run by {@link BadInputOnH2Test} and
 * {@link BadInputOnPostgresqlTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Writes every non-ASCII character as an escape, so a lone surrogate reaches the server as {@code \ud800}. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final TestDatabase database;
    private ReviewService service;
    private ReviewServer server;
    private Client client;
    private String clinic;
    private String nurse;
    private String physician;
    private int counter;

    BadInputTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    void start() {
        service = ReviewService.open(database.fresh(), PolicyRegistry.builtIn(), Optional.of("nia-cg-310"),
                new MutableClock(Instant.parse("2024-04-01T12:00:00Z")));
        server = ReviewServer.start(service, "127.0.0.1", 0, false);
        client = new Client(server.port());
        clinic = service.keys().create(Role.SUBMITTER, "clinic-a");
        nurse = service.keys().create(Role.NURSE, "nurse-n");
        physician = service.keys().create(Role.PHYSICIAN, "dr-p");
    }

    @AfterAll
    void stop() {
        server.close();
        service.close();
    }

    private String newId() {
        return "B-" + (++counter);
    }

    /** The request, changed, written with every non-ASCII character escaped. */
    private static String changed(String request, Consumer<ObjectNode> change) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(request);
            change.accept(tree);
            return ESCAPING.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int caseCount() {
        Response r = client.get("/v1/cases?limit=1000", nurse);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().path("cases").size();
    }

    private static void assertInvalid(Response r, String field, String words) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsText("field")).as(r.text()).contains(field);
        assertThat(r.text()).contains(words);
    }

    static Stream<Arguments> unkeepableText() {
        return Stream.of(
                Arguments.of("a lone high surrogate in a field the contract does not know",
                        (Consumer<ObjectNode>) t -> t.put("x", "\ud800"), "x", "unpaired surrogate"),
                Arguments.of("a lone low surrogate in the requestId",
                        (Consumer<ObjectNode>) t -> t.put("requestId", "R-\udc00"), "requestId", "unpaired surrogate"),
                Arguments.of("a high surrogate ending a note's text",
                        (Consumer<ObjectNode>) t -> t.putArray("notes").addObject().put("text", "pain\ud83d"),
                        "notes[0].text", "unpaired surrogate"),
                Arguments.of("a lone surrogate in a member name",
                        (Consumer<ObjectNode>) t -> t.putObject("member").put("\udfff", "x"), "member", "member name"),
                Arguments.of("NUL in the requestId",
                        (Consumer<ObjectNode>) t -> t.put("requestId", "R-\u0000-1"), "requestId", "NUL"),
                Arguments.of("NUL deep in a field the contract does not know",
                        (Consumer<ObjectNode>) t -> t.putObject("extra").putArray("list").add("ok").add("a\u0000"),
                        "extra.list[1]", "NUL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unkeepableText")
    void text_the_service_cannot_keep_is_a_400_naming_the_field_on_each_route_and_nothing_is_stored(String name,
            Consumer<ObjectNode> change, String field, String words) {
        int before = caseCount();
        String body = changed(Requests.insufficient(newId()), change);

        assertInvalid(client.post("/v1/cases", clinic, body), field, words);
        assertInvalid(client.post("/v1/evaluate", clinic, body), field, words);
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void a_surrogate_sent_as_utf8_bytes_rather_than_an_escape_is_refused_too() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"requestId\": \"".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(newId().getBytes(StandardCharsets.UTF_8));
        body.writeBytes("\", \"service\": {\"kind\": \"trial\"}, \"x\": \"".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // U+D800 in (invalid) UTF-8
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        int before = caseCount();

        Response r = client.sendBytes("POST", "/v1/cases", "Bearer " + clinic, "application/json", body.toByteArray());

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void information_or_a_decision_the_service_cannot_keep_is_a_400_and_the_case_stays_as_it_was() {
        String caseId = client.post("/v1/cases", clinic, Requests.insufficient(newId())).json().path("id").asText();
        String path = "/v1/cases/" + caseId;
        String before = client.get(path, clinic).json().path("request").toString();

        assertInvalid(client.send("POST", path + "/information", clinic, "application/merge-patch+json",
                changed("{}", t -> t.putArray("notes").addObject().put("text", "\udc00"))), "notes[0].text", "unpaired surrogate");
        assertInvalid(client.send("POST", path + "/information", clinic, "application/merge-patch+json",
                changed("{}", t -> t.putObject("pain").put("location", "back\u0000"))), "pain.location", "NUL");
        assertInvalid(client.send("POST", path + "/information", clinic, "application/merge-patch+json",
                "{\"pain\": {\"score\": 1e400}}"), "pain.score", "finite number");
        assertInvalid(client.send("POST", path + "/information", clinic, "application/merge-patch+json",
                "{\"extra\": [-1e400]}"), "extra[0]", "finite number");
        assertInvalid(client.post(path + "/decision", physician,
                changed("{\"decision\": \"deny\"}", t -> t.put("rationale", "no trial\u0000"))), "rationale", "NUL");

        Response after = client.get(path, clinic);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().path("request").toString()).isEqualTo(before);
        assertThat(after.json().path("determinations").size()).isEqualTo(1);
        assertThat(after.json().path("decision").isNull()).isTrue();
    }

    @Test
    void an_extension_an_appeal_or_a_peer_to_peer_the_service_cannot_keep_is_a_400_and_the_case_stays_as_it_was() {
        String caseId = client.post("/v1/cases", clinic, Requests.insufficient(newId())).json().path("id").asText();
        String path = "/v1/cases/" + caseId;
        String denied = client.post("/v1/cases", clinic, Requests.insufficient(newId())).json().path("id").asText();
        client.post("/v1/cases/" + denied + "/decision", physician, "{\"decision\": \"deny\", \"rationale\": \"r\"}");

        assertInvalid(client.post(path + "/extension", nurse,
                changed("{\"days\": 3}", t -> t.put("reason", "notes\u0000"))), "reason", "NUL");
        assertInvalid(client.post("/v1/cases/" + denied + "/appeal", clinic,
                changed("{\"urgency\": \"standard\"}", t -> t.put("reason", "records\ud800"))), "reason", "unpaired surrogate");
        assertInvalid(client.post(path + "/peer-to-peer", physician, changed("{\"date\": \"2024-04-01\", \"summary\": \"s\"}",
                t -> t.putArray("participants").add("Dr\u0000"))), "participants[0]", "NUL");
        assertInvalid(client.post(path + "/extension", nurse, "{\"days\": 1e400, \"reason\": \"r\"}"), "days", "finite number");

        Response after = client.get(path, clinic);
        assertThat(after.json().path("extension").isNull()).isTrue();
        assertThat(after.json().path("peerToPeer")).isEmpty();
        assertThat(client.get("/v1/cases/" + denied, clinic).json().path("status").asText()).isEqualTo("denied");
    }

    @Test
    void a_number_beyond_a_double_is_a_400_naming_the_field_not_a_500() {
        int before = caseCount();
        for (String route : List.of("/v1/cases", "/v1/evaluate")) {
            assertInvalid(client.post(route, clinic, changed(Requests.insufficient(newId()),
                    t -> t.putRawValue("x", new com.fasterxml.jackson.databind.util.RawValue("1e400")))), "x", "finite number");
            assertInvalid(client.post(route, clinic, changed(Requests.insufficient(newId()),
                    t -> t.putObject("pain").putRawValue("score", new com.fasterxml.jackson.databind.util.RawValue("-1.5E999")))),
                    "pain.score", "finite number");
        }
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void a_body_nested_deeper_than_64_levels_is_a_400_naming_where_and_one_of_60_is_taken() {
        String deep = "[".repeat(70) + "1" + "]".repeat(70);
        String fine = "[".repeat(58) + "1" + "]".repeat(58);
        int before = caseCount();

        assertInvalid(client.post("/v1/cases", clinic, changed(Requests.insufficient(newId()),
                t -> t.putObject("extra").putRawValue("list", new com.fasterxml.jackson.databind.util.RawValue(deep)))),
                "extra.list" + "[0]".repeat(62), "at most 64 levels");
        assertThat(caseCount()).isEqualTo(before);
        Response taken = client.post("/v1/cases", clinic, changed(Requests.insufficient(newId()),
                t -> t.putObject("extra").putRawValue("list", new com.fasterxml.jackson.databind.util.RawValue(fine))));
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        assertThat(client.get("/v1/cases/" + taken.json().path("id").asText(), clinic).json().path("request").path("extra")
                .isObject()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01T00:00:00+18:00", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
        "1899-12-31T23:59:59Z", "9999-12-31T23:00:00-05:00"})
    void a_received_at_outside_1900_to_9999_is_a_400_naming_it(String receivedAt) {
        int before = caseCount();

        assertInvalid(client.post("/v1/cases", clinic, changed(Requests.insufficient(newId()), t -> t.put("receivedAt", receivedAt))),
                "receivedAt", "from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void a_date_outside_1900_to_9999_is_a_400_naming_it() {
        assertInvalid(client.post("/v1/cases", clinic, changed(Requests.insufficient(newId()), t -> t.put("serviceDate", "+300000-01-01"))),
                "serviceDate", "from 1900-01-01 to 9999-12-31");
        assertInvalid(client.post("/v1/evaluate", clinic, changed(Requests.insufficient(newId()),
                t -> t.putObject("member").put("birthDate", "1899-12-31"))), "member.birthDate", "from 1900-01-01 to 9999-12-31");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%2B1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "%2B300000-01-01T00:00:00Z",
        "-300000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "+1000000000-01-01T00:00:00Z"})
    void a_due_before_outside_1900_to_9999_is_a_400_naming_it(String dueBefore) {
        assertInvalid(client.get("/v1/cases?dueBefore=" + dueBefore, nurse), "dueBefore", "from 1900-01-01T00:00:00Z");
    }

    @Test
    void a_due_before_at_either_end_of_the_range_is_a_query() {
        assertThat(client.get("/v1/cases?dueBefore=1900-01-01T00:00:00Z", nurse).json().path("cases").size()).isZero();
        assertThat(client.get("/v1/cases?dueBefore=9999-12-31T23:59:59Z", nurse).status()).isEqualTo(200);
    }

    @Test
    void a_policy_filter_that_is_no_policy_id_is_a_400_not_a_database_error() {
        assertInvalid(client.get("/v1/cases?policy=nia%00cg", nurse), "policy", "must be a policy id");
        assertInvalid(client.get("/v1/cases?policy=" + "x".repeat(101), nurse), "policy", "must be a policy id");
        assertThat(client.get("/v1/cases?policy=nia-cg-310", nurse).status()).isEqualTo(200);
    }

    @Test
    void a_case_stored_with_an_unpaired_surrogate_before_the_check_is_still_readable() {
        // The service itself, past the HTTP edge: how such a case was stored before the edge refused it.
        String requestId = newId();
        String body = changed(Requests.insufficient(requestId), t -> t.put("x", "\ud800").put("y", "a\udc00b"));
        String caseId = service.cases().submit(new Caller("clinic-a", Role.SUBMITTER), body.getBytes(StandardCharsets.UTF_8))
                .reviewCase().id();

        Response r = client.get("/v1/cases/" + caseId, clinic);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("requestId").asText()).isEqualTo(requestId);
        assertThat(client.get("/v1/cases?limit=1000", nurse).status()).isEqualTo(200);
        Response info = client.send("POST", "/v1/cases/" + caseId + "/information", clinic, "application/merge-patch+json",
                "{\"pain\": {\"score\": 8}}");
        assertThat(info.status()).as(info.text()).isEqualTo(200);
    }

    @Test
    void an_unknown_policy_is_a_400_that_does_not_repeat_it() {
        String body = changed(Requests.insufficient(newId()), t -> t.put("policy", "Jane Roe DOB 1961-05-09"));
        for (String route : List.of("/v1/cases", "/v1/evaluate")) {
            Response r = client.post(route, clinic, body);
            assertInvalid(r, "policy", "is not a known policy; known: ");
            assertThat(r.text()).doesNotContain("Jane Roe").doesNotContain("1961-05-09");
        }
        Response version = client.post("/v1/cases", clinic, changed(Requests.insufficient(newId()),
                t -> t.put("policy", "nia-cg-310@Jane-Roe")));
        assertInvalid(version, "policy", "must name a version by a date");
        assertThat(version.text()).doesNotContain("Jane-Roe");
    }

    @Test
    void a_conflict_does_not_repeat_the_request_id() {
        String requestId = "Jane Roe 1961-05-09";
        assertThat(client.post("/v1/cases", clinic, Requests.insufficient(requestId)).status()).isEqualTo(201);

        Response r = client.post("/v1/cases", clinic, changed(Requests.insufficient(requestId), t -> t.put("urgency", "standard")));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text()).doesNotContain("Jane Roe").doesNotContain("1961");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/cases/John-Doe-1961", "/v1/cases/John-Doe-1961%2e", "/v1/cases/John%20Doe",
        "/v1/cases/John-Doe-1961/information", "/v1/cases/John-Doe-1961/decision",
        "/v1/cases/00000000-0000-0000-0000-000000000000", "/v1/cases/00000000-0000-0000-0000-000000000000/decision",
        "/v1/cases/John-Doe-1961/extension", "/v1/cases/00000000-0000-0000-0000-000000000000/extension",
        "/v1/cases/John-Doe-1961/appeal", "/v1/cases/00000000-0000-0000-0000-000000000000/appeal",
        "/v1/cases/John-Doe-1961/peer-to-peer", "/v1/cases/00000000-0000-0000-0000-000000000000/peer-to-peer"})
    void an_unknown_case_id_is_a_404_that_does_not_repeat_it(String path) {
        // A body each route takes, so that only the id is at fault.
        String body = path.endsWith("/extension") ? "{\"days\": 2, \"reason\": \"r\"}"
                : path.endsWith("/appeal") ? "{\"urgency\": \"standard\", \"reason\": \"r\"}"
                : path.endsWith("/peer-to-peer") ? "{\"date\": \"2024-04-01\", \"participants\": [\"p\"], \"summary\": \"s\"}"
                : "{\"decision\": \"approve\", \"rationale\": \"r\"}";
        Response r = path.matches(".*/(information|decision|extension|appeal|peer-to-peer)")
                ? client.post(path, physician, body)
                : client.get(path, nurse);

        assertThat(r.status()).as(r.text()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text()).doesNotContain("John").doesNotContain("00000000-");
    }

}
