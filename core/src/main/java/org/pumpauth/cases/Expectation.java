package org.pumpauth.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.Result;

/**
 * What a case's determination must say. Only the outcome is always checked; each other part is
 * checked when the case states it.
 *
 * @param version the version applied; {@code Optional.of(Optional.empty())} when the case states
 *     that none applies ({@code "version": null})
 * @param pathway the same for the pathway
 * @param missing the exact set of {@code missingInformation} fields
 * @param criteria the result of each named criterion
 * @param warnings fragments that some warning must contain
 */
public record Expectation(
        Outcome outcome,
        Optional<Optional<String>> version,
        Optional<Optional<String>> pathway,
        Optional<Set<String>> missing,
        Map<String, Result> criteria,
        List<String> warnings) {

    public Expectation {
        missing = missing.map(Set::copyOf);
        criteria = Map.copyOf(criteria);
        warnings = List.copyOf(warnings);
    }
}
