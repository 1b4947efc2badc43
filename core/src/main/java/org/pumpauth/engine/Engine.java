package org.pumpauth.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.PolicyRef;
import org.pumpauth.determination.Result;
import org.pumpauth.logic.Truth;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Evaluation;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.PolicySelection;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.ReviewRequest;
import org.pumpauth.terminology.Terminology;

/**
 * The review engine: a pure function from a request, a policy and today's date to a
 * {@link Determination}. No I/O, no clock, no mutable state: safe to call from any thread.
 *
 * <p>The steps: the version in force on the service date (G8); the policy's scope (a request
 * outside it is not addressed or investigational); the pathway the service kind and indication
 * choose; its criteria in three-valued logic (G1); the outcome by G2's precedence; what is
 * missing; reasons and warnings.
 */
public final class Engine {
    private final Terminology terminology;

    /** An engine with the built-in terminology tables (G14). */
    public Engine() {
        this(Terminology.builtIn());
    }

    public Engine(Terminology terminology) {
        this.terminology = terminology;
    }

    /** Evaluates {@code request} under the version of {@code selection} that applies to it. */
    public Determination evaluate(ReviewRequest request, PolicySelection selection, LocalDate today) {
        LocalDate serviceDate = request.serviceDate(today);
        Optional<PolicyVersion> version = selection.versionFor(serviceDate);
        if (version.isEmpty()) {
            PolicyVersion first = selection.policy().versions().get(0);
            return new Determination(request.requestId(),
                    new PolicyRef(selection.policy().id(), Optional.empty(), selection.policy().title()),
                    serviceDate, Optional.empty(), Outcome.NOT_ADDRESSED, Optional.empty(), List.of(),
                    List.of("No version of " + selection.policy().id() + " was in force on the service date "
                            + serviceDate + "; the first took effect on " + first.effectiveFrom() + "."),
                    Warnings.of(request, first));
        }
        return evaluate(request, version.get(), serviceDate);
    }

    /** Evaluates {@code request} under one version, as of {@code serviceDate}. */
    public Determination evaluate(ReviewRequest request, PolicyVersion version, LocalDate serviceDate) {
        // A policy's own tables (tables:) replace the shipped ones for that policy only.
        Evaluation evaluation = new Evaluation(request, serviceDate, version.tables().orElse(terminology));
        PolicyRef policy = new PolicyRef(version.id(), Optional.of(version.effectiveFrom()), version.title());
        List<String> warnings = Warnings.of(request, version);

        List<CriterionResult> results = new ArrayList<>();
        Outcome failed = null;
        for (Criterion criterion : version.scope()) {
            CriterionResult result = evaluation.trace(criterion);
            results.add(result);
            if (result.is(Result.NOT_MET)) {
                failed = prevailing(failed, criterion.meta().failure());
            }
        }
        if (failed == Outcome.NOT_ADDRESSED || failed == Outcome.INVESTIGATIONAL) {
            CriterionResult root = root("scope", "The policy's scope", results);
            return new Determination(request.requestId(), policy, serviceDate, Optional.empty(), failed,
                    Optional.of(root), List.of(), Explanation.reasons(failed, root, version), warnings);
        }

        PathwayChoice choice = PathwayChoice.choose(version, evaluation);
        if (choice.pathway().isEmpty()) {
            CriterionResult root = root("pathway", "The pathway for this service kind and indication",
                    concat(results, choice.trace()));
            Outcome outcome = failed != null
                    ? failed
                    : choice.undecided() ? Outcome.INSUFFICIENT_INFORMATION : Outcome.NOT_ADDRESSED;
            List<String> reasons = outcome == Outcome.NOT_ADDRESSED
                    ? List.of(version.title() + " (" + version.effectiveFrom() + ") does not address a "
                            + request.serviceKind() + " request for this indication.")
                    : Explanation.reasons(outcome, root, version);
            List<MissingInformation> missing = outcome == Outcome.NOT_ADDRESSED ? List.of() : Explanation.missing(root);
            return new Determination(request.requestId(), policy, serviceDate, Optional.empty(), outcome,
                    Optional.of(root), missing, reasons, warnings);
        }

        Pathway pathway = choice.pathway().get();
        if (pathway.outcome().isPresent()) {
            choice.why().ifPresent(results::add); // nothing else in the tree would say why
        }
        List<CriterionResult> outOfScope = new ArrayList<>();
        for (Criterion criterion : pathway.criteria()) {
            CriterionResult result = evaluation.trace(criterion);
            results.add(result);
            if (result.is(Result.NOT_MET)) {
                Outcome failure = criterion.meta().failure();
                failed = prevailing(failed, failure);
                if (failure == Outcome.NOT_ADDRESSED || failure == Outcome.INVESTIGATIONAL) {
                    outOfScope.add(result);
                }
            }
        }
        CriterionResult root = root(pathway.id(), pathway.text(), results);
        Outcome outcome;
        if (pathway.outcome().isPresent()) {
            outcome = prevailing(failed, pathway.outcome().get());
        } else if (failed != null) {
            outcome = failed;
        } else if (root.is(Result.UNKNOWN)) {
            outcome = Explanation.referred(root) ? Outcome.CASE_BY_CASE : Outcome.INSUFFICIENT_INFORMATION;
        } else {
            outcome = Outcome.MEETS_CRITERIA;
        }
        boolean outside = outcome == Outcome.NOT_ADDRESSED || outcome == Outcome.INVESTIGATIONAL;
        List<MissingInformation> missing = outside ? List.of() : Explanation.missing(root);
        List<String> reasons;
        if (pathway.outcome().isPresent() && outcome == pathway.outcome().get()) {
            reasons = List.of(pathway.text() + " (" + pathway.citation() + ")");
        } else if (outside) {
            reasons = Explanation.reasons(outcome, root("scope", "", outOfScope), version);
        } else {
            reasons = Explanation.reasons(outcome, root, version);
        }
        return new Determination(request.requestId(), policy, serviceDate, Optional.of(pathway.id()), outcome,
                Optional.of(root), missing, reasons, warnings);
    }

    private static Outcome prevailing(Outcome a, Outcome b) {
        return a == null ? b : a.prevailing(b);
    }

    private static CriterionResult root(String id, String text, List<CriterionResult> children) {
        Truth truth = Truth.TRUE;
        for (CriterionResult child : children) {
            truth = truth.and(child.is(Result.MET) ? Truth.TRUE : child.is(Result.NOT_MET) ? Truth.FALSE : Truth.UNKNOWN);
        }
        return new CriterionResult(id, text, Result.of(truth), List.of(), "", Optional.empty(), List.of(),
                Optional.empty(), children);
    }

    private static List<CriterionResult> concat(List<CriterionResult> a, List<CriterionResult> b) {
        List<CriterionResult> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
