package org.pumpauth.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.audit.AuditVerifier;
import org.pumpauth.server.store.DatabaseSettings;
import org.pumpauth.server.testing.Client;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;
import org.pumpauth.server.testing.TestDatabase;

/**
 * Two servers on one PostgreSQL database, as the README says the service scales out: concurrent
 * submissions of the same and of different bodies through both, each instance's writer taking its
 * groups in the opposite order, and information added to the same cases through both. No answer
 * is a 500, each (submitter, requestId) has exactly one case, and the audit chain does not fork.
 */
class TwoInstancesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 40;
    /** The requestIds below this are sent with one body through both servers; the others with two bodies. */
    private static final int SAME_BODY = 28;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
    private final List<AutoCloseable> open = new ArrayList<>();
    private DatabaseSettings settings;
    private ReviewService one;
    private Client first;
    private Client second;
    private String clinicA;
    private String clinicB;

    @BeforeEach
    void two_servers_on_one_database() {
        settings = TestDatabase.POSTGRESQL.fresh();
        one = ReviewService.open(settings, PolicyRegistry.builtIn(), Optional.of("nia-cg-310"), clock);
        ReviewService two = ReviewService.open(settings, PolicyRegistry.builtIn(), Optional.of("nia-cg-310"), clock);
        ReviewServer server1 = ReviewServer.start(one, "127.0.0.1", 0, false);
        ReviewServer server2 = ReviewServer.start(two, "127.0.0.1", 0, false);
        open.addAll(List.of(server1, server2, one, two));
        first = new Client(server1.port());
        second = new Client(server2.port());
        clinicA = one.keys().create(Role.SUBMITTER, "clinic-a");
        clinicB = two.keys().create(Role.SUBMITTER, "clinic-b");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** The body of requestId {@code n}: for the ids past SAME_BODY, variant 1 has another pain score. */
    private static String body(int n, int variant) {
        String body = Requests.insufficient("TWO-" + n);
        if (n < SAME_BODY || variant == 0) {
            return body;
        }
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(body);
            ((ObjectNode) tree.path("pain")).put("score", 9);
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POST sent again (as the README tells a client) while it is answered 503; every answer on the way is kept. */
    private static Client.Response post(Client client, String path, String key, String body, List<Integer> statuses) {
        for (int attempt = 0; ; attempt++) {
            Client.Response r = client.post(path, key, body);
            statuses.add(r.status());
            if (r.status() != 503 || attempt == 20) {
                return r;
            }
            assertThat(r.raw().headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void concurrent_submissions_through_two_servers_make_one_case_per_request_and_one_intact_chain() throws Exception {
        // Four threads per server, each sending every requestId of both submitters in its own order, so
        // each server's writer groups them in orders the other's does not share.
        Map<String, Set<String>> caseIds = new ConcurrentHashMap<>();
        Map<String, String> owners = new ConcurrentHashMap<>();
        Map<String, List<Integer>> answers = new ConcurrentHashMap<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.add(pool.submit(() -> {
                Client client = thread % 2 == 0 ? first : second;
                int variant = thread % 2;
                List<String> order = new ArrayList<>();
                for (int n = 0; n < REQUESTS; n++) {
                    order.add("a/" + n);
                    order.add("b/" + n);
                }
                Collections.shuffle(order, new Random(thread));
                for (String id : order) {
                    int n = Integer.parseInt(id.substring(2));
                    String key = id.startsWith("a/") ? clinicA : clinicB;
                    Client.Response r = post(client, "/v1/cases", key, body(n, variant), statuses);
                    answers.computeIfAbsent(id, x -> Collections.synchronizedList(new ArrayList<>())).add(r.status());
                    if (r.status() == 200 || r.status() == 201) {
                        caseIds.computeIfAbsent(id, x -> ConcurrentHashMap.newKeySet()).add(r.json().path("id").asText());
                        owners.put(r.json().path("id").asText(), key);
                    }
                }
            }));
        }
        for (Future<?> thread : threads) {
            thread.get();
        }

        assertThat(statuses).as("every answer, 503s included").allSatisfy(s -> assertThat(s).isIn(200, 201, 409, 503));
        assertThat(caseIds.values()).as("one case per (submitter, requestId)").allSatisfy(ids -> assertThat(ids).hasSize(1));
        answers.forEach((id, list) -> assertThat(list).as(id).containsOnlyOnce(201).doesNotContain(503));

        // Information to every case through both servers at once: the audit chain's appends interleave.
        List<String> stored = new ArrayList<>(owners.keySet());
        List<Integer> patched = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> patches = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            patches.add(pool.submit(() -> {
                Client client = thread % 2 == 0 ? first : second;
                for (int i = thread; i < stored.size(); i += 8) {
                    patched.add(post(client, "/v1/cases/" + stored.get(i) + "/information", owners.get(stored.get(i)),
                            "{\"pain\": {\"functionalDisability\": true}}", statuses).status());
                }
            }));
        }
        for (Future<?> patch : patches) {
            patch.get();
        }
        pool.shutdown();

        assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 201, 409, 503));
        assertThat(patched).as("information to each case").hasSize(stored.size()).containsOnly(200);
        try (ReviewService check = ReviewService.open(settings, PolicyRegistry.builtIn(), Optional.empty(),
                clock)) {
            long cases = check.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM review_case").mapTo(Long.class).one());
            long distinct = check.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM (SELECT DISTINCT submitter, request_id FROM review_case) k").mapTo(Long.class).one());
            assertThat(cases).isEqualTo(distinct).isEqualTo(caseIds.size());
            AuditVerifier.Verification audit = check.audit().verify();
            assertThat(audit.firstBreak()).isEmpty();
            // each case: submitted, evaluated, its information request, information-added, evaluated again and
            // the information request for what is still missing
            assertThat(audit.entries()).isEqualTo(2 + 6L * cases); // and the two keys created
            assertThat(audit.letters()).isEqualTo(2L * cases);
        }
    }

    @Test
    void a_key_revoked_on_one_instance_is_refused_by_both_from_its_next_request() {
        assertThat(first.get("/v1/cases", clinicA).status()).isEqualTo(200);
        assertThat(second.get("/v1/cases", clinicA).status()).isEqualTo(200);
        // The second instance has taken a case with the key: it knows whom the key names.
        assertThat(second.post("/v1/cases", clinicA, Requests.insufficient("BEFORE-1")).status()).isEqualTo(201);

        one.keys().revoke("clinic-a", "operator:test");

        assertThat(first.get("/v1/cases", clinicA).status()).isEqualTo(401);
        assertThat(second.get("/v1/cases", clinicA).status()).isEqualTo(401);
        assertThat(second.post("/v1/cases", clinicA, Requests.insufficient("AFTER-1")).status()).isEqualTo(401);
        assertThat(second.post("/v1/cases", clinicA, Requests.insufficient("BEFORE-1")).status()).as("a replay")
                .isEqualTo(401);
        assertThat(first.post("/v1/cases", clinicA, Requests.insufficient("AFTER-2")).status()).isEqualTo(401);
        List<String> stored = one.database().jdbi().withHandle(h -> h.createQuery("SELECT request_id FROM review_case")
                .mapTo(String.class).list());
        assertThat(stored).as("nothing stored after the revocation").containsExactly("BEFORE-1");
        assertThat(first.get("/v1/cases", clinicB).status()).as("another key").isEqualTo(200);
        assertThat(one.keys().list("operator:test")).extracting(k -> k.name(), k -> k.revokedAt().isPresent())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("clinic-a", true),
                        org.assertj.core.groups.Tuple.tuple("clinic-b", false));
        // created, created, revoked, listed: each in the chain, with the operator who did it
        List<String> events = one.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT event || ' ' || actor FROM audit_entry WHERE case_id = '' ORDER BY seq").mapTo(String.class).list());
        assertThat(events).containsExactly("key-created operator", "key-created operator", "key-revoked operator:test",
                "keys-listed operator:test");
        assertThat(one.audit().verify().intact()).isTrue();
    }
}
