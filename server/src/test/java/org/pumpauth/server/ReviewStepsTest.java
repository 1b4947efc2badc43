package org.pumpauth.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.audit.AuditVerifier;
import org.pumpauth.server.cases.CaseQuery;
import org.pumpauth.server.cases.CaseService;
import org.pumpauth.server.cases.CaseStatus;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.cases.Urgency;
import org.pumpauth.server.cases.Verdict;
import org.pumpauth.server.letters.Letter;
import org.pumpauth.server.letters.LetterKind;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;
import org.pumpauth.server.testing.TestDatabase;

/**
 * Extensions, appeals (reconsideration) and peer-to-peer conversations: the decision clock across the
 * 72-hour and 30-day limits, the 65-day appeal window, the other-physician rule, roles and the audit
 * trail; run on both databases by {@link ReviewStepsOnH2Test} and {@link ReviewStepsOnPostgresqlTest}.
 */
abstract class ReviewStepsTest {
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();
    private static final Caller CLINIC = new Caller("clinic-a", Role.SUBMITTER);
    private static final Caller OTHER_CLINIC = new Caller("clinic-b", Role.SUBMITTER);
    private static final Caller NURSE = new Caller("nurse-n", Role.NURSE);
    private static final Caller PHYSICIAN = new Caller("dr-p", Role.PHYSICIAN);
    private static final Caller OTHER_PHYSICIAN = new Caller("dr-q", Role.PHYSICIAN);
    private static final Caller ADMIN = new Caller("admin", Role.ADMIN);
    /** What makes {@link Requests#insufficient} meet every criterion. */
    private static final String MEETS_THE_CRITERIA = """
            {"psychEvaluation": {"completed": true, "date": "2024-03-01", "evaluator": "psychologist",
              "appropriateCandidate": true, "documentsCognitiveAbility": true,
              "documentsPhysicalCapability": true, "documentsWillingness": true},
             "contraindications": {"activeSystemicInfection": false, "activeSpinalInfection": false,
              "insufficientBodyHabitus": false},
             "pain": {"functionalDisability": true}}
            """;

    private final TestDatabase database;
    private final MutableClock clock = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
    private ReviewService service;
    private CaseService cases;
    private int counter;

