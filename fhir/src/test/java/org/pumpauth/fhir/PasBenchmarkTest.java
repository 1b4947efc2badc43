package org.pumpauth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.ReviewServer;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.ServiceModule;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.letters.LetterSettings;
import org.pumpauth.server.store.Database;
import org.pumpauth.server.store.DatabaseSettings;

/**
 * PAS {@code Claim/$submit} per second on an in-memory H2 in the test's JVM, at 8 connections (a quick
 * look; {@code bench/fhir/submit.sh} measures it durable, under {@code pumpauth serve}), and the first
 * answer after start (HAPI warmed while the database opens, as {@code serve} does; the FHIR module prepared;
 * the server listening; the shipped {@code fhir/examples/pas-trial-chronic-pain.json} submitted and answered),
 * in a JVM that has not loaded HAPI before, each phase's seconds printed. The server's CPU a case is the
 * JVM's CPU less the client's threads'. Runs only when asked:
 * {@code -Dpumpauth.bench.pas=true} (seconds: {@code -Dpumpauth.bench.seconds=N}, default 20).
 */
@EnabledIfSystemProperty(named = "pumpauth.bench.pas", matches = "true")
class PasBenchmarkTest {

    @Test
    void submit_durable_per_second_and_first_answer_after_start() throws Exception {
        // Start as serve starts: the modules warm up and the database opens on threads of their own while the
        // policies compile, then the modules mount, then the server listens.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        List<ServiceModule> available = ServiceModule.available();
        available.forEach(ServiceModule::warmUp);
        java.util.concurrent.FutureTask<Database> opening = new java.util.concurrent.FutureTask<>(() -> Database.open(
                new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                        Optional.of("sa"), Optional.empty()), ReviewService.POOL_SIZE));
        new Thread(opening, "pumpauth-database-open").start();
        Review review = new Review(PolicyRegistry.builtIn());
        ReviewService service = ReviewService.over(opening.get(), review, Optional.empty(), Clock.systemUTC(),
                LetterSettings.builtIn());
        long opened = System.nanoTime();
        long openedCpu = threads.getCurrentThreadCpuTime();
        List<ServiceModule.Mounted> modules = available.stream().map(m -> m.prepare(service, new ServiceModule.Options(
                Optional.of(Path.of("..", "examples", "payers.yaml")), Optional.empty()))).toList();
        long prepared = System.nanoTime();
        long preparedCpu = threads.getCurrentThreadCpuTime();
        ReviewServer server = ReviewServer.start(service, "127.0.0.1", 0, false, modules);
        long listening = System.nanoTime();
        long listeningCpu = threads.getCurrentThreadCpuTime();
        String base = "http://127.0.0.1:" + server.port();
        HttpClient http = HttpClient.newHttpClient();
        try {
            String key = service.keys().create(Role.SUBMITTER, "bench");
            // The shipped example as it is on disk: the client loads no HAPI of its own before the answer.
            HttpResponse<String> first = http.send(submit(base, key, Files.readString(Path.of("..", "fhir", "examples",
                    "pas-trial-chronic-pain.json"))), HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            System.out.printf("PAS first answer after start: %.2f s (database open and policies compiled %.2f s, FHIR module prepared %.2f s,"
                    + " listening %.2f s, first $submit answered %.2f s; JVM start not included)%n", (answered - start) / 1e9,
                    (opened - start) / 1e9, (prepared - opened) / 1e9, (listening - prepared) / 1e9, (answered - listening) / 1e9);
            // CPU, which a busy machine does not stretch as it stretches the seconds above.
            System.out.printf("PAS first answer after start, CPU: the starting thread %.2f s (%.2f / %.2f / %.2f s by phase),"
                    + " this whole JVM %.2f s by the answer (load average %.1f)%n", (listeningCpu - startCpu) / 1e9,
                    (openedCpu - startCpu) / 1e9, (preparedCpu - openedCpu) / 1e9, (listeningCpu - preparedCpu) / 1e9,
                    ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
                            / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            measure(base, key, http);
        } finally {
            server.close();
            modules.forEach(ServiceModule.Mounted::close);
            service.close();
        }
    }

    private static HttpRequest submit(String base, String key, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/fhir/Claim/$submit")).header("Authorization", "Bearer " + key)
                .header("Content-Type", Fhir.MEDIA_TYPE).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The CPU time of this JVM's client side: the benchmark's workers and the HTTP client's threads. */
    private static long clientCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("pas-bench-") || info.getThreadName().startsWith("HttpClient-"))) {
                cpu += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    /** Distinct claims (each a new case) at 8 connections for the benchmark's seconds, after a 5 s warm-up. */
    private static void measure(String base, String key, HttpClient http) throws Exception {
        int seconds = Integer.getInteger("pumpauth.bench.seconds", 20);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            bodies.add(PasFixtures.json(PasFixtures.pump(i % 2 == 0 ? "nia-trial-chronic-pain.json"
                    : "nia-implant-pain-missing-psych.json", "TEMPLATE")));
        }
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> new Thread(r, "pas-bench-" + threadNumber.incrementAndGet()));
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
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
                    HttpResponse<Void> r = http.send(submit(base, key, body), HttpResponse.BodyHandlers.discarding());
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
        long cpuAtWarmEnd = os.getProcessCpuTime();
        long clientAtWarmEnd = clientCpu();
        int total = 0;
        for (Future<Integer> worker : workers) {
            total += worker.get();
        }
        long cpu = os.getProcessCpuTime() - cpuAtWarmEnd;
        long client = clientCpu() - clientAtWarmEnd;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("PAS $submit on an in-memory H2 in this JVM (bench/fhir/submit.sh measures the durable one), 8 connections, %d s after a 5 s warm-up: %.0f/s, p50 %.1f ms,"
                + " p99 %.1f ms (%d cases; CPU a case: %.1f ms of the server, %.1f ms of this whole JVM, client included;"
                + " load average %.1f)%n", seconds, total / (double) seconds, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6, total, (cpu - client) / 1e6 / total, cpu / 1e6 / total,
                os.getSystemLoadAverage());
    }
}
