package org.pumpauth.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.InvalidRequestException.Problem;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.cases.CaseService;
import org.pumpauth.server.cases.CaseStatus;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.letters.Letter;
import org.pumpauth.server.letters.LetterKind;
import org.pumpauth.server.letters.LetterText;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;
import org.pumpauth.server.testing.TestDatabase;

/**
 * A reviewer's request for information: the missing-information list and a note go to the provider as
 * an information-request letter and an audit entry; who may send it, on which cases, and what the note
 * may be. Run on both databases by {@link InformationRequestOnH2Test} and {@link InformationRequestOnPostgresqlTest}.
 */
abstract class InformationRequestTest {
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Caller CLINIC = new Caller("clinic-a", Role.SUBMITTER);
    private static final Caller NURSE = new Caller("nurse-n", Role.NURSE);
    private static final Caller PHYSICIAN = new Caller("dr-p", Role.PHYSICIAN);
    private static final Caller ADMIN = new Caller("admin", Role.ADMIN);
    private static final String NOTE = "The evaluation may be in Dr. Ortiz's notes <b>of March</b> & later.";

    private final TestDatabase database;
    private final MutableClock clock = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
    private ReviewService service;
    private CaseService cases;
    private int counter;

    InformationRequestTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void open() {
        service = ReviewService.open(database.fresh(), POLICIES, Optional.empty(), clock);
        cases = service.cases();
    }

