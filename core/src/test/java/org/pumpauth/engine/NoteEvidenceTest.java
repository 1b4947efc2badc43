package org.pumpauth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.pumpauth.notes.NoteFact;
import org.pumpauth.notes.NoteReader;
import org.pumpauth.notes.Span;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;
import org.pumpauth.schema.Schemas;

/**
 * The engine's note step (issue 14): the facts a request's notes propose for its unknown criteria,
 * with their evidence, and the outcome if confirmed; the outcome itself is the request's alone. The
 * notes are read by the real {@link NoteReader}, so these hold the path a user's case takes.
 */
class NoteEvidenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private static final RequestReader READER = new RequestReader();
    /** A psychological evaluation whose words the reader reads into the four facts of the criterion. */
    private static final String PSYCH = "PSYCHOLOGICAL EVALUATION\n"
            + "Psychological evaluation completed. Cognitive ability is adequate; she is physically able to come to"
            + " refills and willing to comply with follow-up.\n";
    private static final String[] PSYCH_FIELDS = {"psychEvaluation.completed", "psychEvaluation.documentsCognitiveAbility",
        "psychEvaluation.documentsPhysicalCapability", "psychEvaluation.documentsWillingness"};
    /** The words each of {@link #PSYCH_FIELDS} is read from. */
    private static final String[] PSYCH_WORDS = {"Psychological evaluation completed", "Cognitive ability is adequate",
        "physically able", "willing to comply"};

    /** A note stating facts some examples lack (drug allergy, resectability, the pump's report). */
    private static final String WHAT_EXAMPLES_LACK = "FOLLOW-UP NOTE\nAllergies: NKDA. The liver tumor is unresectable."
            + " Pump interrogation report attached. Physical therapy records are enclosed.\n";

    /** The example whose psychological evaluation is missing, with {@code notes} as its notes. */
    private static ObjectNode missingPsych(String... notes) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(Path.of("../examples/nia-implant-pain-missing-psych.json").toFile());
        var list = request.putArray("notes");
        for (String text : notes) {
            list.addObject().put("date", "2024-06-20").put("author", "Psychology").put("text", text);
        }
        return request;
    }

    /** The request's determination, its notes read by the real {@link NoteReader}. */
    private static Determination review(JsonNode request) throws IOException {
        return new Review(POLICIES)
                .reviewWithNotes(READER.read(JSON.writeValueAsBytes(request)), request, List.of(), List.of(), TODAY)
                .get(0);
    }

    @Test
    void a_note_that_states_the_missing_evaluation_proposes_it_for_its_criterion_and_would_meet_the_criteria()
            throws IOException {
        String note = PSYCH + "Plan: implant.";
        Determination d = review(missingPsych(note));

        assertThat(d.outcome()).as("the outcome is the request's alone").isEqualTo(Outcome.INSUFFICIENT_INFORMATION);
        assertThat(d.outcomeIfConfirmed()).contains(Outcome.MEETS_CRITERIA);
        assertThat(d.proposedFacts()).extracting(ProposedFact::field).containsExactly(PSYCH_FIELDS);
        ProposedFact first = d.proposedFacts().get(0);
        assertThat(first.criterion()).isEqualTo("psychological-assessment");
        assertThat(first.note()).isEqualTo("notes[0]");
        assertThat(first.assertion()).isEqualTo("affirmed");
        for (int i = 0; i < PSYCH_FIELDS.length; i++) {
            int at = note.indexOf(PSYCH_WORDS[i]);
            assertThat(d.proposedFacts().get(i).evidence()).as(PSYCH_FIELDS[i])
                    .containsExactly(new Span(at, at + PSYCH_WORDS[i].length(), PSYCH_WORDS[i]));
        }
        assertThat(d.missingInformation()).extracting(MissingInformation::field).contains(PSYCH_FIELDS);
    }

    @Test
    void the_determination_json_carries_the_proposals_with_their_evidence_and_the_outcome_if_confirmed()
            throws IOException {
        Determination d = review(missingPsych(PSYCH));
        int at = PSYCH.indexOf(PSYCH_WORDS[0]);

        JsonNode json = JSON.readTree(DeterminationJson.toJson(d));
        assertThat(json.path("outcome").asText()).isEqualTo("INSUFFICIENT_INFORMATION");
        assertThat(json.path("outcomeIfConfirmed").asText()).isEqualTo("MEETS_CRITERIA");
        JsonNode first = json.path("proposedFacts").get(0);
        assertThat(first.path("criterion").asText()).isEqualTo("psychological-assessment");
        assertThat(first.path("field").asText()).isEqualTo("psychEvaluation.completed");
        assertThat(first.path("value").booleanValue()).isTrue();
        assertThat(first.path("note").asText()).isEqualTo("notes[0]");
        assertThat(first.path("evidence").get(0).path("start").asInt()).isEqualTo(at);
        assertThat(first.path("evidence").get(0).path("end").asInt()).isEqualTo(at + PSYCH_WORDS[0].length());
        assertThat(first.path("evidence").get(0).path("text").asText()).isEqualTo(PSYCH_WORDS[0]);
        assertThat(Schemas.strict(Schemas.DETERMINATION).validate(json)).as("against the published schema").isEmpty();
    }

    @Test
    void a_request_whose_notes_propose_nothing_reads_as_it_always_has() throws IOException {
        ObjectNode request = missingPsych("Pain clinic follow-up; nothing new.");
        Determination d = review(request);
        Determination plain = new Review(POLICIES).review(READER.read(JSON.writeValueAsBytes(request)), List.of(), TODAY).get(0);

        assertThat(d.proposedFacts()).isEmpty();
        assertThat(d.outcomeIfConfirmed()).isEmpty();
        assertThat(DeterminationJson.toJson(d)).isEqualTo(DeterminationJson.toJson(plain)).doesNotContain("proposedFacts");
    }

    @Test
    void a_fact_the_request_states_wins_over_the_note() throws IOException {
        String note = PSYCH + "Pain 3/10 today.";
        assertThat(new NoteReader().read(note)).as("what the note states").extracting(NoteFact::field)
                .contains("pain.score", "psychEvaluation.completed");
        ObjectNode request = missingPsych(note);
        request.putObject("psychEvaluation").put("completed", true);

        Determination d = review(request);

        assertThat(d.proposedFacts()).extracting(ProposedFact::field)
                .doesNotContain("pain.score", "psychEvaluation.completed")
                .contains("psychEvaluation.documentsWillingness");
    }

    @Test
    void a_family_member_s_or_a_planned_fact_is_not_proposed() throws IOException {
        Determination d = review(missingPsych("Her mother had a psychological evaluation completed last year.\n"
                + "Plan: psychological evaluation done by Dr. B before the implant, if the trial succeeds."));

        assertThat(d.proposedFacts()).isEmpty();
    }

    @Test
    void a_stated_negative_that_would_fail_a_criterion_is_proposed_but_never_denies_on_its_own() throws IOException {
        ObjectNode request = missingPsych("Psychological evaluation ordered; not yet completed.");

        Determination d = review(request);

        assertThat(d.outcome()).isEqualTo(Outcome.INSUFFICIENT_INFORMATION);
        assertThat(d.proposedFacts()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("psychEvaluation.completed");
            assertThat(p.assertion()).isEqualTo("negated");
            assertThat(p.value().booleanValue()).isFalse();
        });
        assertThat(d.outcomeIfConfirmed()).isPresent().get().isNotEqualTo(Outcome.MEETS_CRITERIA);
    }

    @Test
    void confirming_every_proposal_as_a_merge_patch_gives_the_outcome_if_confirmed() throws IOException {
        ObjectNode request = missingPsych(PSYCH);
        Determination d = review(request);

        JsonNode patched = request;
        for (ProposedFact p : d.proposedFacts()) {
            JsonNode after = NoteEvidence.confirmedAll(patched, List.of(p));
            patched = MergePatch.apply(patched, FieldPath.of(p.field()).patch(after));
        }
        Determination confirmed = review(patched);

        assertThat(confirmed.outcome()).isEqualTo(d.outcomeIfConfirmed().orElseThrow()).isEqualTo(Outcome.MEETS_CRITERIA);
        assertThat(confirmed.proposedFacts()).as("nothing left to propose once confirmed").isEmpty();
    }

    @Test
    void a_proposal_a_reviewer_rejected_is_not_proposed_again_nor_counted_in_the_outcome_if_confirmed() throws IOException {
        ObjectNode request = missingPsych(PSYCH);

        Determination d = new Review(POLICIES).reviewWithNotes(READER.read(JSON.writeValueAsBytes(request)),
                request, List.of(), p -> p.field().equals("psychEvaluation.documentsWillingness"), List.of(), TODAY).get(0);

        assertThat(d.proposedFacts()).extracting(ProposedFact::field).hasSize(3)
                .doesNotContain("psychEvaluation.documentsWillingness");
        assertThat(d.outcomeIfConfirmed()).contains(Outcome.INSUFFICIENT_INFORMATION);
    }

    @Test
    void a_note_the_reader_refuses_is_named_in_a_warning_without_its_words() throws IOException {
        String tooLong = "Jane Doe, secret words. ".repeat(NoteReader.MAX_CHARS / 24 + 1);
        Determination d = review(missingPsych(tooLong));

        assertThat(d.outcome()).isEqualTo(Outcome.INSUFFICIENT_INFORMATION);
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).startsWith("notes[0] was not read for evidence: a note may"));
        assertThat(String.join(" ", d.warnings())).doesNotContain("Jane");
    }

    /**
     * The law of issue 14 over every example: whatever its notes propose (here, every development
     * pump note, the README's example note, {@link #PSYCH} and {@link #WHAT_EXAMPLES_LACK}, read by
     * the real reader), the outcome is the one of the request alone.
     */
    @Test
    void no_example_s_outcome_ever_rests_on_what_its_notes_propose() throws IOException {
        List<Path> examples;
        List<Path> notes;
        try (Stream<Path> files = Files.list(Path.of("../examples"));
                Stream<Path> dev = Files.list(Path.of("src/test/resources/org/pumpauth/notes/pump-dev"))) {
            examples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            notes = Stream.concat(dev.filter(p -> p.toString().endsWith(".txt")),
                    Stream.of(Path.of("../examples/notes/trial-then-implant-request.txt"))).sorted().toList();
        }
        int proposing = 0;
        for (Path example : examples) {
            ObjectNode request = (ObjectNode) JSON.readTree(example.toFile());
            List<Determination> plain = new Review(POLICIES).review(READER.read(JSON.writeValueAsBytes(request)), List.of(), TODAY);
            var list = request.putArray("notes");
            for (Path note : notes) {
                list.addObject().put("date", "2024-01-01").put("author", "x").put("text", Files.readString(note));
            }
            list.addObject().put("date", "2024-01-01").put("author", "x").put("text", PSYCH);
            list.addObject().put("date", "2024-01-01").put("author", "x").put("text", WHAT_EXAMPLES_LACK);
            List<Determination> withNotes = new Review(POLICIES)
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
