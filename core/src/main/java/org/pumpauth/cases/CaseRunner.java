package org.pumpauth.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.engine.Engine;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicySelection;
import org.pumpauth.policy.UnknownPolicyException;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * Runs policy cases: evaluates each case's request under its policy (or under one policy for all)
 * and compares the determination with what the case expects.
 */
public final class CaseRunner {
    /** The day cases are reviewed on: a request with neither {@code serviceDate} nor {@code receivedAt} is dated by it. */
    public static final LocalDate AS_OF = LocalDate.of(2024, 6, 1);

    private final Function<PolicyCase, PolicySelection> policyOf;
    private final Engine engine = new Engine();
    private final RequestReader reader = new RequestReader();

    private CaseRunner(Function<PolicyCase, PolicySelection> policyOf) {
        this.policyOf = policyOf;
    }

    /** Each case under the policy it names (its {@code policy}, or its folder), from {@code registry}. */
    public static CaseRunner byCase(PolicyRegistry registry) {
        return new CaseRunner(c -> registry.select(c.policy().orElseThrow(() -> new UnknownPolicyException(
                "is not stated, and the case is not in a <policy>/<version>/ folder; state it as ID or ID@YYYY-MM-DD"))));
    }

    /** Every case under {@code selection}, whatever policy the case names. */
    public static CaseRunner under(PolicySelection selection) {
        return new CaseRunner(c -> selection);
    }

    public CaseResult run(PolicyCase policyCase) {
        PolicySelection selection;
        try {
            selection = policyOf.apply(policyCase);
        } catch (UnknownPolicyException e) {
            return new CaseResult(policyCase, Optional.empty(), List.of("policy: " + e.getMessage()));
        }
        ReviewRequest request;
        try {
            request = reader.read(policyCase.request());
        } catch (InvalidRequestException e) {
            List<String> problems = new ArrayList<>();
            e.problems().forEach(p -> problems.add("request: " + p));
            return new CaseResult(policyCase, Optional.empty(), problems);
        }
        Determination d = engine.evaluate(request, selection, AS_OF);
        return new CaseResult(policyCase, Optional.of(d), differences(policyCase.expect(), d));
    }

    /** Each way {@code d} differs from {@code expect}, in the order outcome, version, pathway, missing, criteria, warnings. */
    public static List<String> differences(Expectation expect, Determination d) {
        List<String> differences = new ArrayList<>();
        if (d.outcome() != expect.outcome()) {
            differences.add("outcome: expected " + expect.outcome() + ", got " + d.outcome());
        }
        Optional<String> version = d.policy().version().map(LocalDate::toString);
        expect.version().filter(v -> !v.equals(version)).ifPresent(v ->
                differences.add("version: expected " + v.orElse("none") + ", got " + version.orElse("none")));
        expect.pathway().filter(p -> !p.equals(d.pathway())).ifPresent(p ->
                differences.add("pathway: expected " + p.orElse("none") + ", got " + d.pathway().orElse("none")));
        expect.missing().ifPresent(expected -> {
            Set<String> got = new TreeSet<>();
            d.missingInformation().stream().map(MissingInformation::field).forEach(got::add);
            if (!got.equals(expected)) {
                Set<String> notAsked = new TreeSet<>(expected);
                notAsked.removeAll(got);
                Set<String> alsoAsked = new TreeSet<>(got);
                alsoAsked.removeAll(expected);
                differences.add("missing: expected " + new TreeSet<>(expected) + ", got " + got
                        + (notAsked.isEmpty() ? "" : "; not asked: " + String.join(", ", notAsked))
                        + (alsoAsked.isEmpty() ? "" : "; asked too: " + String.join(", ", alsoAsked)));
            }
        });
        new TreeMap<>(expect.criteria()).forEach((id, result) -> {
            Optional<CriterionResult> found = d.criteria().flatMap(root -> root.find(id));
            if (found.isEmpty()) {
                differences.add("criterion " + id + ": expected " + result + ", not in the determination");
            } else if (found.get().result() != result) {
                differences.add("criterion " + id + ": expected " + result + ", got " + found.get().result());
            }
        });
        for (String fragment : expect.warnings()) {
            if (d.warnings().stream().noneMatch(w -> w.contains(fragment))) {
                differences.add("warnings: none contains \"" + fragment + "\"");
            }
        }
        return differences;
    }
}
