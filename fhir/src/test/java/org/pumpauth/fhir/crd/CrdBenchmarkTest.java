package org.pumpauth.fhir.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pumpauth.fhir.Payers;
import org.pumpauth.fhir.dtr.Dtr;
import org.pumpauth.policy.PolicyRegistry;

/**
 * The CPU one CRD {@code order-sign} answer costs, HTTP and the key check left out: the shipped hook
 * ({@code fhir/examples/crd-order-sign.json}) answered on one thread, measured as that thread's CPU time,
 * so the figure holds on a busy machine where wall-clock figures do not. Runs only when asked:
 * {@code -Dpumpauth.bench.crd=true} (calls: {@code -Dpumpauth.bench.calls=N}, default 20,000).
 */
@EnabledIfSystemProperty(named = "pumpauth.bench.crd", matches = "true")
class CrdBenchmarkTest {

    @Test
    void order_sign_cpu_per_answer() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        PolicyRegistry registry = PolicyRegistry.builtIn();
        Payers payers = Payers.read(root.resolve("examples/payers.yaml"),
                registry.policies().stream().map(p -> p.id()).collect(java.util.stream.Collectors.toSet()), Optional.of("nia-cg-310"));
        Crd crd = new Crd(new Dtr(registry, payers, Clock.fixed(Instant.parse("2024-03-05T10:00:00Z"), ZoneOffset.UTC)));
        byte[] hook = Files.readAllBytes(root.resolve("fhir/examples/crd-order-sign.json"));
        String first = crd.call("order-sign", hook).toString();
        assertThat(first).contains("coverage-information");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int calls = Integer.getInteger("pumpauth.bench.calls", 20_000);
        for (int i = 0; i < calls; i++) { // warm-up: the JIT compiles the path
            assertThat(crd.call("order-sign", hook).toString()).isEqualTo(first);
        }
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            crd.call("order-sign", hook).toString();
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        System.out.printf("CRD order-sign answer (no HTTP, no key check), one thread, %d calls after as many to warm up:"
                + " %.3f ms of CPU an answer (%.3f ms wall; load average %.1f)%n", calls, cpu / 1e6 / calls, wall / 1e6 / calls,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String out = System.getProperty("pumpauth.bench.crd.answer");
        if (out != null) {
            Files.writeString(Path.of(out), first);
        }
    }
}
