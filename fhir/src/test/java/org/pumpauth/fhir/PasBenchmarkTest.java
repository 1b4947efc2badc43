package org.pumpauth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pumpauth.server.access.Role;

/**
 * PAS {@code Claim/$submit} durable per second on the embedded H2, at 8 connections, and the first
 * answer after start (the service opened, HAPI warmed, the server listening, one {@code $submit}
 * answered), in a JVM that has not loaded HAPI before. Runs only when asked:
 * {@code -Dpumpauth.bench.pas=true} (seconds: {@code -Dpumpauth.bench.seconds=N}, default 20).
 */
@EnabledIfSystemProperty(named = "pumpauth.bench.pas", matches = "true")
class PasBenchmarkTest {

    @Test
    void submit_durable_per_second_and_first_answer_after_start() throws Exception {
        long start = System.nanoTime();
        try (FhirServer fhir = new FhirServer(Clock.systemUTC(), Optional.of(Path.of("..", "examples", "payers.yaml")),
                Optional.empty())) {
            String key = fhir.service.keys().create(Role.SUBMITTER, "bench");
            FhirServer.Response first = fhir.post("/fhir/Claim/$submit", key,
                    PasFixtures.json(PasFixtures.pump("nia-trial-chronic-pain.json", "FIRST")));
            double firstSeconds = (System.nanoTime() - start) / 1e9;
            assertThat(first.status()).isEqualTo(200);

            // Distinct claims (each a new case), made before the clock starts.
            int seconds = Integer.getInteger("pumpauth.bench.seconds", 20);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                bodies.add(PasFixtures.json(PasFixtures.pump(i % 2 == 0 ? "nia-trial-chronic-pain.json"
                        : "nia-implant-pain-missing-psych.json", "TEMPLATE")));
            }
            HttpClient http = HttpClient.newHttpClient();
            AtomicInteger next = new AtomicInteger();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long[] cpuAtWarmEnd = new long[1];
            long warmEnd = System.nanoTime() + 5_000_000_000L;
            long end = warmEnd + seconds * 1_000_000_000L;
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(pool.submit(() -> {
                    int done = 0;
                    while (System.nanoTime() < end) {
                        int n = next.incrementAndGet();
                        String body = bodies.get(n % bodies.size()).replace("\"TEMPLATE\"", "\"BENCH-" + n + "\"");
                        long t0 = System.nanoTime();
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(fhir.base() + "/fhir/Claim/$submit"))
                                .header("Authorization", "Bearer " + key).header("Content-Type", Fhir.MEDIA_TYPE)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                        long t1 = System.nanoTime();
                        assertThat(r.statusCode()).isEqualTo(200);
                        if (t0 >= warmEnd) {
                            latencies.add(t1 - t0);
                            done++;
                        }
                    }
                    return done;
                }));
            }
            while (System.nanoTime() < warmEnd) {
                Thread.sleep(10);
            }
            cpuAtWarmEnd[0] = os.getProcessCpuTime();
            int total = 0;
            for (Future<Integer> worker : workers) {
                total += worker.get();
            }
            long cpu = os.getProcessCpuTime() - cpuAtWarmEnd[0];
            pool.shutdown();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("PAS first answer after start: %.2f s (service open, HAPI warm, server start, one $submit)%n",
                    firstSeconds);
            System.out.printf("PAS $submit durable on H2, 8 connections, %d s after a 5 s warm-up: %.0f/s, p50 %.1f ms,"
                    + " p99 %.1f ms (%d cases; %.1f ms of this JVM's CPU a case, client included; load average %.1f)%n", seconds,
                    total / (double) seconds, sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                    total, cpu / 1e6 / total, os.getSystemLoadAverage());
        }
    }
}
