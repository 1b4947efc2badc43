package org.pumpauth.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.store.DatabaseSettings;

/**
 * Durable decisions per second with their letters on the embedded database (the goal is at least
 * 200/s): a physician denies cases waiting for review, from several threads at once, each decision one
 * committed transaction with its denial letter (HTML, document, audit entry). The cases are submitted
 * first and not timed; the first fifth of the decisions warm the JIT up and are not timed either.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.pumpauth.bench.DecisionLoad [CASES] [THREADS]}
 * (defaults 3000 and 8); the database is a new one under a temporary directory, deleted after.
 */
public final class DecisionLoad {
    private static final String DENIAL = "{\"decision\": \"deny\", \"rationale\": \"No intraspinal opioid trial; criteria not met.\"}";

    private DecisionLoad() {}

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path dir = Files.createTempDirectory("pumpauth-decisions");
        Examples.Example pending = Examples.all().stream().filter(e -> e.name().equals("nia-implant-pain-non-opioid-trial.json"))
                .findFirst().orElseThrow();
        String body = new String(pending.bytes(), StandardCharsets.UTF_8);
        try (ReviewService service = ReviewService.open(DatabaseSettings.resolve(Optional.empty(), dir.resolve("data"), Map.of()),
                PolicyRegistry.builtIn(), Optional.empty(), Clock.systemUTC())) {
            Caller clinic = new Caller("clinic-a", Role.SUBMITTER);
            Caller doctor = new Caller("dr-lee", Role.PHYSICIAN, "Dr. Ana Lee, MD");
            List<String> ids = run(threads, cases, i -> service.cases().submit(clinic,
                    body.replace("EX-NIA-IMPLANT-PAIN-3", "LOAD-" + i).getBytes(StandardCharsets.UTF_8)).reviewCase().id());
            int warm = cases / 5;
            run(threads, warm, i -> service.cases().decide(doctor, ids.get(i), DENIAL.getBytes(StandardCharsets.UTF_8)).id());
            List<String> timed = ids.subList(warm, cases);
            long start = System.nanoTime();
            run(threads, timed.size(), i -> service.cases().decide(doctor, timed.get(i),
                    DENIAL.getBytes(StandardCharsets.UTF_8)).id());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d durable decisions with their denial letters in %.2f s: %.0f/s (%d threads, embedded H2)%n",
                    timed.size(), seconds, timed.size() / seconds, threads);
            System.out.println(service.audit().verify().intact() ? "audit trail intact" : "audit trail BROKEN");
        } finally {
            delete(dir);
        }
    }

    private interface Step {
        String run(int i) throws Exception;
    }

    /** Runs {@code count} steps on {@code threads} threads, each taking the next index; their results in index order. */
    private static List<String> run(int threads, int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        String[] results = new String[count];
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    results[i] = step.run(i);
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return List.of(results);
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
