package org.pumpauth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pumpauth.cases.MergePatch;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.ProposedFact;
import org.pumpauth.notes.Assertion;
import org.pumpauth.notes.Experiencer;
import org.pumpauth.notes.Negation;
import org.pumpauth.notes.Span;
import org.pumpauth.notes.Temporality;
import org.pumpauth.notes.UnreadableNoteException;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;
import org.pumpauth.schema.Schemas;

/**
 * The engine's note step (issue 14): the facts a request's notes propose for its unknown criteria,
 * with their evidence, and the outcome if confirmed; the outcome itself is the request's alone.
 */
class NoteEvidenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private static final RequestReader READER = new RequestReader();
    private static final String PSYCH = "Psychological evaluation completed: cognitive ability, physical capability"
            + " and willingness to proceed are documented.";
    private static final String[] PSYCH_FIELDS = {"psychEvaluation.completed", "psychEvaluation.documentsCognitiveAbility",
        "psychEvaluation.documentsPhysicalCapability", "psychEvaluation.documentsWillingness"};

    private static StandInNoteReader psychReader() {
        StandInNoteReader reader = new StandInNoteReader();
        for (String field : PSYCH_FIELDS) {
            reader.states(PSYCH, field, BooleanNode.TRUE);
        }
        return reader;
    }

    /** The example whose psychological evaluation is missing, with {@code notes} as its notes. */
    private static ObjectNode missingPsych(String... notes) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(Path.of("../examples/nia-implant-pain-missing-psych.json").toFile());
        var list = request.putArray("notes");
        for (String text : notes) {
            list.addObject().put("date", "2024-06-20").put("author", "Psychology").put("text", text);
        }
        return request;
    }

    private static Determination review(java.util.function.Function<String, List<org.pumpauth.notes.NoteFact>> reader,
            JsonNode request) throws IOException {
        return new Review(POLICIES, reader)
                .reviewWithNotes(READER.read(JSON.writeValueAsBytes(request)), request, List.of(), List.of(), TODAY)
                .get(0);
    }

    @Test
    void a_note_that_states_the_missing_evaluation_proposes_it_for_its_criterion_and_would_meet_the_criteria()
            throws IOException {
        String note = "Seen today. " + PSYCH + " Plan: implant.";
        Determination d = review(psychReader(), missingPsych(note));

        assertThat(d.outcome()).as("the outcome is the request's alone").isEqualTo(Outcome.INSUFFICIENT_INFORMATION);
        assertThat(d.outcomeIfConfirmed()).contains(Outcome.MEETS_CRITERIA);
        assertThat(d.proposedFacts()).extracting(ProposedFact::field).containsExactly(PSYCH_FIELDS);
        ProposedFact first = d.proposedFacts().get(0);
        assertThat(first.criterion()).isEqualTo("psychological-assessment");
        assertThat(first.note()).isEqualTo("notes[0]");
        assertThat(first.assertion()).isEqualTo("affirmed");
        Span span = first.evidence().get(0);
        assertThat(note.substring(span.start(), span.end())).isEqualTo(PSYCH).isEqualTo(span.text());
        assertThat(d.missingInformation()).extracting(MissingInformation::field).contains(PSYCH_FIELDS);
    }

    @Test
    void the_determination_json_carries_the_proposals_with_their_evidence_and_the_outcome_if_confirmed()
            throws IOException {
        Determination d = review(psychReader(), missingPsych(PSYCH));

        JsonNode json = JSON.readTree(DeterminationJson.toJson(d));
        assertThat(json.path("outcome").asText()).isEqualTo("INSUFFICIENT_INFORMATION");
        assertThat(json.path("outcomeIfConfirmed").asText()).isEqualTo("MEETS_CRITERIA");
        JsonNode first = json.path("proposedFacts").get(0);
        assertThat(first.path("criterion").asText()).isEqualTo("psychological-assessment");
        assertThat(first.path("field").asText()).isEqualTo("psychEvaluation.completed");
        assertThat(first.path("value").booleanValue()).isTrue();
        assertThat(first.path("note").asText()).isEqualTo("notes[0]");
        assertThat(first.path("evidence").get(0).path("start").asInt()).isZero();
        assertThat(first.path("evidence").get(0).path("end").asInt()).isEqualTo(PSYCH.length());
        assertThat(first.path("evidence").get(0).path("text").asText()).isEqualTo(PSYCH);
        assertThat(Schemas.strict(Schemas.DETERMINATION).validate(json)).as("against the published schema").isEmpty();
    }

    @Test
    void a_request_whose_notes_propose_nothing_reads_as_it_always_has() throws IOException {
        ObjectNode request = missingPsych("Pain clinic follow-up; nothing new.");
        Determination d = review(psychReader(), request);
        Determination plain = new Review(POLICIES).review(READER.read(JSON.writeValueAsBytes(request)), List.of(), TODAY).get(0);

        assertThat(d.proposedFacts()).isEmpty();
        assertThat(d.outcomeIfConfirmed()).isEmpty();
        assertThat(DeterminationJson.toJson(d)).isEqualTo(DeterminationJson.toJson(plain)).doesNotContain("proposedFacts");
    }

    @Test
    void a_fact_the_request_states_wins_over_the_note() throws IOException {
        StandInNoteReader reader = psychReader().states("Pain 3/10 today.", "pain.score", IntNode.valueOf(3));
        ObjectNode request = missingPsych("Pain 3/10 today. " + PSYCH);
        request.putObject("psychEvaluation").put("completed", true);

        Determination d = review(reader, request);

        assertThat(d.proposedFacts()).extracting(ProposedFact::field)
                .doesNotContain("pain.score", "psychEvaluation.completed")
                .contains("psychEvaluation.documentsWillingness");
    }

    @Test
    void a_family_member_s_or_a_planned_fact_is_not_proposed() throws IOException {
        StandInNoteReader reader = new StandInNoteReader()
                .states("Her mother had a psychological evaluation.", "psychEvaluation.completed", BooleanNode.TRUE,
                        new Assertion(Negation.AFFIRMED, Temporality.RECENT, Experiencer.FAMILY_MEMBER))
                .states("A psychological evaluation is planned if the trial succeeds.", "psychEvaluation.completed",
                        BooleanNode.TRUE, new Assertion(Negation.AFFIRMED, Temporality.HYPOTHETICAL, Experiencer.PATIENT));

        Determination d = review(reader, missingPsych(
                "Her mother had a psychological evaluation. A psychological evaluation is planned if the trial succeeds."));

        assertThat(d.proposedFacts()).isEmpty();
    }

    @Test
    void a_stated_negative_that_would_fail_a_criterion_is_proposed_but_never_denies_on_its_own() throws IOException {
        String refuses = "Patient is not willing to proceed with an implanted pump.";
        StandInNoteReader reader = psychReader().states(refuses, "psychEvaluation.documentsWillingness",
                BooleanNode.FALSE, Assertion.NEGATED);
        ObjectNode request = missingPsych(refuses);

        Determination d = review(reader, request);

        assertThat(d.outcome()).isEqualTo(Outcome.INSUFFICIENT_INFORMATION);
        assertThat(d.proposedFacts()).singleElement().satisfies(p -> {
            assertThat(p.assertion()).isEqualTo("negated");
            assertThat(p.value().booleanValue()).isFalse();
        });
        assertThat(d.outcomeIfConfirmed()).isPresent().get().isNotEqualTo(Outcome.MEETS_CRITERIA);
    }

    @Test
    void confirming_every_proposal_as_a_merge_patch_gives_the_outcome_if_confirmed() throws IOException {
        ObjectNode request = missingPsych(PSYCH);
        Determination d = review(psychReader(), request);

        JsonNode patched = request;
        for (ProposedFact p : d.proposedFacts()) {
            JsonNode after = NoteEvidence.confirmedAll(patched, List.of(p));
            patched = MergePatch.apply(patched, FieldPath.of(p.field()).patch(after));
        }
        Determination confirmed = review(psychReader(), patched);

        assertThat(confirmed.outcome()).isEqualTo(d.outcomeIfConfirmed().orElseThrow()).isEqualTo(Outcome.MEETS_CRITERIA);
        assertThat(confirmed.proposedFacts()).as("nothing left to propose once confirmed").isEmpty();
    }

    @Test
    void a_proposal_a_reviewer_rejected_is_not_proposed_again_nor_counted_in_the_outcome_if_confirmed() throws IOException {
        ObjectNode request = missingPsych(PSYCH);

        Determination d = new Review(POLICIES, psychReader()).reviewWithNotes(READER.read(JSON.writeValueAsBytes(request)),
                request, List.of(), p -> p.field().equals("psychEvaluation.documentsWillingness"), List.of(), TODAY).get(0);

        assertThat(d.proposedFacts()).extracting(ProposedFact::field).hasSize(3)
                .doesNotContain("psychEvaluation.documentsWillingness");
        assertThat(d.outcomeIfConfirmed()).contains(Outcome.INSUFFICIENT_INFORMATION);
    }

    @Test
    void a_note_the_reader_refuses_is_named_in_a_warning_without_its_words() throws IOException {
        java.util.function.Function<String, List<org.pumpauth.notes.NoteFact>> refusing = text -> {
            throw new UnreadableNoteException("a note may have at most 2000000 characters; this one has 2000001");
        };
        Determination d = review(refusing, missingPsych("Jane Doe, secret words."));

        assertThat(d.outcome()).isEqualTo(Outcome.INSUFFICIENT_INFORMATION);
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).startsWith("notes[0] was not read for evidence: a note may"));
        assertThat(String.join(" ", d.warnings())).doesNotContain("Jane");
    }

    /**
     * The law of issue 14 over every example: whatever the notes propose (here, every missing field
     * true, every other fact of the request false), the outcome is the one of the request alone.
     */
    @Test
    void no_example_s_outcome_ever_rests_on_what_its_notes_propose() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int proposing = 0;
        for (Path example : examples) {
            ObjectNode request = (ObjectNode) JSON.readTree(example.toFile());
            List<Determination> plain = new Review(POLICIES).review(READER.read(JSON.writeValueAsBytes(request)), List.of(), TODAY);
            StandInNoteReader reader = new StandInNoteReader();
            for (Determination d : plain) {
                for (MissingInformation m : d.missingInformation()) {
                    String field = m.field().replace("[]", "[0]");
                    reader.states("NOTE", field, BooleanNode.TRUE);
                    reader.states("NOTE", field, IntNode.valueOf(100));
                }
            }
            request.putArray("notes").addObject().put("date", "2024-01-01").put("author", "x").put("text", "NOTE");
            List<Determination> withNotes = new Review(POLICIES, reader)
                    .reviewWithNotes(READER.read(JSON.writeValueAsBytes(request)), request, List.of(), List.of(), TODAY);
            List<Outcome> before = new ArrayList<>();
            List<Outcome> after = new ArrayList<>();
            plain.forEach(d -> before.add(d.outcome()));
            withNotes.forEach(d -> after.add(d.outcome()));
            assertThat(after).as(example.toString()).isEqualTo(before);
            proposing += withNotes.stream().filter(d -> !d.proposedFacts().isEmpty()).count();
        }
        assertThat(proposing).as("determinations with proposals: the law must be exercised").isGreaterThanOrEqualTo(5);
    }
}
