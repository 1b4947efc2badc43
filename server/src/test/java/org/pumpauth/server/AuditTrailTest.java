package org.pumpauth.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.audit.AuditVerifier;
import org.pumpauth.server.audit.Sha256;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;
import org.pumpauth.server.testing.TestDatabase;

/** The audit trail: every event appended in order with its actor, and any tampering found; run on both databases by {@link AuditTrailOnH2Test} and {@link AuditTrailOnPostgresqlTest}. */
abstract class AuditTrailTest {
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();
    private static final Caller CLINIC = new Caller("clinic-a", Role.SUBMITTER);
    private static final Caller PHYSICIAN = new Caller("dr-p", Role.PHYSICIAN);

    private final TestDatabase database;
    private final MutableClock clock = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
    private ReviewService service;

    AuditTrailTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void open() {
        service = ReviewService.open(database.fresh(), POLICIES, Optional.empty(), clock);
    }

    @AfterEach
    void close() {
        service.close();
    }

    record Row(long seq, String caseId, String event, String actor, Instant at) {}

    private List<Row> entries() {
        return service.database().jdbi().withHandle(h -> h.createQuery("SELECT seq, case_id, event, actor, at FROM audit_entry ORDER BY seq")
                .map((rs, ctx) -> new Row(rs.getLong("seq"), rs.getString("case_id"), rs.getString("event"),
                        rs.getString("actor"), rs.getObject("at", java.time.OffsetDateTime.class).toInstant()))
                .list());
    }

    private void tamper(String sql) {
        service.database().jdbi().useHandle(h -> h.execute(sql));
    }

    private void threeCases() {
        service.cases().submit(CLINIC, Requests.meetsCriteria("R-1").getBytes(UTF_8));
        ReviewCase open = service.cases().submit(CLINIC, Requests.insufficient("R-2").getBytes(UTF_8)).reviewCase();
        clock.advance(Duration.ofHours(2));
        service.cases().addInformation(CLINIC, open.id(), "{\"pain\": {\"functionalDisability\": true}}".getBytes(UTF_8));
        service.cases().decide(PHYSICIAN, open.id(), "{\"decision\": \"deny\", \"rationale\": \"no trial\"}".getBytes(UTF_8));
    }

