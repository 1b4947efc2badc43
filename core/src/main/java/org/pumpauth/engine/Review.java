package org.pumpauth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.ProposedFact;
import org.pumpauth.notes.NoteFact;
import org.pumpauth.notes.NoteReader;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicySelection;
import org.pumpauth.policy.PolicyVersion;
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
    private final NoteEvidence notes;

    /** A review whose notes are read by {@link NoteReader}. */
    public Review(PolicyRegistry registry) {
        this(registry, new NoteReader()::read);
    }

    /** A review whose notes are read by {@code noteReader}. */
    public Review(PolicyRegistry registry, Function<String, List<NoteFact>> noteReader) {
        this.registry = registry;
        this.notes = new NoteEvidence(noteReader, engine);
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

    /**
     * As {@link #review(ReviewRequest, List, LocalDate)}, with the clinical notes read: the
     * request's {@code notes[]} and {@code attached} ones (a case's). Each determination lists the
     * facts they propose for its unknown criteria and the outcome if they were confirmed; its
     * outcome is the request's alone.
     *
     * @param json the request as JSON, the same as {@code request}
     */
    public List<Determination> reviewWithNotes(ReviewRequest request, JsonNode json, List<ClinicalNote> attached,
            List<PolicySelection> named, LocalDate today) {
        return reviewWithNotes(request, json, attached, p -> false, named, today);
    }

    /**
     * As above, without the proposals a reviewer rejected: {@code rejected} tells them (a case's
     * rejections are in its audit trail).
     */
    public List<Determination> reviewWithNotes(ReviewRequest request, JsonNode json, List<ClinicalNote> attached,
            Predicate<ProposedFact> rejected, List<PolicySelection> named, LocalDate today) {
        List<Determination> determinations = review(request, named, today);
        List<ClinicalNote> all = new ArrayList<>(NoteEvidence.notesOf(json));
        all.addAll(attached);
        if (all.isEmpty()) {
            return determinations;
        }
        NoteEvidence.Reading reading = notes.read(all);
        if (reading.isEmpty()) {
            return determinations;
        }
        LocalDate serviceDate = request.serviceDate(today);
        List<PolicySelection> selections = named.isEmpty() ? ownOrInForce(request, today) : named;
        List<Determination> proposed = new ArrayList<>(determinations.size());
        for (int i = 0; i < determinations.size(); i++) {
            Optional<PolicyVersion> version = selections.get(i).versionFor(serviceDate);
            proposed.add(version.isEmpty() ? determinations.get(i)
                    : notes.propose(determinations.get(i), json, reading, rejected, version.get(), serviceDate));
        }
        return proposed;
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