    ReviewStepsTest(TestDatabase database) {
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

    /** An expedited case received 2024-04-01T09:00Z, due 72 hours later, waiting for information. */
    private ReviewCase waiting() {
        return cases.submit(CLINIC, bytes(Requests.insufficient("R-" + (++counter)))).reviewCase();
    }

    /** A case denied by dr-p now. */
    private ReviewCase denied() {
        ReviewCase c = waiting();
        return cases.decide(PHYSICIAN, c.id(), bytes("{\"decision\": \"deny\", \"rationale\": \"no psychological evaluation\"}"));
    }

    private ReviewCase extend(Caller caller, ReviewCase c, int days) {
        return cases.steps().extend(caller, c.id(), bytes("{\"days\": " + days + ", \"reason\": \"waiting for the pain clinic's notes\"}"));
    }

    private ReviewCase appeal(Caller caller, ReviewCase c, String urgency) {
        return cases.steps().appeal(caller, c.id(), bytes("{\"urgency\": \"" + urgency + "\", \"reason\": \"the evaluation was done\"}"));
    }

    private ReviewCase decide(Caller caller, ReviewCase c, String verdict) {
        return cases.decide(caller, c.id(), bytes("{\"decision\": \"" + verdict + "\", \"rationale\": \"on reconsideration\"}"));
    }

    private static CaseQuery all() {
        return new CaseQuery(Optional.empty(), Optional.empty(), Optional.empty(), 100);
    }

    // ---- extensions

    @Test
    void an_extension_moves_a_72_hour_due_time_by_its_days_and_the_queue_shows_the_new_one() {
        ReviewCase c = waiting();
        assertThat(c.dueAt()).isEqualTo(Instant.parse("2024-04-04T09:00:00Z"));

        ReviewCase extended = extend(NURSE, c, 14);

        assertThat(extended.dueAt()).isEqualTo(Instant.parse("2024-04-18T09:00:00Z"));
        assertThat(extended.extension()).hasValue(new ReviewCase.Extension(14, "nurse-n", clock.instant(),
                "waiting for the pain clinic's notes"));
        assertThat(extended.status()).isEqualTo(CaseStatus.INFORMATION_REQUESTED);
        assertThat(cases.queue(NURSE, all())).singleElement().satisfies(q -> assertThat(q.dueAt()).isEqualTo(extended.dueAt()));
        clock.set(Instant.parse("2024-04-04T10:00:00Z")); // past the 72 hours, within the extension
        assertThat(cases.get(NURSE, c.id()).overdue(clock.instant())).isFalse();
        clock.set(Instant.parse("2024-04-18T09:00:00.001Z"));
        assertThat(cases.get(NURSE, c.id()).overdue(clock.instant())).isTrue();
    }

    @Test
    void a_second_extension_is_refused_and_the_due_time_stays() {
        ReviewCase c = extend(PHYSICIAN, waiting(), 3);

        assertThatThrownBy(() -> extend(NURSE, c, 1)).isInstanceOf(ServiceException.Conflict.class)
                .hasMessageContaining("already extended");
        assertThat(cases.get(NURSE, c.id()).dueAt()).isEqualTo(Instant.parse("2024-04-07T09:00:00Z"));
    }

    @Test
    void an_extension_after_the_due_time_or_of_a_decided_case_is_refused() {
        ReviewCase late = waiting();
        ReviewCase decided = denied();
        clock.set(Instant.parse("2024-04-04T09:00:00Z")); // the due time itself: still in time
        extend(NURSE, late, 1);
        ReviewCase tooLate = waiting();
        clock.set(Instant.parse("2024-04-04T09:00:00.001Z"));

        assertThatThrownBy(() -> extend(NURSE, tooLate, 1)).isInstanceOf(ServiceException.Conflict.class)
                .hasMessageContaining("past its due time");
        assertThatThrownBy(() -> extend(NURSE, decided, 1)).isInstanceOf(ServiceException.Conflict.class)
                .hasMessageContaining("denied");
    }

    @Test
    void only_a_nurse_or_a_physician_may_extend() {
        ReviewCase c = waiting();

        assertThatThrownBy(() -> extend(CLINIC, c, 2)).isInstanceOf(ServiceException.Forbidden.class)
                .hasMessageContaining("nurse or physician");
        assertThatThrownBy(() -> extend(ADMIN, c, 2)).isInstanceOf(ServiceException.Forbidden.class);
        assertThat(cases.get(NURSE, c.id()).extension()).isEmpty();
    }

    @Test
    void an_extension_needs_1_to_14_whole_days_and_a_reason() {
        ReviewCase c = waiting();

        for (String days : List.of("0", "15", "3.5", "\"7\"", "null", "-1", "99999999999")) {
            assertThatThrownBy(() -> cases.steps().extend(NURSE, c.id(), bytes("{\"days\": " + days + ", \"reason\": \"x\"}")))
                    .as(days).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                            .containsExactly(new InvalidRequestException.Problem("days",
                                    "is required: a whole number of calendar days from 1 to 14")));
        }
        assertThatThrownBy(() -> cases.steps().extend(NURSE, c.id(), bytes("{\"days\": 2, \"reason\": \"  \"}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.Problem::field).containsExactly("reason"));
        String longReason = "{\"days\": 2, \"reason\": \"" + "x".repeat(10_001) + "\"}";
        assertThatThrownBy(() -> cases.steps().extend(NURSE, c.id(), bytes(longReason)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems()).containsExactly(
                        new InvalidRequestException.Problem("reason", "must be at most 10000 characters")));
        assertThatThrownBy(() -> cases.steps().extend(NURSE, c.id(), bytes("[1]")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.Problem::field).containsExactly("", "days", "reason"));
        assertThat(cases.get(NURSE, c.id()).dueAt()).isEqualTo(c.dueAt());
    }

    // ---- appeals and reconsideration

    @Test
    void an_expedited_appeal_is_due_72_hours_after_it_and_a_standard_one_30_calendar_days() {
        ReviewCase expedited = denied();
        ReviewCase standard = denied();
        clock.advance(Duration.ofDays(3));
        Instant appealedAt = clock.instant();

        ReviewCase e = appeal(CLINIC, expedited, "expedited");
        ReviewCase s = appeal(CLINIC, standard, "standard");

        assertThat(e.status()).isEqualTo(CaseStatus.RECONSIDERATION);
        assertThat(e.dueAt()).isEqualTo(appealedAt.plus(Duration.ofHours(72)));
        assertThat(s.dueAt()).isEqualTo(Instant.parse("2024-05-04T12:00:00Z"));
        assertThat(e.timeLeft(clock.instant())).isEqualTo(Duration.ofHours(72));
        clock.set(appealedAt.plus(Duration.ofHours(72)).plusMillis(1));
        assertThat(cases.get(NURSE, e.id()).overdue(clock.instant())).isTrue();
        assertThat(cases.get(NURSE, s.id()).overdue(clock.instant())).isFalse();
        clock.set(Instant.parse("2024-05-04T12:00:00.001Z"));
        assertThat(cases.get(NURSE, s.id()).overdue(clock.instant())).isTrue();
        assertThat(cases.queue(NURSE, new CaseQuery(Optional.of(CaseStatus.RECONSIDERATION), Optional.empty(),
                Optional.empty(), 100))).extracting(ReviewCase::id).containsExactly(e.id(), s.id());
    }

    @Test
    void an_appeal_keeps_the_denial_it_appeals_and_the_case_has_no_decision_until_reconsidered() {
        ReviewCase c = denied();
        ReviewCase.Decision denial = c.decision().orElseThrow();
        clock.advance(Duration.ofDays(1));

        ReviewCase appealed = appeal(NURSE, c, "standard");

        assertThat(appealed.decision()).isEmpty();
        assertThat(appealed.appeal()).hasValue(new ReviewCase.Appeal(Urgency.STANDARD, "nurse-n", clock.instant(),
                "the evaluation was done", denial));
        assertThat(appealed.approvedAfterAppeal()).isFalse();
        assertThat(cases.get(CLINIC, c.id())).isEqualTo(appealed);
    }

    @Test
    void a_denial_may_be_appealed_until_the_end_of_the_65th_calendar_day_after_it_and_not_later() {
        ReviewCase inTime = denied(); // denied 2024-04-01T12:00Z: the 65th day after is 2024-06-05 (UTC)
        ReviewCase late = denied();
        clock.set(Instant.parse("2024-06-05T23:59:59.999Z"));

        assertThat(appeal(CLINIC, inTime, "standard").status()).isEqualTo(CaseStatus.RECONSIDERATION);
        clock.set(Instant.parse("2024-06-06T00:00:00Z"));
        assertThatThrownBy(() -> appeal(CLINIC, late, "expedited")).isInstanceOf(ServiceException.Conflict.class)
                .hasMessageContaining("65 calendar days").hasMessageContaining("422.582");
        assertThat(cases.get(CLINIC, late.id()).status()).isEqualTo(CaseStatus.DENIED);
    }

    @Test
    void only_a_denied_case_may_be_appealed_and_only_once() {
        ReviewCase pending = waiting();
        ReviewCase approved = cases.submit(CLINIC, bytes(Requests.meetsCriteria("R-OK"))).reviewCase();
        ReviewCase c = appeal(CLINIC, denied(), "standard");

        assertThatThrownBy(() -> appeal(CLINIC, pending, "standard")).isInstanceOf(ServiceException.Conflict.class)
                .hasMessageContaining("only a denied case");
        assertThatThrownBy(() -> appeal(CLINIC, approved, "standard")).isInstanceOf(ServiceException.Conflict.class);
        assertThatThrownBy(() -> appeal(CLINIC, c, "standard")).isInstanceOf(ServiceException.Conflict.class)
                .hasMessageContaining("in reconsideration");
        decide(OTHER_PHYSICIAN, c, "deny");
        assertThatThrownBy(() -> appeal(CLINIC, c, "standard")).isInstanceOf(ServiceException.Conflict.class)
                .hasMessageContaining("independent review entity");
    }

    @Test
    void the_submitter_or_a_reviewer_may_appeal_but_not_another_submitter_or_an_admin() {
        ReviewCase c = denied();

        assertThatThrownBy(() -> appeal(OTHER_CLINIC, c, "standard")).isInstanceOf(ServiceException.NotFound.class);
        assertThatThrownBy(() -> appeal(ADMIN, c, "standard")).isInstanceOf(ServiceException.Forbidden.class);
        assertThat(appeal(NURSE, denied(), "standard").appeal()).hasValueSatisfying(a -> assertThat(a.by()).isEqualTo("nurse-n"));
        assertThat(appeal(CLINIC, c, "standard").appeal()).hasValueSatisfying(a -> assertThat(a.by()).isEqualTo("clinic-a"));
    }

    @Test
    void an_appeal_needs_an_urgency_and_a_reason() {
        ReviewCase c = denied();

        assertThatThrownBy(() -> cases.steps().appeal(CLINIC, c.id(), bytes("{\"urgency\": \"urgent\", \"reason\": 5}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems()).containsExactly(
                        new InvalidRequestException.Problem("urgency",
                                "is required: standard (decided within 30 days) or expedited (72 hours)"),
                        new InvalidRequestException.Problem("reason",
                                "is required: a non-empty string, why the denial should be reconsidered")));
        assertThat(cases.get(CLINIC, c.id()).status()).isEqualTo(CaseStatus.DENIED);
    }

    @Test
    void the_physician_who_denied_may_not_decide_the_reconsideration_and_another_physician_may() {
        ReviewCase c = appeal(CLINIC, denied(), "expedited");

        for (String verdict : List.of("approve", "deny")) {
            assertThatThrownBy(() -> decide(PHYSICIAN, c, verdict)).isInstanceOf(ServiceException.Forbidden.class)
                    .hasMessageContaining("other than the physician who denied").hasMessageContaining("422.590");
        }
        assertThat(cases.get(NURSE, c.id()).status()).isEqualTo(CaseStatus.RECONSIDERATION);

        ReviewCase upheld = decide(OTHER_PHYSICIAN, c, "deny");
        assertThat(upheld.status()).isEqualTo(CaseStatus.DENIED);
        assertThat(upheld.decision()).hasValueSatisfying(d -> assertThat(d.by()).isEqualTo("dr-q"));
        assertThat(upheld.appeal().orElseThrow().denial().by()).isEqualTo("dr-p");
        assertThat(upheld.approvedAfterAppeal()).isFalse();
    }

    @Test
    void on_reconsideration_a_nurse_may_approve_but_not_deny_and_the_approval_counts_as_after_appeal() {
        ReviewCase c = appeal(CLINIC, denied(), "standard");

        assertThatThrownBy(() -> decide(NURSE, c, "deny")).isInstanceOf(ServiceException.Forbidden.class)
                .hasMessageContaining("G3");
        ReviewCase approved = decide(NURSE, c, "approve");

        assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(approved.decision()).hasValueSatisfying(d -> assertThat(d.verdict()).isEqualTo(Verdict.APPROVE));
        assertThat(approved.approvedAfterAppeal()).isTrue();
        assertThatThrownBy(() -> decide(OTHER_PHYSICIAN, c, "deny")).isInstanceOf(ServiceException.Conflict.class);
    }

    @Test
    void information_during_reconsideration_is_re_evaluated_and_the_machine_may_approve() {
        ReviewCase c = appeal(CLINIC, denied(), "standard");

        ReviewCase partial = cases.addInformation(CLINIC, c.id(), bytes("{\"pain\": {\"score\": 9}}"));
        assertThat(partial.status()).isEqualTo(CaseStatus.RECONSIDERATION);
        assertThat(partial.determinations()).extracting(ReviewCase.StoredDetermination::outcome)
                .containsExactly("INSUFFICIENT_INFORMATION", "INSUFFICIENT_INFORMATION");
        assertThat(partial.dueAt()).isEqualTo(c.dueAt());
        assertThat(partial.appeal()).isEqualTo(c.appeal());

        ReviewCase met = cases.addInformation(CLINIC, c.id(), bytes(MEETS_THE_CRITERIA));
        assertThat(met.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(met.decision()).hasValueSatisfying(d -> assertThat(d.by()).isEqualTo(Caller.SYSTEM));
        assertThat(met.approvedAfterAppeal()).isTrue();
    }

    @Test
    void an_extension_and_each_decision_on_reconsideration_send_their_letters_and_the_trail_holds_them() {
        ReviewCase extended = extend(NURSE, waiting(), 5);
        ReviewCase upheld = decide(OTHER_PHYSICIAN, appeal(CLINIC, denied(), "expedited"), "deny");
        ReviewCase machine = appeal(CLINIC, denied(), "standard");
        cases.addInformation(CLINIC, machine.id(), bytes(MEETS_THE_CRITERIA));

        assertThat(kinds(extended)).containsExactly(LetterKind.INFORMATION_REQUEST, LetterKind.EXTENSION);
        assertThat(kinds(upheld)).containsExactly(LetterKind.INFORMATION_REQUEST, LetterKind.DENIAL,
                LetterKind.RECONSIDERATION);
        // The machine's approval on reconsideration is told by the reconsideration letter, not a second approval.
        assertThat(kinds(machine)).containsExactly(LetterKind.INFORMATION_REQUEST, LetterKind.DENIAL,
                LetterKind.RECONSIDERATION);
        assertThat(service.audit().verify().intact()).isTrue();
    }

    private List<LetterKind> kinds(ReviewCase c) {
        return cases.letters(NURSE, c.id()).stream().map(Letter::kind).toList();
    }

    @Test
    void an_extension_taken_in_reconsideration_moves_its_30_day_due_time() {
        ReviewCase c = appeal(CLINIC, denied(), "standard"); // appealed 2024-04-01T12:00Z, due 2024-05-01T12:00Z

        ReviewCase extended = extend(OTHER_PHYSICIAN, c, 14);

        assertThat(extended.dueAt()).isEqualTo(Instant.parse("2024-05-15T12:00:00Z"));
        assertThat(extended.status()).isEqualTo(CaseStatus.RECONSIDERATION);
        clock.set(Instant.parse("2024-05-01T13:00:00Z"));
        assertThat(cases.get(NURSE, c.id()).overdue(clock.instant())).isFalse();
        clock.set(Instant.parse("2024-05-15T12:00:00.001Z"));
        assertThat(cases.get(NURSE, c.id()).overdue(clock.instant())).isTrue();
    }

    @Test
    void concurrent_appeals_and_extensions_of_one_case_each_happen_once() throws Exception {
        ReviewCase c = denied();
        ReviewCase open = waiting();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return n % 2 == 0 ? appeal(CLINIC, c, "standard") : extend(NURSE, open, 1 + n);
                } catch (ServiceException.Conflict e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Object> answers = new ArrayList<>();
        for (Future<Object> f : results) {
            answers.add(f.get());
        }
        pool.shutdown();

        assertThat(answers).filteredOn(a -> a instanceof ReviewCase).hasSize(2);
        assertThat(answers).filteredOn(a -> a instanceof ServiceException.Conflict).hasSize(6);
        ReviewCase extended = cases.get(NURSE, open.id());
        assertThat(extended.dueAt()).isEqualTo(open.dueAt().plus(Duration.ofDays(extended.extension().orElseThrow().days())));
        assertThat(service.audit().verify().intact()).isTrue();
    }

    // ---- peer-to-peer

    @Test
    void a_physician_records_peer_to_peer_conversations_which_are_shown_with_the_case_in_order() {
        ReviewCase c = denied();

        cases.steps().recordPeerToPeer(PHYSICIAN, c.id(), bytes("""
                {"date": "2024-04-01", "participants": ["dr-p", " Dr. Alvarez, requesting physician "],
                 "summary": "Discussed the missing psychological evaluation; it will be sent."}"""));
        ReviewCase after = cases.steps().recordPeerToPeer(OTHER_PHYSICIAN, c.id(), bytes("""
                {"date": "2024-03-31", "participants": ["dr-q"], "summary": "Second call."}"""));

        assertThat(after.peerToPeer()).containsExactly(
                new ReviewCase.PeerToPeer(1, LocalDate.parse("2024-04-01"), List.of("dr-p", "Dr. Alvarez, requesting physician"),
                        "Discussed the missing psychological evaluation; it will be sent.", "dr-p", clock.instant()),
                new ReviewCase.PeerToPeer(2, LocalDate.parse("2024-03-31"), List.of("dr-q"), "Second call.", "dr-q",
                        clock.instant()));
        assertThat(cases.get(CLINIC, c.id()).peerToPeer()).isEqualTo(after.peerToPeer());
        assertThat(after.status()).isEqualTo(CaseStatus.DENIED);
    }

    @Test
    void only_a_physician_records_a_peer_to_peer_conversation() {
        ReviewCase c = waiting();
        byte[] body = bytes("{\"date\": \"2024-04-01\", \"participants\": [\"a\"], \"summary\": \"s\"}");

        for (Caller caller : List.of(NURSE, CLINIC, ADMIN)) {
            assertThatThrownBy(() -> cases.steps().recordPeerToPeer(caller, c.id(), body)).as(caller.name())
                    .isInstanceOf(ServiceException.Forbidden.class).hasMessageContaining("physician");
        }
        assertThat(cases.get(NURSE, c.id()).peerToPeer()).isEmpty();
    }

    @Test
    void a_peer_to_peer_conversation_needs_a_past_date_participants_and_a_summary() {
        ReviewCase c = waiting();

        // The service's date is 2024-04-01 (UTC): a day ahead is allowed for time zones, two are not.
        assertThatThrownBy(() -> cases.steps().recordPeerToPeer(PHYSICIAN, c.id(), bytes(
                "{\"date\": \"2024-04-03\", \"participants\": [\"a\", 5, \"\"], \"summary\": \"\"}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.Problem::field)
                        .containsExactly("date", "participants[1]", "participants[2]", "summary"));
        assertThatThrownBy(() -> cases.steps().recordPeerToPeer(PHYSICIAN, c.id(), bytes(
                "{\"date\": \"1899-12-31\", \"participants\": [], \"summary\": \"s\"}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.Problem::field).containsExactly("date", "participants"));
        assertThat(cases.steps().recordPeerToPeer(PHYSICIAN, c.id(), bytes(
                "{\"date\": \"2024-04-02\", \"participants\": [\"a\"], \"summary\": \"s\"}")).peerToPeer()).hasSize(1);
    }

    // ---- the audit trail

    @Test
    void each_step_is_an_audit_entry_with_its_actor_and_the_trail_verifies() {
        ReviewCase c = extend(NURSE, waiting(), 2);
        cases.decide(PHYSICIAN, c.id(), bytes("{\"decision\": \"deny\", \"rationale\": \"no evaluation\"}"));
        cases.steps().recordPeerToPeer(PHYSICIAN, c.id(), bytes("{\"date\": \"2024-04-01\", \"participants\": [\"dr-p\"], \"summary\": \"s\"}"));
        appeal(CLINIC, c, "expedited");
        decide(OTHER_PHYSICIAN, c, "approve");

        List<String> events = service.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT event || ' ' || actor FROM audit_entry WHERE case_id = :id ORDER BY seq").bind("id", c.id())
                .mapTo(String.class).list());
        // Each letter (the information request, the extension, the denial, the reconsideration) is an entry too.
        assertThat(events).containsExactly("submitted clinic-a", "evaluated system", "letter-issued system",
                "extended nurse-n", "letter-issued system", "decided dr-p", "letter-issued system", "peer-to-peer dr-p",
                "appealed clinic-a", "decided dr-q", "letter-issued system");
        AuditVerifier.Verification v = service.audit().verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(11);
    }

    @Test
    void a_changed_appeal_or_extension_in_the_trail_breaks_the_chain_at_its_entry() {
        extend(NURSE, waiting(), 2); // entries 1 to 5: submitted, evaluated, a letter, extended, its letter
        appeal(CLINIC, denied(), "standard"); // 6 to 11: submitted, evaluated, a letter, decided, its letter, appealed
        service.database().jdbi().useHandle(h -> h.execute("UPDATE document SET content = 'x' WHERE hash ="
                + " (SELECT content_hash FROM audit_entry WHERE event = 'appealed')"));

        assertThat(service.audit().verify().firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(11);
            assertThat(b.reason()).isEqualTo("its content does not match its content hash");
        });
    }
}
