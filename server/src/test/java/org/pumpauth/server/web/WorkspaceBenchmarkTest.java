package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.ReviewServer;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;
import org.pumpauth.server.testing.TestDatabase;

/**
 * The workspace's speed with 10,000 open cases on H2: the time to answer the queue page and a case page,
 * measured from a client on the same machine (so it includes the loopback round trip), p50 and p90 over
 * 200 requests each after 50 to warm up. Prints figures; never fails on timing. Runs only when asked:
 * {@code ./mvnw -B -ntp -q -pl server -am -Dtest=WorkspaceBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dpumpauth.bench.workspace=true verify}.
 */
class WorkspaceBenchmarkTest {
    private static final int CASES = Integer.getInteger("pumpauth.bench.cases", 10_000);

    @Test
    void queue_and_case_pages_with_ten_thousand_open_cases() {
        Assumptions.assumeTrue(Boolean.getBoolean("pumpauth.bench.workspace"), "a benchmark: -Dpumpauth.bench.workspace=true");
        MutableClock clock = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
        try (ReviewService service = ReviewService.open(TestDatabase.H2.fresh(), PolicyRegistry.builtIn(),
                Optional.of("nia-cg-310"), clock);
                ReviewServer server = ReviewServer.start(service, "127.0.0.1", 0, false)) {
            String nurse = service.keys().create(Role.NURSE, "nurse-bench");
            Caller clinic = new Caller("clinic-bench", Role.SUBMITTER);
            List<Thread> writers = new ArrayList<>();
            List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 8; t++) {
                int from = t;
                Thread w = new Thread(() -> {
                    for (int i = from; i < CASES; i += 8) {
                        String body = i % 2 == 0 ? Requests.insufficient("B-" + i) : Requests.meetsCriteria("B-" + i)
                                .replace("\"reliefPercent\": 60", "\"reliefPercent\": 20");
                        ReviewCase c = service.cases().submit(clinic, body.getBytes(StandardCharsets.UTF_8)).reviewCase();
                        ids.add(c.id());
                    }
                });
                w.start();
                writers.add(w);
            }
            for (Thread w : writers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            Browserless b = new Browserless(server.port());
            assertThat(b.signIn(nurse).statusCode()).isEqualTo(303);
            System.out.println("workspace benchmark, " + CASES + " open cases on H2:");
            report("queue page (GET /, open cases, page 1)", b, i -> "/");
            report("queue page 100 (GET /?status=open&page=100)", b, i -> "/?status=open&page=100");
            report("case page (GET /cases/ID)", b, i -> "/cases/" + ids.get(i % ids.size()));
        }
    }

    private static void report(String what, Browserless b, java.util.function.IntFunction<String> path) {
        for (int i = 0; i < 50; i++) {
            assertThat(b.get(path.apply(i)).statusCode()).isEqualTo(200);
        }
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = b.get(path.apply(i + 50));
            nanos[i] = System.nanoTime() - start;
            assertThat(r.statusCode()).isEqualTo(200);
        }
        Arrays.sort(nanos);
        System.out.printf("  %-45s p50 %.1f ms, p90 %.1f ms%n", what, nanos[100] / 1e6, nanos[180] / 1e6);
    }
}
