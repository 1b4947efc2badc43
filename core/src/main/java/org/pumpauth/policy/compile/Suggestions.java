package org.pumpauth.policy.compile;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The name an analyst probably meant: "did you mean 'pain.score'?" for {@code pain.scor}. */
final class Suggestions {
    private Suggestions() {}

    /** {@code " (did you mean 'x'?)"}, or nothing when no candidate is close. */
    static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /**
     * The candidate nearest to {@code typed}: one equal but for case, one whose last dotted part is
     * what was typed ({@code score} for {@code pain.score}), else one within a few edits.
     */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        if (typed.isBlank()) {
            return Optional.empty();
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int distance = c.equals(lower) || c.endsWith("." + lower) ? 0 : distance(lower, c);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, Math.min(3, typed.length() / 4));
        return best != null && bestDistance <= allowed && !best.equals(typed) ? Optional.of(best) : Optional.empty();
    }

    /** Edits (insert, delete, replace, swap of neighbours) from one text to the other. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
