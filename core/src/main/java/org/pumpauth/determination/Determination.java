package org.pumpauth.determination;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What pumpauth answers for one request under one policy (contract v1): the outcome, the action,
 * the evaluated criteria, what is missing, reasons a provider can act on, and warnings; when the
 * request's clinical notes were read, the facts they propose for the criteria still unknown and
 * the outcome if a reviewer confirmed them all (the outcome itself never rests on them).
 *
 * @param outcomeIfConfirmed present exactly when {@code proposedFacts} is not empty
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
        List<String> warnings,
        List<ProposedFact> proposedFacts,
        Optional<Outcome> outcomeIfConfirmed) {

    public Determination {
        missingInformation = List.copyOf(missingInformation);
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
        proposedFacts = List.copyOf(proposedFacts);
        if (proposedFacts.isEmpty() != outcomeIfConfirmed.isEmpty()) {
            throw new IllegalArgumentException("an outcome if confirmed goes with proposed facts, and only with them");
        }
    }

    /** A determination read from the request alone: no note was read, or none proposed a fact. */
    public Determination(String requestId, PolicyRef policy, LocalDate serviceDate, Optional<String> pathway,
            Outcome outcome, Optional<CriterionResult> criteria, List<MissingInformation> missingInformation,
            List<String> reasons, List<String> warnings) {
        this(requestId, policy, serviceDate, pathway, outcome, criteria, missingInformation, reasons, warnings,
                List.of(), Optional.empty());
    }

    /** This determination with what the notes propose, and the outcome if all of it were confirmed. */
    public Determination withProposals(List<ProposedFact> proposals, Outcome ifConfirmed, List<String> moreWarnings) {
        List<String> allWarnings = new java.util.ArrayList<>(warnings);
        allWarnings.addAll(moreWarnings);
        return new Determination(requestId, policy, serviceDate, pathway, outcome, criteria, missingInformation,
                reasons, allWarnings, proposals, proposals.isEmpty() ? Optional.empty() : Optional.of(ifConfirmed));
    }

    public Action action() {
        return outcome.action();
    }
}
