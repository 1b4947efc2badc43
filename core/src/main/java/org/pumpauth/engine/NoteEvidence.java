package org.pumpauth.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.FactValue;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.ProposedFact;
import org.pumpauth.determination.Result;
import org.pumpauth.notes.Experiencer;
import org.pumpauth.notes.NoteFact;
import org.pumpauth.notes.Temporality;
import org.pumpauth.notes.UnreadableNoteException;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * The engine's note step (issue 14): reads a request's clinical notes and adds to its
 * determination, per criterion still unknown, the facts the notes propose with the words that
 * state them, and the outcome if a reviewer confirmed them all.
 *
 * <p>A note proposes, a person decides: the determination's outcome is the request's alone, so no
 * unconfirmed note fact makes a case met or denied. The request's own stated facts always win: a
 * note's fact for a field the request states is not proposed. Only facts about the patient that
 * are not hypothetical (a plan, a goal) are proposed. Pure, like {@link Engine}.
 */
public final class NoteEvidence {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, List<NoteFact>> reader;
    private final Engine engine;
    private final RequestReader requests = new RequestReader();

    /** @param reader a note's facts ({@code new NoteReader()::read}) */
    public NoteEvidence(Function<String, List<NoteFact>> reader, Engine engine) {
        this.reader = reader;
        this.engine = engine;
    }

    /** The request's own notes, {@code notes[i].text}, named {@code notes[i]}; those without text are skipped. */
    public static List<ClinicalNote> notesOf(JsonNode request) {
        List<ClinicalNote> notes = new ArrayList<>();
        JsonNode list = request.path("notes");
        for (int i = 0; i < list.size(); i++) {
            JsonNode text = list.get(i).path("text");
            if (text.isTextual() && !text.textValue().isBlank()) {
                notes.add(new ClinicalNote("notes[" + i + "]", text.textValue()));
            }
        }
        return notes;
    }

    /** What each note proposes, read once for every policy a request is evaluated under. */
    public Reading read(List<ClinicalNote> notes) {
        List<Read> facts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ClinicalNote note : notes) {
            try {
                for (NoteFact fact : reader.apply(note.text())) {
                    if (fact.assertion().experiencer() == Experiencer.PATIENT
                            && fact.assertion().temporality() != Temporality.HYPOTHETICAL) {
                        facts.add(new Read(note.source(), fact));
                    }
                }
            } catch (UnreadableNoteException e) {
                // The reader's message says what is wrong with the note, never its words.
                warnings.add(note.source() + " was not read for evidence: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                warnings.add(note.source() + " was not read for evidence: it is not readable text");
            }
        }
        return new Reading(facts, warnings);
    }

    /** One fact read from one note. */
    record Read(String note, NoteFact fact) {}

    /** The facts the notes propose, and the notes that could not be read. */
    public static final class Reading {
        private final List<Read> facts;
        private final List<String> warnings;

        Reading(List<Read> facts, List<String> warnings) {
            this.facts = List.copyOf(facts);
            this.warnings = List.copyOf(warnings);
        }

        public boolean isEmpty() {
            return facts.isEmpty() && warnings.isEmpty();
        }
    }

    /**
     * {@code determination}, the request's under {@code version} as of {@code serviceDate}, with the
     * facts {@code reading} proposes for its unknown criteria (but those {@code rejected}) and the
     * outcome if they were confirmed.
     *
     * @param request the request as JSON, which the proposals are tried on
     */
    public Determination propose(Determination determination, JsonNode request, Reading reading,
            Predicate<ProposedFact> rejected, PolicyVersion version, LocalDate serviceDate) {
        if (reading.isEmpty() || determination.criteria().isEmpty()) {
            return determination;
        }
        List<Read> candidates = new ArrayList<>();
        for (Read read : reading.facts) {
            if (!statedOrUnknownPath(request, read.fact().field())) {
                candidates.add(read); // the request's own stated facts always win
            }
        }
        List<ProposedFact> proposals = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        collect(determination.criteria().get(), candidates, proposals, seen);
        proposals.removeIf(rejected); // a reviewer rejected it: it is not proposed again
        if (proposals.isEmpty()) {
            return determination.withProposals(List.of(), determination.outcome(), reading.warnings);
        }
        Outcome ifConfirmed = ifConfirmed(request, proposals, version, serviceDate, determination.outcome());
        return determination.withProposals(proposals, ifConfirmed, reading.warnings);
    }

    /** The request with every proposal set (a later note's value for the same field wins), as JSON. */
    public static ObjectNode confirmedAll(JsonNode request, List<ProposedFact> proposals) {
        ObjectNode patched = request.deepCopy();
        for (ProposedFact p : proposals) {
            FieldPath.of(p.field()).set(patched, p.value());
        }
        return patched;
    }

    private Outcome ifConfirmed(JsonNode request, List<ProposedFact> proposals, PolicyVersion version,
            LocalDate serviceDate, Outcome unconfirmed) {
        try {
            ReviewRequest patched = requests.read(JSON.writeValueAsBytes(confirmedAll(request, proposals)));
            return engine.evaluate(patched, version, serviceDate).outcome();
        } catch (InvalidRequestException e) {
            // A value the contract refuses could not be confirmed as it stands: the outcome stays as it is.
            return unconfirmed;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Depth first, in the policy's order: each unknown criterion's unknown facts that a note proposes. */
    private static void collect(CriterionResult node, List<Read> candidates, List<ProposedFact> proposals,
            Set<String> seen) {
        if (!node.is(Result.UNKNOWN)) {
            return;
        }
        for (FactValue fact : node.facts()) {
            if (fact.isKnown()) {
                continue;
            }
            for (Read read : candidates) {
                NoteFact f = read.fact();
                if (answers(f.field(), fact.field()) && seen.add(node.id() + "\u0000" + read.note() + "\u0000" + f.field())) {
                    proposals.add(new ProposedFact(node.id(), f.field(), f.value(), f.assertion().summary(), read.note(),
                            f.evidence()));
                }
            }
        }
        for (CriterionResult child : node.children()) {
            collect(child, candidates, proposals, seen);
        }
    }

    /**
     * Whether a note's field answers a criterion's unknown fact: the same path, a field under it
     * (a trial's relief under {@code intraspinalTrials}), or the same contract path at another list
     * position (the note counts trials oldest first, the request in its own order).
     */
    static boolean answers(String noteField, String unknown) {
        return noteField.equals(unknown)
                || noteField.startsWith(unknown + ".") || noteField.startsWith(unknown + "[")
                || FactValue.contractPath(noteField).equals(FactValue.contractPath(unknown));
    }

    private static boolean statedOrUnknownPath(JsonNode request, String field) {
        try {
            return FieldPath.of(field).isStated(request);
        } catch (IllegalArgumentException e) {
            return true; // not a path the request could hold: nothing to propose
        }
    }

    /** The proposals by field, for a caller that shows each field once. */
    public static Map<String, List<ProposedFact>> byField(List<ProposedFact> proposals) {
        Map<String, List<ProposedFact>> map = new LinkedHashMap<>();
        for (ProposedFact p : proposals) {
            map.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(p);
        }
        return map;
    }
}