    @Test
    void every_event_is_recorded_in_order_with_its_actor_and_time() {
        threeCases();

        assertThat(entries()).extracting(Row::seq, Row::event, Row::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "submitted", "clinic-a"),
                org.assertj.core.groups.Tuple.tuple(2L, "evaluated", "system"),
                org.assertj.core.groups.Tuple.tuple(3L, "decided", "system"),
                org.assertj.core.groups.Tuple.tuple(4L, "submitted", "clinic-a"),
                org.assertj.core.groups.Tuple.tuple(5L, "evaluated", "system"),
                org.assertj.core.groups.Tuple.tuple(6L, "information-added", "clinic-a"),
                org.assertj.core.groups.Tuple.tuple(7L, "evaluated", "system"),
                org.assertj.core.groups.Tuple.tuple(8L, "decided", "dr-p"));
        assertThat(entries().get(5).at()).isEqualTo(Instant.parse("2024-04-01T14:00:00Z"));
    }

    @Test
    void an_untouched_trail_verifies_intact() {
        threeCases();

        AuditVerifier.Verification v = service.audit().verify();

        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(8);
    }

    @Test
    void a_changed_actor_breaks_the_chain_at_that_entry() {
        threeCases();
        tamper("UPDATE audit_entry SET actor = 'dr-x' WHERE seq = 8");

        assertThat(service.audit().verify().firstBreak())
                .hasValue(new AuditVerifier.Break(8, "its fields do not match its hash"));
    }

    @Test
    void changed_content_breaks_the_chain_even_with_a_recomputed_content_hash() {
        threeCases();
        tamper("UPDATE audit_entry SET content = 'x', content_hash = '" + Sha256.hex("x") + "' WHERE seq = 4");

        AuditVerifier.Verification v = service.audit().verify();

        assertThat(v.firstBreak()).hasValue(new AuditVerifier.Break(4, "its fields do not match its hash"));
        assertThat(v.entries()).isEqualTo(3);
    }

    private long count(String sql) {
        return service.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void each_document_is_stored_once_and_the_entries_the_cases_and_determinations_reference_it_by_hash() {
        threeCases();

        // Two requests, three determinations, the system's approval, a patch, a denial: eight contents
        // in the trail; and the second request as it stands after the patch.
        assertThat(count("SELECT COUNT(DISTINCT content_hash) FROM audit_entry")).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM document")).isEqualTo(9);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE content IS NOT NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM review_case WHERE request_json IS NOT NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM determination WHERE json IS NOT NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM determination t JOIN audit_entry e ON e.content_hash = t.json_hash"
                + " AND e.event = 'evaluated'")).as("each determination is the content of its evaluated entry").isEqualTo(3);
    }

    @Test
    void a_changed_document_breaks_the_chain_at_the_first_entry_that_references_it() {
        threeCases();
        tamper("UPDATE document SET content = 'x' WHERE hash = (SELECT content_hash FROM audit_entry WHERE seq = 5)");

        assertThat(service.audit().verify().firstBreak())
                .hasValue(new AuditVerifier.Break(5, "its content does not match its content hash"));
    }

    @Test
    void a_deleted_document_breaks_the_chain_at_the_first_entry_that_references_it() {
        threeCases();
        tamper("DELETE FROM document WHERE hash = (SELECT content_hash FROM audit_entry WHERE seq = 4)");

        assertThat(service.audit().verify().firstBreak()).hasValue(new AuditVerifier.Break(4,
                "its content is missing: no document is stored under its content hash"));
    }

    @Test
    void entries_with_their_content_in_the_row_as_written_before_documents_were_stored_once_still_verify() {
        threeCases();
        tamper("UPDATE audit_entry SET content = (SELECT d.content FROM document d WHERE d.hash = audit_entry.content_hash)");
        tamper("DELETE FROM document");

        assertThat(service.audit().verify().intact()).isTrue();
        tamper("UPDATE audit_entry SET content = 'x' WHERE seq = 3");
        assertThat(service.audit().verify().firstBreak())
                .hasValue(new AuditVerifier.Break(3, "its content does not match its content hash"));
    }

    @Test
    void a_deleted_entry_in_the_middle_or_at_the_end_is_found() {
        threeCases();
        tamper("DELETE FROM audit_entry WHERE seq = 8");
        assertThat(service.audit().verify().firstBreak()).hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(8));

        tamper("DELETE FROM audit_entry WHERE seq = 5");
        assertThat(service.audit().verify().firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(6);
            assertThat(b.reason()).contains("entry 5 is missing");
        });
    }

    @Test
    void the_trail_verifies_intact_while_cases_are_being_submitted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    service.cases().submit(CLINIC, Requests.insufficient("W-" + thread + "-" + i).getBytes(UTF_8));
                }
            }));
        }
        List<AuditVerifier.Verification> checks = new ArrayList<>();
        while (!writers.stream().allMatch(Future::isDone)) {
            checks.add(service.audit().verify());
        }
        for (Future<?> w : writers) {
            w.get();
        }
        pool.shutdown();
        checks.add(service.audit().verify());

        assertThat(checks).allSatisfy(v -> assertThat(v.firstBreak()).isEmpty());
        assertThat(checks.get(checks.size() - 1).entries()).isEqualTo(200);
    }

    @Test
    void a_rejected_submission_leaves_no_entry() {
        service.cases().submit(CLINIC, Requests.insufficient("R-1").getBytes(UTF_8));
        try {
            service.cases().submit(CLINIC, Requests.patched(Requests.insufficient("R-1"), "{'pain': {'score': 9}}").getBytes(UTF_8));
        } catch (ServiceException.Conflict expected) {
            // the conflict itself is tested with the cases
        }

        assertThat(entries()).hasSize(2);
        assertThat(service.audit().verify().intact()).isTrue();
    }
}
