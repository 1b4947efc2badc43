package org.pumpauth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.pumpauth.notes.NoteReader;

/**
 * The CPU one thread spends reading the 2 KB note of {@link NotesBenchmark} into its facts (thread
 * CPU time, after a warm-up): a figure a busy shared machine does not distort as it does a
 * wall-clock one. Prints each round and the median, in notes per CPU-second.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.pumpauth.bench.NotesBenchmarkCpu [ROUNDS]}
 */
public final class NotesBenchmarkCpu {
    private NotesBenchmarkCpu() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String note;
        try (InputStream in = NotesBenchmark.class.getResourceAsStream("note-2kb.txt")) {
            note = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        NoteReader reader = new NoteReader();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int facts = 0;
        for (int i = 0; i < 5_000; i++) {
            facts += reader.read(note).size();
        }
        double[] perSecond = new double[rounds];
        int perRound = 3_000;
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                facts += reader.read(note).size();
            }
            long nanos = threads.getCurrentThreadCpuTime() - start;
            perSecond[r] = perRound / (nanos / 1e9);
            System.out.printf("round %d: %.0f µs CPU a note, %.0f notes per CPU-second%n", r + 1, nanos / 1e3 / perRound,
                    perSecond[r]);
        }
        Arrays.sort(perSecond);
        System.out.printf("median: %.0f notes per CPU-second (one thread; %d facts read in all)%n",
                perSecond[rounds / 2], facts);
    }
}
