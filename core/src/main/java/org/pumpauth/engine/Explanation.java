package org.pumpauth.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.FactValue;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.Result;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.RequestContract;

/** Reads an evaluated criteria tree for what is missing and why, in words a provider can act on. */
final class Explanation {
    private Explanation() {}

    /**
     * The fields that would decide the case: the unknown facts of every criterion whose result is
     * unknown, looking through criteria not met (so that a determination that does not meet
     * criteria still lists what is missing elsewhere, and a provider can fix everything at once,
     * G2) and past criteria already met (their unknowns cannot change them). A criterion decided
     * by its known facts asks for nothing: its unknowns would not change it.
     */
    static List<MissingInformation> missing(CriterionResult root) {
        Map<String, MissingInformation> missing = new LinkedHashMap<>();
        collect(root, missing);
        return List.copyOf(missing.values());
    }

    private static void collect(CriterionResult node, Map<String, MissingInformation> missing) {
        if (node.is(Result.MET)) {
            return;
        }
        if (node.is(Result.UNKNOWN)) {
            for (FactValue fact : node.facts()) {
                if (!fact.isKnown()) {
                    add(fact.contractPath(), missing);
                }
            }
        }
        for (String field : node.requests()) {
            add(field, missing);
        }
        for (CriterionResult child : node.children()) {
            collect(child, missing);
        }
    }

    private static void add(String path, Map<String, MissingInformation> missing) {
        missing.computeIfAbsent(path, p -> new MissingInformation(p, RequestContract.ask(p)));
    }

    /** Whether the policy sends the case to individual review along a path that decides it. */
    static boolean referred(CriterionResult node) {
        if (node.is(Result.MET)) {
            return false;
        }
        if (node.referral().filter(o -> o == Outcome.CASE_BY_CASE).isPresent()) {
            return true;
        }
        for (CriterionResult child : node.children()) {
            if (referred(child)) {
                return true;
            }
        }
        return false;
    }

    static List<String> reasons(Outcome outcome, CriterionResult root, PolicyVersion version) {
        List<String> reasons = new ArrayList<>();
        String policy = version.title() + " (" + version.effectiveFrom() + ")";
        switch (outcome) {
            case MEETS_CRITERIA:
                reasons.add("Every criterion of " + policy + " for this pathway is met.");
                break;
            case NOT_ADDRESSED:
                notMet(root, reasons, "Outside the scope of " + policy + ": ");
                break;
            case INVESTIGATIONAL:
                notMet(root, reasons, "Investigational or not covered under " + policy + ": ");
                break;
            case DOES_NOT_MEET_CRITERIA:
                notMet(root, reasons, "Not met: ");
                unknown(root, reasons);
                break;
            case CASE_BY_CASE:
                referrals(root, reasons);
                unknown(root, reasons);
                break;
            default:
                unknown(root, reasons);
                break;
        }
        return reasons;
    }

    /**
     * The criteria not met that a provider can act on: the deepest ones, except that where every
     * alternative of a criterion failed (an "any of" not met), the criterion itself is the reason.
     */
    private static void notMet(CriterionResult node, List<String> reasons, String prefix) {
        if (!node.is(Result.NOT_MET)) {
            return;
        }
        List<CriterionResult> failed = node.children().stream().filter(c -> c.is(Result.NOT_MET)).toList();
        boolean everyAlternativeFailed = node.children().size() > 1 && failed.size() == node.children().size();
        if (failed.isEmpty() || everyAlternativeFailed) {
            reasons.add(prefix + node.text() + " [" + node.id() + "]" + stated(node));
            return;
        }
        failed.forEach(child -> notMet(child, reasons, prefix));
    }

    private static final int FACTS_SHOWN = 5;

    /**
     * What the request states that decided a criterion not met, so that a provider sees why
     * ("reliefPercent = 45") and not only the policy's words: the known facts of the criterion and
     * of its parts not met, a few at most.
     */
    private static String stated(CriterionResult node) {
        Map<String, Object> facts = new LinkedHashMap<>();
        statedFacts(node, facts);
        if (facts.isEmpty()) {
            return "";
        }
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, Object> fact : facts.entrySet()) {
            String field = fact.getKey();
            Object value = fact.getValue();
            boolean listCount = value instanceof Integer
                    && facts.keySet().stream().anyMatch(f -> f.startsWith(field + "["));
            if (!listCount) { // a list's elements say more than its length
                shown.add(field + " = " + FactValue.display(value));
            }
        }
        String more = shown.size() > FACTS_SHOWN ? ", ..." : "";
        return "; the request states " + String.join(", ", shown.subList(0, Math.min(FACTS_SHOWN, shown.size()))) + more;
    }

    private static void statedFacts(CriterionResult node, Map<String, Object> facts) {
        for (FactValue fact : node.facts()) {
            fact.value().ifPresent(v -> facts.putIfAbsent(fact.field(), v));
        }
        for (CriterionResult child : node.children()) {
            if (child.is(Result.NOT_MET)) {
                statedFacts(child, facts);
            }
        }
    }

    /** The top-level criteria not yet shown, one sentence each. */
    private static void unknown(CriterionResult root, List<String> reasons) {
        for (CriterionResult child : root.children()) {
            // A criterion whose open branch is the policy's referral is said once, as a referral.
            if (child.is(Result.UNKNOWN) && !referred(child)) {
                reasons.add("Not yet shown: " + child.text() + " [" + child.id() + "]");
            }
        }
    }

    private static void referrals(CriterionResult node, List<String> reasons) {
        if (node.is(Result.MET)) {
            return;
        }
        if (node.referral().isPresent()) {
            reasons.add("For individual review, as the policy directs: " + node.text() + " [" + node.id() + "]");
        }
        node.children().forEach(child -> referrals(child, reasons));
    }
}
