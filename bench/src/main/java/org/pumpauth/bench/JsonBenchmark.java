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
import org.openjdk.jmh.infra.Blackhole;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicySelection;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * JSON in, JSON out, as a service would do it: a request's UTF-8 bytes are read and checked by
 * {@link RequestReader}, reviewed under the policy the request names ({@link Review}, as
 * {@code pumpauth evaluate} does), and each determination is written by
 * {@link DeterminationJson} and encoded to UTF-8 bytes. {@link #read} and {@link #write} time the
 * two ends alone, to show where the time of {@link #jsonToDetermination} goes.
 *
 * <p>The input set is the examples of {@value #MIN_BYTES} bytes or more (requests of 2-4 KB);
 * each call takes the next in turn.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class JsonBenchmark {
    static final int MIN_BYTES = 2000;
    static final int MAX_BYTES = 4096;

    private RequestReader reader;
    private Review review;
    private byte[][] inputs;
    private Determination[] determinations;
    /** Not final and not a constant: the JIT cannot fold it into the engine. */
    private LocalDate today;
    private List<PolicySelection> named;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        reader = new RequestReader();
        review = new Review(PolicyRegistry.builtIn());
        today = LocalDate.of(2024, 6, 1);
        named = List.of();
        List<byte[]> sized = Examples.all().stream().map(Examples.Example::bytes)
                .filter(b -> b.length >= MIN_BYTES && b.length <= MAX_BYTES).toList();
        if (sized.size() < 5) {
            throw new IllegalStateException("only " + sized.size() + " examples of " + MIN_BYTES + "-" + MAX_BYTES
                    + " bytes; the benchmark wants a varied set");
        }
        inputs = sized.toArray(new byte[0][]);
        determinations = new Determination[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            List<Determination> all = review.review(reader.read(inputs[i]), named, today);
            if (all.size() != 1) {
                throw new IllegalStateException("example " + i + " gets " + all.size() + " determinations, not 1");
            }
            determinations[i] = all.get(0);
        }
        next = 0;
    }

    private int next() {
        int i = next;
        next = i + 1 == inputs.length ? 0 : i + 1;
        return i;
    }

    /** Request bytes to determination bytes: read, review, write. */
    @Benchmark
    public void jsonToDetermination(Blackhole bh) {
        ReviewRequest request = reader.read(inputs[next()]);
        for (Determination determination : review.review(request, named, today)) {
            bh.consume(DeterminationJson.toJsonBytes(determination));
        }
    }

    /** Request bytes to a checked {@link ReviewRequest} only. */
    @Benchmark
    public ReviewRequest read() {
        return reader.read(inputs[next()]);
    }

    /** A determination (computed in setup) to its JSON bytes only. */
    @Benchmark
    public byte[] write() {
        return DeterminationJson.toJsonBytes(determinations[next()]);
    }

    int size() {
        return inputs.length;
    }

    byte[] input(int i) {
        return inputs[i];
    }
}
