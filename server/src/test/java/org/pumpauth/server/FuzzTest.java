package org.pumpauth.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.testing.FuzzRequests;
import org.pumpauth.server.testing.FuzzRequests.Scope;
import org.pumpauth.server.testing.RawHttp;
import org.pumpauth.server.testing.RawHttp.Framing;
import org.pumpauth.server.testing.TestDatabase;

/**
 * Mutated requests against every route of a real server ({@link FuzzRequests}), seeded and bounded. It
 * fails on any 5xx, any error that is not a problem document, any value sent (a canary) or API key repeated
 * in an error body or a log line, and any case that cannot be read back at the end. The seed is printed; run
 * one again with {@code -Dpumpauth.fuzz.seed=N} (and {@code -Dpumpauth.fuzz.requests=N} for more).
 * Run by {@link FuzzOnH2Test} (every class of mutation) and {@link FuzzOnPostgresqlTest} (strings, NUL and
 * instants: where the databases differ).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DEFAULT_SEED = 20261203L;
    private static final int MAX_FAILURES = 10;

    private final TestDatabase database;
    private final int requests;
    private final Scope scope;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private ReviewService service;
    private ReviewServer server;
    private final Map<Role, List<String>> keys = new TreeMap<>();

    FuzzTest(TestDatabase database, int requests, Scope scope) {
        this.database = database;
        this.requests = Integer.getInteger("pumpauth.fuzz.requests", requests);
        this.scope = scope;
    }

    @BeforeAll
    void start() {
        // The server logs through slf4j-simple to System.err, looked up at each line: capture it.
        originalErr = System.err;
        System.setErr(new PrintStream(new Tee(originalErr, log), true, StandardCharsets.UTF_8));
        service = ReviewService.open(database.fresh(), PolicyRegistry.builtIn(), Optional.of("nia-cg-310"), Clock.systemUTC());
        server = ReviewServer.start(service, "127.0.0.1", 0, true);
        keys.put(Role.SUBMITTER, List.of(service.keys().create(Role.SUBMITTER, "clinic-a"),
                service.keys().create(Role.SUBMITTER, "clinic-b")));
        keys.put(Role.NURSE, List.of(service.keys().create(Role.NURSE, "nurse-n")));
        keys.put(Role.PHYSICIAN, List.of(service.keys().create(Role.PHYSICIAN, "dr-p")));
        keys.put(Role.ADMIN, List.of(service.keys().create(Role.ADMIN, "admin-a")));
    }

    @AfterAll
    void stop() {
        try {
            server.close();
            service.close();
        } finally {
            System.setErr(originalErr);
        }
    }

    /** One request as sent, for the failure message. */
    private record Sent(int index, String route, RawHttp.Request request) {
        String describe() {
            byte[] body = request.body();
            String text = body == null ? "(none)" : body.length + " bytes: " + escape(new String(body, 0,
                    Math.min(body.length, 400), StandardCharsets.UTF_8));
            return "#" + index + " " + request.method() + " " + shorten(request.target()) + " " + request.framing()
                    + " headers " + request.headers().stream().map(FuzzTest::shorten).toList() + " body " + text;
        }
    }

    @Test
    void no_request_gets_a_5xx_an_error_that_is_not_a_problem_document_or_a_value_repeated_and_every_case_stays_readable()
            throws IOException {
        long seed = Long.getLong("pumpauth.fuzz.seed", DEFAULT_SEED);
        FuzzRequests fuzz = new FuzzRequests(seed, scope);
        RawHttp http = new RawHttp(server.port());
        List<String> caseIds = new ArrayList<>();
        List<String> requestIds = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> byRoute = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        long started = System.nanoTime();
        int closedEarly = 0;

        for (int i = 1; i <= requests && failures.size() < MAX_FAILURES; i++) {
            Sent sent = next(i, fuzz, caseIds, requestIds);
            RawHttp.Response response;
            try {
                response = http.send(sent.request());
            } catch (RawHttp.ClosedEarly e) {
                closedEarly++;
                continue;
            } catch (IOException e) {
                failures.add(sent.describe() + "\n  -> no answer: " + e.getMessage());
                continue;
            }
            byRoute.merge(sent.route(), 1, Integer::sum);
            byStatus.merge(response.status(), 1, Integer::sum);
            String problem = fault(sent, response);
            if (problem != null) {
                failures.add(sent.describe() + "\n  -> " + response.status() + " " + response.header("content-type") + " "
                        + escape(shorten(response.text())) + "\n  " + problem);
            }
            if (response.status() == 201) {
                caseIds.add(response.header("location").substring("/v1/cases/".length()));
            }
        }

        int read = 0;
        String nurse = keys.get(Role.NURSE).get(0);
        for (String id : caseIds) {
            RawHttp.Response r = http.send(new RawHttp.Request("GET", "/v1/cases/" + id, List.of("Authorization: Bearer " + nurse),
                    null, Framing.LENGTH));
            if (r.status() != 200 || !id.equals(json(r).path("id").asText())) {
                failures.add("case " + id + " cannot be read back: " + r.status() + " " + escape(shorten(r.text())));
            } else {
                read++;
            }
        }
        RawHttp.Response queue = http.send(new RawHttp.Request("GET", "/v1/cases?limit=1000",
                List.of("Authorization: Bearer " + nurse), null, Framing.LENGTH));
        if (queue.status() != 200) {
            failures.add("the queue cannot be read: " + queue.status() + " " + escape(shorten(queue.text())));
        }

        String logged = log.toString(StandardCharsets.UTF_8);
        for (String line : logged.split("\n")) {
            if (leaks(line)) {
                failures.add("a log line repeats a value sent or a key: " + escape(shorten(line)));
                break;
            }
        }

        String summary = "fuzz on " + database + " (" + scope + "): seed " + seed + ", " + byStatus.values().stream()
                .mapToInt(Integer::intValue).sum() + " requests in " + (System.nanoTime() - started) / 1_000_000 + " ms; by route "
                + byRoute + "; by status " + byStatus + "; " + closedEarly
                + " closed while the body was sent; " + caseIds.size() + " cases created, " + read + " read back";
        System.out.println(summary);
        assertThat(failures).as(summary + "\nrun again with -Dpumpauth.fuzz.seed=" + seed + "\n" + String.join("\n\n", failures))
                .isEmpty();
    }

    private Sent next(int index, FuzzRequests fuzz, List<String> caseIds, List<String> requestIds) {
        String submitter = fuzz.pick(keys.get(Role.SUBMITTER));
        String reviewer = fuzz.pick(List.of(keys.get(Role.NURSE).get(0), keys.get(Role.PHYSICIAN).get(0),
                keys.get(Role.ADMIN).get(0), submitter));
        double p = fuzz.random().nextDouble();
        boolean all = scope == Scope.ALL;
        if (p < 0.35) {
            String requestId = !requestIds.isEmpty() && fuzz.chance(0.2) ? fuzz.pick(requestIds) : fuzz.canary();
            requestIds.add(requestId);
            byte[] body = fuzz.bytes(fuzz.chance(0.85) ? fuzz.mutate(fuzz.request(requestId)) : fuzz.request(requestId));
            return post(index, "POST /v1/cases", "/v1/cases", submitter, "application/json", body, fuzz);
        }
        if (p < 0.45 && all) {
            byte[] body = fuzz.bytes(fuzz.mutate(fuzz.request(fuzz.canary())));
            return post(index, "POST /v1/evaluate", "/v1/evaluate", submitter, "application/json", body, fuzz);
        }
        if (p < 0.62) {
            byte[] body = fuzz.bytes(fuzz.chance(0.8) ? fuzz.mutate(fuzz.patch()) : fuzz.patch());
            return post(index, "POST /v1/cases/{id}/information", "/v1/cases/" + fuzz.caseId(caseIds) + "/information",
                    fuzz.chance(0.7) ? submitter : reviewer, fuzz.pick(List.of("application/json", "application/merge-patch+json")),
                    body, fuzz);
        }
        if (p < 0.68) {
            byte[] body = fuzz.bytes(fuzz.chance(0.7) ? fuzz.mutate(fuzz.decision()) : fuzz.decision());
            return post(index, "POST /v1/cases/{id}/decision", "/v1/cases/" + fuzz.caseId(caseIds) + "/decision", reviewer,
                    "application/json", body, fuzz);
        }
        if (p < 0.70) {
            byte[] body = fuzz.bytes(fuzz.chance(0.7) ? fuzz.mutate(fuzz.extension()) : fuzz.extension());
            return post(index, "POST /v1/cases/{id}/extension", "/v1/cases/" + fuzz.caseId(caseIds) + "/extension", reviewer,
                    "application/json", body, fuzz);
        }
        if (p < 0.72) {
            byte[] body = fuzz.bytes(fuzz.chance(0.7) ? fuzz.mutate(fuzz.appeal()) : fuzz.appeal());
            return post(index, "POST /v1/cases/{id}/appeal", "/v1/cases/" + fuzz.caseId(caseIds) + "/appeal",
                    fuzz.chance(0.5) ? submitter : reviewer, "application/json", body, fuzz);
        }
        if (p < 0.74) {
            byte[] body = fuzz.bytes(fuzz.chance(0.7) ? fuzz.mutate(fuzz.peerToPeer()) : fuzz.peerToPeer());
            return post(index, "POST /v1/cases/{id}/peer-to-peer", "/v1/cases/" + fuzz.caseId(caseIds) + "/peer-to-peer",
                    reviewer, "application/json", body, fuzz);
        }
        if (p < 0.755) {
            byte[] body = fuzz.bytes(fuzz.chance(0.7) ? fuzz.mutate(fuzz.informationRequest()) : fuzz.informationRequest());
            return post(index, "POST /v1/cases/{id}/information-request", "/v1/cases/" + fuzz.caseId(caseIds)
                    + "/information-request", reviewer, "application/json", body, fuzz);
        }
        if (p < 0.77 && all) {
            return get(index, "GET /v1/cases/{id}", "/v1/cases/" + fuzz.caseId(caseIds), reviewer, fuzz);
        }
        if (p < 0.8 && all) {
            String letters = "/v1/cases/" + fuzz.caseId(caseIds) + "/letters";
            if (fuzz.chance(0.5)) {
                return get(index, "GET /v1/cases/{id}/letters", letters, reviewer, fuzz);
            }
            String letterId = fuzz.chance(0.5) ? java.util.UUID.randomUUID().toString() : fuzz.canary();
            return fuzz.chance(0.5)
                    ? get(index, "GET /v1/cases/{id}/letters/{letterId}.html", letters + "/" + letterId + ".html", reviewer, fuzz)
                    : get(index, "GET /v1/cases/{id}/letters/{letterId}.pdf", letters + "/" + letterId + ".pdf", reviewer, fuzz);
        }
        if (p < 0.82 && all) {
            byte[] body = fuzz.bytes(fuzz.chance(0.7) ? fuzz.mutate(fuzz.proposalAnswer()) : fuzz.proposalAnswer());
            return post(index, "POST /v1/cases/{id}/proposals", "/v1/cases/" + fuzz.caseId(caseIds) + "/proposals", reviewer,
                    "application/json", body, fuzz);
        }
        if (p < 0.84 && all) {
            // A note's text: a canary (never to be logged), sometimes junk that is no text.
            byte[] body = fuzz.chance(0.7) ? ("Seen today. " + fuzz.canary()).getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : new byte[] {(byte) 0xff, 0, (byte) 0xfe, '%', 'P', 'D', 'F'};
            return post(index, "POST /v1/cases/{id}/notes", "/v1/cases/" + fuzz.caseId(caseIds) + "/notes",
                    fuzz.chance(0.5) ? submitter : reviewer, fuzz.pick(List.of("text/plain", "application/pdf")), body, fuzz);
        }
        if (p < 0.93 || !all) {
            return get(index, "GET /v1/cases", "/v1/cases" + fuzz.query(), reviewer, fuzz);
        }
        if (p < 0.95) {
            return get(index, "GET /v1/openapi.json", "/v1/openapi.json", reviewer, fuzz);
        }
        String method = fuzz.pick(List.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO", "GET", "POST"));
        String target = fuzz.pick(List.of("/v1/cases", "/v1/evaluate", "/v1/" + fuzz.canary(), "/", "/v1",
                "/v1/openapi.json/x", "/v1/cases/" + fuzz.caseId(caseIds) + "/" + fuzz.canary(), "*"));
        return new Sent(index, "other", new RawHttp.Request(method, target, fuzz.authorization(reviewer), null, Framing.LENGTH));
    }

    private static Sent post(int index, String route, String target, String key, String type, byte[] body, FuzzRequests fuzz) {
        List<String> headers = new ArrayList<>(fuzz.authorization(key));
        headers.addAll(fuzz.contentType(type));
        return new Sent(index, route, new RawHttp.Request("POST", target, headers, body, fuzz.framing()));
    }

    private static Sent get(int index, String route, String target, String key, FuzzRequests fuzz) {
        return new Sent(index, route, new RawHttp.Request("GET", target, fuzz.authorization(key), null, Framing.LENGTH));
    }

    /** What is wrong with the answer, or null. */
    private String fault(Sent sent, RawHttp.Response response) {
        if (response.status() >= 500) {
            return "a 5xx";
        }
        if (response.status() < 400 || sent.request().method().equals("HEAD")) {
            return null;
        }
        if (!response.header("content-type").startsWith("application/problem+json")) {
            return "an error that is not application/problem+json";
        }
        JsonNode problem = json(response);
        if (problem.path("status").asInt() != response.status() || !problem.path("type").asText().startsWith("urn:pumpauth:problem:")) {
            return "a problem document without its type or status";
        }
        if (leaks(response.text())) {
            return "the error repeats a value sent or a key";
        }
        return null;
    }

    private boolean leaks(String text) {
        if (text.contains(FuzzRequests.CANARY_START) || text.contains(FuzzRequests.CANARY_END)) {
            return true;
        }
        return keys.values().stream().flatMap(List::stream).anyMatch(k -> text.contains(k.substring(3)));
    }

    private static JsonNode json(RawHttp.Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static String shorten(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " characters)";
    }

    /** Control characters, non-ASCII and surrogates as escapes, so a failure message shows what was sent. */
    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    /** Writes to both streams: the log still shows on standard error while the test reads it. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            first.flush();
        }
    }
}