    @AfterEach
    void close() {
        service.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private static String body(String note) {
        return JSON.createObjectNode().put("note", note).toString();
    }

    /** Waiting for the psychological evaluation and the contraindications (information-requested). */
    private ReviewCase waiting() {
        return cases.submit(CLINIC, bytes(Requests.insufficient("R-" + (++counter)))).reviewCase();
    }

    /** Complete, but the intrathecal trial gave only 20% relief: pending a reviewer, nothing missing. */
    private ReviewCase pendingReview() {
        return cases.submit(CLINIC, bytes(Requests.patched(Requests.meetsCriteria("P-" + (++counter)),
                "{'receivedAt': null, 'intraspinalTrials': [{'date': '2024-02-12', 'route': 'intrathecal', 'mode': 'bolus',"
                        + " 'drugClass': 'opioid', 'reliefPercent': 20, 'sideEffectsTolerable': true, 'patientAccepts': true,"
                        + " 'durationDays': 1, 'setting': 'outpatient'}]}"))).reviewCase();
    }

    private List<Letter> letters(ReviewCase c) {
        return cases.letters(NURSE, c.id());
    }

    private JsonNode auditContent(ReviewCase c, String event) throws Exception {
        String content = service.database().jdbi().withHandle(h -> h.createQuery("SELECT d.content FROM audit_entry a"
                + " JOIN document d ON d.case_id = a.case_id AND d.hash = a.content_hash WHERE a.case_id = :id"
                + " AND a.event = :event").bind("id", c.id()).bind("event", event).mapTo(String.class).one());
        return JSON.readTree(content);
    }

    @Test
    void a_nurse_sends_the_missing_list_and_a_note_as_an_information_request_letter_and_an_audit_entry() throws Exception {
        ReviewCase c = waiting();

        ReviewCase after = cases.steps().requestInformation(NURSE, c.id(), bytes(body("  " + NOTE + "\n")));

        assertThat(letters(c)).extracting(Letter::kind)
                .containsExactly(LetterKind.INFORMATION_REQUEST, LetterKind.INFORMATION_REQUEST);
        LetterText letter = LetterText.of(cases.letter(NURSE, c.id(), letters(c).get(1).id()).html().content());
        assertThat(letter.withClass("note")).containsExactly(NOTE);
        assertThat(letter.withClass("rationale")).containsExactly("Information requested by nurse-n (nurse): " + NOTE);
        assertThat(letter.withClass("missing")).singleElement().asString().contains("psychological evaluation");
        JsonNode entry = auditContent(c, "information-requested");
        assertThat(entry.path("note").asText()).isEqualTo(NOTE);
        assertThat(entry.path("missing").toString()).contains("psychEvaluation.completed");
        assertThat(after.status()).isEqualTo(CaseStatus.INFORMATION_REQUESTED);
        assertThat(after.dueAt()).as("the decision clock runs on").isEqualTo(c.dueAt());
        assertThat(service.audit().verify().intact()).isTrue();
    }

    @Test
    void without_a_note_the_letter_asks_for_the_missing_list_alone() {
        ReviewCase c = waiting();

        cases.steps().requestInformation(PHYSICIAN, c.id(), bytes("{}"));
        cases.steps().requestInformation(PHYSICIAN, c.id(), bytes("{\"note\": \"   \"}"));
        cases.steps().requestInformation(PHYSICIAN, c.id(), bytes("{\"note\": null}"));

        assertThat(letters(c)).hasSize(4);
        LetterText letter = LetterText.of(cases.letter(NURSE, c.id(), letters(c).get(3).id()).html().content());
        assertThat(letter.withClass("note")).isEmpty();
        assertThat(letter.withClass("rationale")).containsExactly("Information requested by dr-p (physician).");
    }

    @Test
    void a_case_pending_review_then_waits_for_the_provider_and_needs_a_note_since_nothing_is_missing() {
        ReviewCase c = pendingReview();
        assertThat(c.status()).isEqualTo(CaseStatus.PENDING_REVIEW);

        assertThatThrownBy(() -> cases.steps().requestInformation(NURSE, c.id(), bytes("{}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem("note", "is required when the latest determination lists no missing information:"
                                + " say what the provider should send")));
        assertThat(cases.get(NURSE, c.id()).status()).isEqualTo(CaseStatus.PENDING_REVIEW);

        ReviewCase after = cases.steps().requestInformation(NURSE, c.id(), bytes(body("Send the trial's pain diary.")));
        assertThat(after.status()).isEqualTo(CaseStatus.INFORMATION_REQUESTED);
        assertThat(cases.get(CLINIC, c.id()).status()).isEqualTo(CaseStatus.INFORMATION_REQUESTED);
    }

    @Test
    void a_case_in_reconsideration_stays_there_and_a_decided_case_takes_no_request() {
        ReviewCase denied = cases.decide(PHYSICIAN, waiting().id(), bytes("{\"decision\": \"deny\", \"rationale\": \"r\"}"));
        assertThatThrownBy(() -> cases.steps().requestInformation(NURSE, denied.id(), bytes(body("n"))))
                .isInstanceOf(ServiceException.Conflict.class).hasMessage("the case is denied: a decided case takes no"
                        + " more information");

        ReviewCase appealed = cases.steps().appeal(CLINIC, denied.id(), bytes("{\"urgency\": \"standard\", \"reason\": \"r\"}"));
        ReviewCase after = cases.steps().requestInformation(NURSE, appealed.id(), bytes(body("the trial records")));
        assertThat(after.status()).isEqualTo(CaseStatus.RECONSIDERATION);
    }

    @Test
    void only_a_nurse_or_a_physician_may_request_information() {
        ReviewCase c = waiting();

        for (Caller caller : List.of(CLINIC, ADMIN)) {
            assertThatThrownBy(() -> cases.steps().requestInformation(caller, c.id(), bytes(body("n"))))
                    .isInstanceOf(ServiceException.Forbidden.class)
                    .hasMessage("requesting information needs a nurse or physician key; this key is " + caller.role().code());
        }
        assertThat(letters(c)).hasSize(1);
    }

    @Test
    void a_note_is_a_string_of_at_most_10000_characters() {
        ReviewCase c = waiting();

        for (String note : List.of("1", "true", "[\"a\"]", "{}")) {
            assertThatThrownBy(() -> cases.steps().requestInformation(NURSE, c.id(), bytes("{\"note\": " + note + "}")))
                    .as(note).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                            .containsExactly(new Problem("note", "must be a string (a note to the provider), or left out")));
        }
        assertThatThrownBy(() -> cases.steps().requestInformation(NURSE, c.id(), bytes(body("x".repeat(10_001)))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("note", "must be at most 10000 characters")));
        assertThatThrownBy(() -> cases.steps().requestInformation(NURSE, c.id(), bytes("[]")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("", "must be a JSON object")));
        assertThat(letters(c)).hasSize(1);
    }
}
