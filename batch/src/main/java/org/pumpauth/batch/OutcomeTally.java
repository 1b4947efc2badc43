package org.pumpauth.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;
import org.pumpauth.batch.EvaluateJob.SummaryLine;

/**
 * The summary of {@code batch evaluate}, counted by each task as it evaluates and added up by the driver
 * (a Spark accumulator), so the summary costs no second pass over the determinations. Spark adds a task's
 * counts once, when the task succeeds: a task that failed and ran again is counted once.
 */
final class OutcomeTally extends AccumulatorV2<OutcomeTally.Counts, OutcomeTally.Counts> {
    private static final long serialVersionUID = 1L;

    private Counts counts = new Counts();

    /** Determinations per policy, pathway ("" for none) and outcome, requests evaluated and lines rejected. */
    static final class Counts implements Serializable {
        private static final long serialVersionUID = 1L;

        private final Map<List<String>, long[]> outcomes = new HashMap<>();
        private long evaluated;
        private long rejected;

        void determination(String policy, String pathway, String outcome, boolean first) {
            outcomes.computeIfAbsent(List.of(policy, pathway == null ? "" : pathway, outcome), k -> new long[1])[0]++;
            if (first) {
                evaluated++;
            }
        }

        void reject() {
            rejected++;
        }

        void add(Counts other) {
            other.outcomes.forEach((key, n) -> outcomes.computeIfAbsent(key, k -> new long[1])[0] += n[0]);
            evaluated += other.evaluated;
            rejected += other.rejected;
        }

        boolean isEmpty() {
            return outcomes.isEmpty() && evaluated == 0 && rejected == 0;
        }

        long evaluated() {
            return evaluated;
        }

        long rejected() {
            return rejected;
        }

        /** The summary's lines, ordered by policy, pathway and outcome. */
        List<SummaryLine> lines() {
            List<SummaryLine> lines = new ArrayList<>();
            outcomes.forEach((key, n) -> lines.add(new SummaryLine(key.get(0), key.get(1), key.get(2), n[0])));
            lines.sort(Comparator.comparing(SummaryLine::policy).thenComparing(SummaryLine::pathway)
                    .thenComparing(SummaryLine::outcome));
            return lines;
        }
    }

    @Override
    public boolean isZero() {
        return counts.isEmpty();
    }

    @Override
    public AccumulatorV2<Counts, Counts> copy() {
        OutcomeTally copy = new OutcomeTally();
        copy.counts.add(counts);
        return copy;
    }

    @Override
    public void reset() {
        counts = new Counts();
    }

    @Override
    public void add(Counts v) {
        counts.add(v);
    }

    @Override
    public void merge(AccumulatorV2<Counts, Counts> other) {
        counts.add(other.value());
    }

    @Override
    public Counts value() {
        return counts;
    }
}
