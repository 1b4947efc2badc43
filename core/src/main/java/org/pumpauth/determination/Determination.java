package org.pumpauth.determination;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What pumpauth answers for one request under one policy (contract v1): the outcome, the action,
 * the evaluated criteria, what is missing, reasons a provider can act on, and warnings.
 */
public record Determination(
        String requestId,
        PolicyRef policy,
        LocalDate serviceDate,
        Optional<String> pathway,
        Outcome outcome,
        Optional<CriterionResult> criteria,
        List<MissingInformation> missingInformation,
        List<String> reasons,
        List<String> warnings) {

    public Determination {
        missingInformation = List.copyOf(missingInformation);
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }

    public Action action() {
        return outcome.action();
    }
}
