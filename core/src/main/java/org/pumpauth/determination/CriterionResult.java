package org.pumpauth.determination;

import java.util.List;
import java.util.Optional;

/**
 * One node of the evaluated criteria tree: the criterion, its result, the facts it read and the
 * reading of the policy behind it.
 *
 * @param citation where the policy says it ({@code seed file, section heading})
 * @param requests fields this node asks for even though they are stated (a document marked as
 *     not attached, say)
 * @param referral set when the policy sends this case to individual review
 */
public record CriterionResult(
        String id,
        String text,
        Result result,
        List<FactValue> facts,
        String citation,
        Optional<String> interpretation,
        List<String> requests,
        Optional<Outcome> referral,
        List<CriterionResult> children) {

    public CriterionResult {
        facts = List.copyOf(facts);
        requests = List.copyOf(requests);
        children = List.copyOf(children);
    }

    public boolean is(Result r) {
        return result == r;
    }

    /** Depth-first search by id, for tests and explanations. */
    public Optional<CriterionResult> find(String criterionId) {
        if (id.equals(criterionId)) {
            return Optional.of(this);
        }
        for (CriterionResult child : children) {
            Optional<CriterionResult> found = child.find(criterionId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
