package org.pumpauth.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pumpauth.determination.Determination;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicySelection;
import org.pumpauth.policy.UnknownPolicyException;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.ReviewRequest;

/**
 * Decides which policies a request is reviewed under and evaluates it under each: the policies
 * the caller names; else the request's own {@code policy}; else every policy with a version in
 * force on the service date. The CLI and the HTTP API both come through here.
 */
public final class Review {
    private final PolicyRegistry registry;
    private final Engine engine = new Engine();

    public Review(PolicyRegistry registry) {
        this.registry = registry;
    }

    public PolicyRegistry registry() {
        return registry;
    }

    /**
     * @param named policies the caller names ({@code --policy}); may be empty
     * @param today the date a request without serviceDate or receivedAt is reviewed for
     * @throws InvalidRequestException when the request's own {@code policy} is unknown
     */
    public List<Determination> review(ReviewRequest request, List<PolicySelection> named, LocalDate today) {
        return evaluateAll(request, named.isEmpty() ? ownOrInForce(request, today) : named, today);
    }

    /** The request under every policy with a version in force on its service date, whatever policy it names. */
    public List<Determination> compare(ReviewRequest request, LocalDate today) {
        return evaluateAll(request, inForce(request, today), today);
    }

    private List<Determination> evaluateAll(ReviewRequest request, List<PolicySelection> selections, LocalDate today) {
        List<Determination> determinations = new ArrayList<>(selections.size());
        for (PolicySelection selection : selections) {
            determinations.add(engine.evaluate(request, selection, today));
        }
        return determinations;
    }

    private List<PolicySelection> ownOrInForce(ReviewRequest request, LocalDate today) {
        if (request.policy().isPresent()) {
            try {
                return List.of(registry.select(request.policy().get()));
            } catch (UnknownPolicyException e) {
                throw new InvalidRequestException(List.of(new InvalidRequestException.Problem("policy", e.withoutValue())));
            }
        }
        return inForce(request, today);
    }

    private List<PolicySelection> inForce(ReviewRequest request, LocalDate today) {
        LocalDate serviceDate = request.serviceDate(today);
        List<PolicySelection> inForce = new ArrayList<>();
        for (Policy policy : registry.policies()) {
            if (policy.inForce(serviceDate).isPresent()) {
                inForce.add(new PolicySelection(policy, Optional.empty()));
            }
        }
        return inForce;
    }
}
