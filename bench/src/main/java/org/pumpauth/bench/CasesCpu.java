package org.pumpauth.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.access.ApiKeys;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.store.DatabaseSettings;

/**
 * The CPU a durable case costs the service, measured as thread CPU time so that a busy shared machine
 * does not distort it as it does requests per second: cases of {@code bench/service/cases.lua}'s
 * request (each a new requestId, submitted with an API key as {@code POST /v1/cases} does, without
 * HTTP) from THREADS threads at once, in rounds after a warm-up. Prints for each round, per case, the
 * CPU of the submitting threads (reading, evaluating, the letter, the documents' JSON and hashes), of
 * the case writer thread (every group's transaction and commit), and of the whole JVM (with the garbage
 * collector and the JIT), and the medians. With one thread every group holds one case, so the
 * writer's figure is its whole fixed cost of a group; with more threads, groups grow as the writer
 * falls behind.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.pumpauth.bench.CasesCpu [THREADS [ROUNDS [CASES]]]}
 * (defaults 8, 7 and 1000 cases a round, after 3000 to warm up) on a new embedded database under a
 * temporary directory; with {@code PUMPAUTH_DB_URL} (and {@code PUMPAUTH_DB_USER}, {@code
 * PUMPAUTH_DB_PASSWORD}) on that PostgreSQL database instead.
 */
public final class CasesCpu {
    private static final String WRITER = "pumpauth-case-writer";

    private CasesCpu() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path dir = Files.createTempDirectory("pumpauth-cases-cpu");
        String body = new String(Examples.all().stream().filter(e -> e.name().equals("nia-implant-pain-missing-psych.json"))
                .findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8);
        String run = "CPU-" + System.currentTimeMillis() + "-";
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (ReviewService service = ReviewService.open(DatabaseSettings.resolve(Optional.empty(), dir.resolve("data"),
                System.getenv()), PolicyRegistry.builtIn(), Optional.of("nia-cg-310"), Clock.systemUTC())) {
            String key = service.keys().create(Role.SUBMITTER, "cpu-" + System.nanoTime());
            ApiKeys.Identified submitter = service.keys().identify(key).orElseThrow();
            AtomicInteger counter = new AtomicInteger();
            Step step = () -> service.cases().submit(submitter, body.replace("EX-NIA-IMPLANT-PAIN-2",
                    run + counter.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            run(pool, threads, 3000, step, mx);
            long writer = writerThreadId();
            double[] total = new double[rounds];
            double[] writing = new double[rounds];
            double[] submitting = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long process = os.getProcessCpuTime();
                long writerCpu = mx.getThreadCpuTime(writer);
                long submitters = run(pool, threads, perRound, step, mx);
                total[r] = (os.getProcessCpuTime() - process) / 1e3 / perRound;
                writing[r] = (mx.getThreadCpuTime(writer) - writerCpu) / 1e3 / perRound;
                submitting[r] = submitters / 1e3 / perRound;
                System.out.printf("round %d: µs CPU a case: JVM %.0f, case writer %.0f, submitting threads %.0f%n", r + 1,
                        total[r], writing[r], submitting[r]);
            }
            pool.shutdown();
            System.out.printf("median µs CPU a case (%d threads, %s): JVM %.0f, case writer %.0f, submitting threads %.0f%n",
                    threads, service.database().settings().describe().startsWith("jdbc:h2") ? "embedded H2" : "PostgreSQL",
                    median(total), median(writing), median(submitting));
        } finally {
            delete(dir);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs {@code count} steps on {@code threads} threads of the pool; the CPU time those threads spent, in ns. */
    private static long run(ExecutorService pool, int threads, int count, Step step, ThreadMXBean mx) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong cpu = new AtomicLong();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                long start = mx.getCurrentThreadCpuTime();
                while (next.getAndIncrement() < count) {
                    step.run();
                }
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - start);
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        return cpu.get();
    }

    private static long writerThreadId() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(WRITER)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no thread named " + WRITER)).getId();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
