package org.pumpauth.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicySelection;

/**
 * The built-in policies, compiled once per JVM (the driver's, and each executor's on first use): a
 * task receives only the names of the policies it evaluates under, never compiled policies.
 */
final class Engines {
    private static final Map<List<String>, List<PolicySelection>> SELECTIONS = new ConcurrentHashMap<>();

    private Engines() {}

    private static final class Holder {
        static final Review REVIEW = new Review(PolicyRegistry.builtIn());
    }

    static Review review() {
        return Holder.REVIEW;
    }

    /** The version {@code ID@DATE} names. */
    static org.pumpauth.policy.PolicyVersion version(String spec) {
        return review().registry().select(spec).version().orElseThrow(() -> new org.pumpauth.policy.UnknownPolicyException(
                "name a version, as ID@YYYY-MM-DD"));
    }

    /** The selections {@code ID} or {@code ID@DATE} name, as {@code evaluate --policy} reads them. */
    static List<PolicySelection> selections(List<String> specs) {
        return SELECTIONS.computeIfAbsent(List.copyOf(specs), s -> {
            List<PolicySelection> selections = new ArrayList<>();
            for (String spec : s) {
                selections.add(review().registry().select(spec));
            }
            return List.copyOf(selections);
        });
    }
}
