package org.pumpauth.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pumpauth.server.ServiceException;
import org.pumpauth.server.audit.AuditEvent;
import org.pumpauth.server.audit.AuditLog;
import org.pumpauth.server.audit.AuditVerifier;
import org.pumpauth.server.audit.Document;
import org.pumpauth.server.audit.Sha256;
import org.pumpauth.server.store.Database;
import org.pumpauth.server.testing.TestDatabase;

/**
 * The group-commit writer: a case the database refuses fails alone, a submitter never waits
 * forever. Run on both databases by {@link SubmissionWriterOnH2Test} and {@link SubmissionWriterOnPostgresqlTest}.
 */
abstract class SubmissionWriterTest {
    private static final Instant AT = Instant.parse("2024-04-01T12:00:00Z");

    private final TestDatabase database;
    private Database db;

    SubmissionWriterTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void open() {
        db = Database.open(database.fresh(), 4);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static SubmissionWriter.Job job(String requestId, String policy) {
        String id = UUID.randomUUID().toString();
        CaseStore.Row row = new CaseStore.Row(id, "clinic-a", requestId, Sha256.hex(requestId), policy,
                CaseStatus.PENDING_REVIEW, Urgency.STANDARD, AT, Urgency.STANDARD.dueAt(AT), "{}", Optional.empty());
        return new SubmissionWriter.Job(new SubmissionWriter.NewCase(row, Document.of("{}"), Document.of("{}"),
                "INSUFFICIENT_INFORMATION", AT,
                List.of(new AuditLog.Event(id, AuditEvent.SUBMITTED, "clinic-a", AT, "{}")), List.of(), Optional.empty()));
    }

    private long cases() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM review_case").mapTo(Long.class).one());
    }

    @Test
    void a_case_the_database_refuses_fails_alone_and_the_rest_of_its_group_is_stored() {
        SubmissionWriter.Job first = job("R-1", "nia-cg-310");
        SubmissionWriter.Job refused = job("R-2", "p".repeat(150)); // wider than the policy column
        SubmissionWriter.Job second = job("R-3", "nia-cg-310");
        SubmissionWriter.Job taken = job("R-1", "nia-cg-310");

        SubmissionWriter.writeBatch(db.jdbi(), List.of(first, refused, second, taken));

        assertThat(first.done()).isCompletedWithValue(SubmissionWriter.Result.STORED);
        assertThat(second.done()).isCompletedWithValue(SubmissionWriter.Result.STORED);
        assertThat(taken.done()).isCompletedWithValue(SubmissionWriter.Result.DUPLICATE);
        assertThat(refused.done()).isCompletedExceptionally();
        assertThat(cases()).isEqualTo(2);
        AuditVerifier.Verification audit = new AuditVerifier(db.jdbi()).verify();
        assertThat(audit.intact()).isTrue();
        assertThat(audit.entries()).isEqualTo(2);
    }

    @Test
    void two_writers_with_the_same_requests_in_opposite_orders_store_each_once_without_a_deadlock() throws Exception {
        // Two instances on one database: each writer's group holds the other's requests in reverse order.
        List<SubmissionWriter.Job> up = new ArrayList<>();
        List<SubmissionWriter.Job> down = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            up.add(job("R-" + i, "nia-cg-310"));
            down.add(0, job("R-" + i, "nia-cg-310"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> writers = List.of(
                pool.submit(() -> {
                    start.await();
                    SubmissionWriter.writeBatch(db.jdbi(), up);
                    return null;
                }),
                pool.submit(() -> {
                    start.await();
                    SubmissionWriter.writeBatch(db.jdbi(), down);
                    return null;
                }));
        start.countDown();
        for (Future<?> w : writers) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<SubmissionWriter.Job> all = new ArrayList<>(up);
        all.addAll(down);
        assertThat(all).allSatisfy(job -> assertThat(job.done()).isCompleted().isNotCompletedExceptionally());
        assertThat(all).filteredOn(job -> job.done().join() == SubmissionWriter.Result.STORED).hasSize(40);
        assertThat(cases()).isEqualTo(40);
        assertThat(new AuditVerifier(db.jdbi()).verify().intact()).isTrue();
    }

    @Test
    void a_submitter_waits_no_longer_than_the_limit_and_is_told_to_send_again() {
        SubmissionWriter writer = new SubmissionWriter(db.jdbi(), Duration.ofMillis(300));
        try (Handle blocker = db.jdbi().open()) {
            // Another transaction holds the audit chain's lock: the writer cannot commit.
            blocker.begin();
            blocker.createQuery("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();

            assertThatThrownBy(() -> writer.write(job("R-1", "nia-cg-310").newCase()))
                    .isInstanceOf(ServiceException.Unavailable.class)
                    .hasMessageContaining("send the same request again");
            blocker.rollback();
        }
        writer.close();
        assertThat(cases()).as("stored once the lock was free").isEqualTo(1);
    }

    @Test
    void a_closed_writer_refuses_at_once() {
        SubmissionWriter writer = new SubmissionWriter(db.jdbi());
        writer.close();

        assertThatThrownBy(() -> writer.write(job("R-1", "nia-cg-310").newCase()))
                .isInstanceOf(ServiceException.Unavailable.class);
    }
}
