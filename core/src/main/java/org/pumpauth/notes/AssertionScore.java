package org.pumpauth.notes;

import java.util.List;
import java.util.Locale;

/**
 * How ConText's readings of a labelled kit compare with the physicians' labels: negation
 * precision, recall and F1 (negated is the positive class), temporality and experiencer accuracy.
 */
public record AssertionScore(
        int mentions, int truePositives, int falsePositives, int falseNegatives, int temporalityRight, int experiencerRight, int labelled) {

    /** Scores {@code readings} (one per mention, same order) against the mentions' labels. */
    public static AssertionScore of(List<AssertionKit.Mention> mentions, List<Assertion> readings) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int temporal = 0;
        int experiencer = 0;
        int labelled = 0;
        for (int i = 0; i < mentions.size(); i++) {
            AssertionKit.Mention m = mentions.get(i);
            Assertion a = readings.get(i);
            if (m.negation().isEmpty() || m.temporality().isEmpty() || m.experiencer().isEmpty()) {
                continue;
            }
            labelled++;
            boolean gold = m.negation().get().equalsIgnoreCase(Negation.NEGATED.label());
            boolean said = a.negation() == Negation.NEGATED;
            if (gold && said) {
                tp++;
            } else if (said) {
                fp++;
            } else if (gold) {
                fn++;
            }
            if (m.temporality().get().equalsIgnoreCase(a.temporality().label())) {
                temporal++;
            }
            if (m.experiencer().get().equalsIgnoreCase(a.experiencer().label())) {
                experiencer++;
            }
        }
        return new AssertionScore(mentions.size(), tp, fp, fn, temporal, experiencer, labelled);
    }

    public double negationPrecision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    public double negationRecall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    public double negationF1() {
        double p = negationPrecision();
        double r = negationRecall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double temporalityAccuracy() {
        return ratio(temporalityRight, labelled);
    }

    public double experiencerAccuracy() {
        return ratio(experiencerRight, labelled);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** The summary line {@code pumpauth notes assert} prints on standard error. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "assertion: %d labelled mentions; negation P=%.3f R=%.3f F1=%.3f; temporality accuracy=%.3f; experiencer accuracy=%.3f",
                labelled,
                negationPrecision(),
                negationRecall(),
                negationF1(),
                temporalityAccuracy(),
                experiencerAccuracy());
    }
}
