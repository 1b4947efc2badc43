package org.pumpauth.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
import org.pumpauth.server.cases.CaseQuery;
import org.pumpauth.server.cases.CaseService;
import org.pumpauth.server.cases.CaseStatus;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.cases.Verdict;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;
import org.pumpauth.server.testing.TestDatabase;

/** Cases: submission, idempotency, visibility, information, decisions and the decision clock; run on both databases by {@link CaseServiceOnH2Test} and {@link CaseServiceOnPostgresqlTest}. */
abstract class CaseServiceTest {
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();
    private static final Caller CLINIC = new Caller("clinic-a", Role.SUBMITTER);
    private static final Caller OTHER_CLINIC = new Caller("clinic-b", Role.SUBMITTER);
    private static final Caller NURSE = new Caller("nurse-n", Role.NURSE);
    private static final Caller PHYSICIAN = new Caller("dr-p", Role.PHYSICIAN);
    private static final Caller ADMIN = new Caller("admin", Role.ADMIN);

    private final TestDatabase database;
    private final MutableClock clock = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
    private ReviewService service;
    private CaseService cases;

    CaseServiceTest(TestDatabase database) {
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

    @Test
    void a_request_that_meets_the_criteria_is_approved_by_the_system_on_submission() {
        CaseService.Submission s = cases.submit(CLINIC, bytes(Requests.meetsCriteria("R-1")));

        assertThat(s.created()).isTrue();
        ReviewCase c = s.reviewCase();
        assertThat(c.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(c.decision()).hasValueSatisfying(d -> {
            assertThat(d.verdict()).isEqualTo(Verdict.APPROVE);
            assertThat(d.by()).isEqualTo(Caller.SYSTEM);
        });
        assertThat(c.determinations()).singleElement().satisfies(d -> assertThat(d.outcome()).isEqualTo("MEETS_CRITERIA"));
        assertThat(cases.get(NURSE, c.id())).isEqualTo(c);
    }

    @Test
    void a_standard_case_is_due_seven_days_after_receipt_and_an_expedited_one_72_hours() {
        ReviewCase standard = cases.submit(CLINIC, bytes(Requests.meetsCriteria("R-1"))).reviewCase();
        ReviewCase expedited = cases.submit(CLINIC, bytes(Requests.insufficient("R-2"))).reviewCase();

        assertThat(standard.receivedAt()).isEqualTo(Instant.parse("2024-03-04T14:20:00Z"));
        assertThat(standard.dueAt()).isEqualTo(Instant.parse("2024-03-11T14:20:00Z"));
        assertThat(expedited.dueAt()).isEqualTo(Instant.parse("2024-04-04T09:00:00Z"));
        assertThat(expedited.status()).isEqualTo(CaseStatus.INFORMATION_REQUESTED);
    }

    @Test
    void without_receivedAt_the_clock_starts_when_the_server_receives_the_request() {
        String body = Requests.patched(Requests.insufficient("R-1"), "{'receivedAt': null}");

        ReviewCase c = cases.submit(CLINIC, bytes(body)).reviewCase();

        assertThat(c.receivedAt()).isEqualTo(clock.instant());
        assertThat(c.dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(72)));
    }

    @Test
    void a_receivedAt_later_than_the_servers_clock_is_rejected() {
        String body = Requests.patched(Requests.insufficient("R-1"), "{'receivedAt': '2024-04-01T12:06:00Z'}");

        assertThatThrownBy(() -> cases.submit(CLINIC, bytes(body)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.Problem::field).containsExactly("receivedAt"));
        assertThat(cases.queue(ADMIN, all())).isEmpty();
    }

    @Test
    void the_same_body_again_even_reformatted_returns_the_same_case_without_a_new_one() throws JsonProcessingException {
        ReviewCase first = cases.submit(CLINIC, bytes(Requests.insufficient("R-1"))).reviewCase();
        // The same JSON value written another way: pretty-printed, its score as 7.50.
        ObjectNode tree = (ObjectNode) Requests.tree(Requests.insufficient("R-1"));
        ((ObjectNode) tree.get("pain")).put("score", new BigDecimal("7.50"));
        String reformatted = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        assertThat(reformatted).contains("7.50").isNotEqualTo(Requests.insufficient("R-1"));

        CaseService.Submission again = cases.submit(CLINIC, bytes(reformatted));

        assertThat(again.created()).isFalse();
        assertThat(again.reviewCase()).isEqualTo(first);
        assertThat(cases.queue(NURSE, all())).hasSize(1);
    }

    @Test
    void a_different_body_with_the_same_requestId_is_a_conflict_that_does_not_repeat_the_requestId() {
        cases.submit(CLINIC, bytes(Requests.insufficient("R-1")));

        assertThatThrownBy(() -> cases.submit(CLINIC, bytes(Requests.patched(Requests.insufficient("R-1"), "{'pain': {'score': 8}}"))))
                .isInstanceOf(ServiceException.Conflict.class)
                .hasMessageContaining("a different body with this requestId")
                .message().doesNotContain("R-1");
    }

    @Test
    void the_same_requestId_from_another_submitter_is_another_case() {
        ReviewCase a = cases.submit(CLINIC, bytes(Requests.insufficient("R-1"))).reviewCase();
        ReviewCase b = cases.submit(OTHER_CLINIC, bytes(Requests.insufficient("R-1"))).reviewCase();

        assertThat(b.id()).isNotEqualTo(a.id());
    }

    @Test
    void concurrent_submissions_of_one_requestId_make_exactly_one_case() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CaseService.Submission>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return cases.submit(CLINIC, bytes(Requests.insufficient("R-RACE")));
            }));
        }
        start.countDown();
        List<CaseService.Submission> submissions = new ArrayList<>();
        for (Future<CaseService.Submission> f : results) {
            submissions.add(f.get());
        }
        pool.shutdown();

        assertThat(submissions).filteredOn(CaseService.Submission::created).hasSize(1);
        assertThat(submissions).extracting(s -> s.reviewCase().id()).containsOnly(submissions.get(0).reviewCase().id());
        assertThat(cases.queue(NURSE, all())).hasSize(1);
        assertThat(service.audit().verify().intact()).isTrue();
    }

    @Test
    void concurrent_new_repeated_and_conflicting_submissions_each_get_the_right_answer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                // 8 new requestIds; 8 of one repeated body; 8 of one requestId with different bodies.
                String body = n < 8 ? Requests.insufficient("NEW-" + n)
                        : n < 16 ? Requests.insufficient("SAME")
                        : Requests.patched(Requests.insufficient("CLASH"), "{'pain': {'score': " + (n - 15) + "}}");
                try {
                    return cases.submit(CLINIC, bytes(body));
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

        List<Object> fresh = answers.subList(0, 8);
        List<Object> same = answers.subList(8, 16);
        List<Object> clash = answers.subList(16, 24);
        assertThat(fresh).allSatisfy(a -> assertThat(((CaseService.Submission) a).created()).isTrue());
        assertThat(same).filteredOn(a -> ((CaseService.Submission) a).created()).hasSize(1);
        assertThat(same).extracting(a -> ((CaseService.Submission) a).reviewCase().id()).containsOnly(
                ((CaseService.Submission) same.get(0)).reviewCase().id());
        assertThat(clash).filteredOn(a -> a instanceof CaseService.Submission).hasSize(1);
        assertThat(clash).filteredOn(a -> a instanceof ServiceException.Conflict).hasSize(7);
        assertThat(cases.queue(NURSE, all())).hasSize(10);
        assertThat(service.audit().verify()).satisfies(v -> {
            assertThat(v.intact()).isTrue();
            assertThat(v.entries()).isEqualTo(20);
        });
    }

    @Test
    void an_invalid_request_is_rejected_with_every_field_at_fault_and_nothing_is_stored() {
        assertThatThrownBy(() -> cases.submit(CLINIC, bytes("{\"requestId\": 5, \"urgency\": \"soon\"}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.Problem::field)
                        .contains("requestId", "urgency", "service.kind"));
        assertThat(cases.queue(ADMIN, all())).isEmpty();
    }

    @Test
    void a_requestId_longer_than_200_characters_is_rejected_and_nothing_is_stored() {
        assertThatThrownBy(() -> cases.submit(CLINIC, bytes(Requests.insufficient("R".repeat(201)))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.Problem::field).containsExactly("requestId"));
        assertThat(cases.queue(ADMIN, all())).isEmpty();
    }

    @Test
    void information_for_a_request_without_a_policy_is_evaluated_under_the_case_policy() {
        String body = Requests.patched(Requests.insufficient("R-1"), "{'policy': null}");
        try (ReviewService withDefault = ReviewService.open(database.fresh(), POLICIES, Optional.of("nia-cg-310"), clock)) {
            ReviewCase c = withDefault.cases().submit(CLINIC, bytes(body)).reviewCase();

            ReviewCase after = withDefault.cases().addInformation(CLINIC, c.id(), bytes("{\"pain\": {\"score\": 9}}"));

            assertThat(after.determinations()).hasSize(2);
            assertThat(after.policy()).isEqualTo("nia-cg-310");
        }
    }

    @Test
    void a_request_without_a_policy_needs_the_server_default() {
        String body = Requests.patched(Requests.insufficient("R-1"), "{'policy': null}");

        assertThatThrownBy(() -> cases.submit(CLINIC, bytes(body)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.Problem::field).containsExactly("policy"));

        try (ReviewService withDefault = ReviewService.open(database.fresh(), POLICIES, Optional.of("nia-cg-310"), clock)) {
            assertThat(withDefault.cases().submit(CLINIC, bytes(body)).reviewCase().policy()).isEqualTo("nia-cg-310");
        }
    }

    @Test
    void a_submitter_sees_only_its_own_cases_and_reviewers_see_all() {
        ReviewCase mine = cases.submit(CLINIC, bytes(Requests.insufficient("R-1"))).reviewCase();
        cases.submit(OTHER_CLINIC, bytes(Requests.insufficient("R-2")));

        assertThat(cases.queue(CLINIC, all())).extracting(ReviewCase::id).containsExactly(mine.id());
        assertThat(cases.queue(NURSE, all())).hasSize(2);
        assertThat(cases.queue(ADMIN, all())).hasSize(2);
        assertThatThrownBy(() -> cases.get(OTHER_CLINIC, mine.id())).isInstanceOf(ServiceException.NotFound.class);
    }

    @Test
    void the_queue_is_ordered_by_due_time_and_filters_by_status_policy_and_due_time() {
        ReviewCase standard = cases.submit(CLINIC, bytes(Requests.patched(Requests.insufficient("R-S"), "{'urgency': 'standard'}")))
                .reviewCase();
        ReviewCase expedited = cases.submit(CLINIC, bytes(Requests.insufficient("R-E"))).reviewCase();
        ReviewCase approved = cases.submit(CLINIC, bytes(Requests.meetsCriteria("R-A"))).reviewCase();

        assertThat(cases.queue(NURSE, all())).extracting(ReviewCase::id)
                .containsExactly(approved.id(), expedited.id(), standard.id());
        assertThat(cases.queue(NURSE, new CaseQuery(Optional.of(CaseStatus.INFORMATION_REQUESTED), Optional.empty(),
                Optional.empty(), 100))).extracting(ReviewCase::id).containsExactly(expedited.id(), standard.id());
        assertThat(cases.queue(NURSE, new CaseQuery(Optional.empty(), Optional.empty(),
                Optional.of(Instant.parse("2024-04-05T00:00:00Z")), 100))).extracting(ReviewCase::id)
                .containsExactly(approved.id(), expedited.id());
        assertThat(cases.queue(NURSE, new CaseQuery(Optional.empty(), Optional.of("nia-cg-310"), Optional.empty(), 100)))
                .hasSize(3);
        assertThat(cases.queue(NURSE, new CaseQuery(Optional.empty(), Optional.of("cohere-ma-itp"), Optional.empty(), 100)))
                .isEmpty();
    }

    @Test
    void an_open_case_is_overdue_once_its_due_time_passes_and_a_decided_one_never() {
        ReviewCase c = cases.submit(CLINIC, bytes(Requests.insufficient("R-1"))).reviewCase(); // due 2024-04-04T09:00Z

        assertThat(c.timeLeft(clock.instant())).isEqualTo(Duration.parse("PT69H"));
        assertThat(c.overdue(clock.instant())).isFalse();
        clock.set(Instant.parse("2024-04-04T10:00:00Z"));
        assertThat(c.overdue(clock.instant())).isTrue();
        assertThat(c.timeLeft(clock.instant())).isEqualTo(Duration.ofHours(-1));

        ReviewCase decided = cases.decide(NURSE, c.id(), bytes("{\"decision\": \"approve\", \"rationale\": \"late but fine\"}"));
        assertThat(decided.overdue(clock.instant())).isFalse();
    }

    @Test
    void information_re_evaluates_the_case_keeps_earlier_determinations_and_approves_it_when_the_criteria_are_met() {
        ReviewCase c = cases.submit(CLINIC, bytes(Requests.insufficient("R-1"))).reviewCase();
        clock.advance(Duration.ofHours(30));

        ReviewCase after = cases.addInformation(CLINIC, c.id(), bytes("""
                {"psychEvaluation": {"completed": true, "date": "2024-03-01", "evaluator": "psychologist",
                  "appropriateCandidate": true, "documentsCognitiveAbility": true,
                  "documentsPhysicalCapability": true, "documentsWillingness": true},
                 "contraindications": {"activeSystemicInfection": false, "activeSpinalInfection": false,
                  "insufficientBodyHabitus": false},
                 "pain": {"functionalDisability": true}}
                """));

        assertThat(after.determinations()).hasSize(2);
        assertThat(after.determinations().get(0)).isEqualTo(c.determinations().get(0));
        assertThat(after.determinations().get(1).outcome()).isEqualTo("MEETS_CRITERIA");
        assertThat(after.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(after.decision()).hasValueSatisfying(d -> assertThat(d.by()).isEqualTo(Caller.SYSTEM));
        assertThat(after.dueAt()).isEqualTo(c.dueAt());
        assertThat(after.requestJson()).contains("\"psychEvaluation\"").contains("\"score\":7.5");
    }

    @Test
    void information_that_makes_the_request_invalid_is_rejected_and_the_case_is_unchanged() {
        ReviewCase c = cases.submit(CLINIC, bytes(Requests.insufficient("R-1"))).reviewCase();

        assertThatThrownBy(() -> cases.addInformation(CLINIC, c.id(), bytes("{\"pain\": {\"score\": 11}, \"requestId\": \"X\"}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.Problem::field).contains("requestId"));
        assertThatThrownBy(() -> cases.addInformation(CLINIC, c.id(), bytes("{\"pain\": {\"score\": 11}}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.Problem::field).containsExactly("pain.score"));
        assertThat(cases.get(CLINIC, c.id())).isEqualTo(c);
    }

    @Test
    void a_nurse_may_approve_but_only_a_physician_may_deny() {
        ReviewCase c = cases.submit(CLINIC, bytes(Requests.insufficient("R-1"))).reviewCase();
        byte[] deny = bytes("{\"decision\": \"deny\", \"rationale\": \"criteria not met\"}");

        assertThatThrownBy(() -> cases.decide(NURSE, c.id(), deny)).isInstanceOf(ServiceException.Forbidden.class)
                .hasMessageContaining("physician");
        assertThatThrownBy(() -> cases.decide(CLINIC, c.id(), deny)).isInstanceOf(ServiceException.Forbidden.class);
        assertThatThrownBy(() -> cases.decide(ADMIN, c.id(), deny)).isInstanceOf(ServiceException.Forbidden.class);

        ReviewCase denied = cases.decide(PHYSICIAN, c.id(), deny);
        assertThat(denied.status()).isEqualTo(CaseStatus.DENIED);
        assertThat(denied.decision()).hasValueSatisfying(d -> {
            assertThat(d.by()).isEqualTo("dr-p");
            assertThat(d.rationale()).isEqualTo("criteria not met");
        });
    }

    @Test
    void a_decided_case_takes_no_second_decision_and_no_more_information() {
        ReviewCase c = cases.submit(CLINIC, bytes(Requests.insufficient("R-1"))).reviewCase();
        cases.decide(NURSE, c.id(), bytes("{\"decision\": \"approve\", \"rationale\": \"documented by phone\"}"));

        assertThatThrownBy(() -> cases.decide(PHYSICIAN, c.id(), bytes("{\"decision\": \"deny\", \"rationale\": \"no\"}")))
                .isInstanceOf(ServiceException.Conflict.class);
        assertThatThrownBy(() -> cases.addInformation(CLINIC, c.id(), bytes("{\"pain\": {\"score\": 9}}")))
                .isInstanceOf(ServiceException.Conflict.class);
    }

    @Test
    void a_decision_needs_a_verdict_and_a_rationale() {
        ReviewCase c = cases.submit(CLINIC, bytes(Requests.insufficient("R-1"))).reviewCase();

        assertThatThrownBy(() -> cases.decide(PHYSICIAN, c.id(), bytes("{\"decision\": \"maybe\", \"rationale\": \" \"}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.Problem::field).containsExactly("decision", "rationale"));
    }

    private static CaseQuery all() {
        return new CaseQuery(Optional.empty(), Optional.empty(), Optional.empty(), 100);
    }
}
