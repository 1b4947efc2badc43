package org.pumpauth.cases;

import java.util.List;
import java.util.Optional;
import org.pumpauth.determination.Determination;

/**
 * A case run: the determination it got (none when its request or policy could not be read), and
 * each way it differs from what the case expects, one line each; empty when the case passes.
 */
public record CaseResult(PolicyCase policyCase, Optional<Determination> determination, List<String> differences) {
    public CaseResult {
        differences = List.copyOf(differences);
    }

    public boolean passed() {
        return differences.isEmpty();
    }
}
