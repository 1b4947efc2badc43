package org.pumpauth.policy;

import java.util.List;
import java.util.Optional;
import org.pumpauth.determination.Outcome;

/**
 * One way through a policy, such as {@code implant/chronic-pain}: when it applies, and either the
 * criteria it asks (all of them) or the outcome the policy gives it outright ("revision and
 * removal are not addressed").
 */
public record Pathway(
        String id, String text, String citation, Criterion when, Optional<Outcome> outcome, List<Criterion> criteria) {
    public Pathway {
        criteria = List.copyOf(criteria);
    }
}
