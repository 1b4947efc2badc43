package org.pumpauth.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pumpauth.determination.Determination;
import org.pumpauth.engine.Engine;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicySelection;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * In-process evaluation: a parsed {@link ReviewRequest} and its compiled policy in, a
 * {@link Determination} out, with the full trace (criteria tree, missing information, reasons,
 * warnings), as {@link Engine#evaluate(ReviewRequest, PolicySelection, LocalDate)} builds it for
 * every request. Each call takes the next example in turn, so the JIT sees every pathway and
 * outcome the examples cover, not one request it could specialise for.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class EvaluateBenchmark {
    private Engine engine;
    private ReviewRequest[] requests;
    private PolicySelection[] selections;
    /** Not final and not a constant: the JIT cannot fold it into the engine. */
    private LocalDate today;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        PolicyRegistry registry = PolicyRegistry.builtIn();
        RequestReader reader = new RequestReader();
        List<Examples.Example> examples = Examples.all();
        requests = new ReviewRequest[examples.size()];
        selections = new PolicySelection[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            String name = examples.get(i).name();
            requests[i] = reader.read(examples.get(i).bytes());
            // Each example names its policy; one naming none is an error here, not a silent skip.
            selections[i] = registry.select(requests[i].policy().orElseThrow(
                    () -> new IllegalStateException(name + " names no policy")));
        }
        engine = new Engine();
        today = LocalDate.of(2024, 6, 1);
        next = 0;
    }

    /** One determination for the next example; JMH consumes the returned value (a Blackhole). */
    @Benchmark
    public Determination evaluate() {
        int i = next;
        next = i + 1 == requests.length ? 0 : i + 1;
        return engine.evaluate(requests[i], selections[i], today);
    }

    int size() {
        return requests.length;
    }
}
