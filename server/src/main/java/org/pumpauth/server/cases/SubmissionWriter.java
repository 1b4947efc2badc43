package org.pumpauth.server.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.pumpauth.server.audit.AuditLog;
import org.pumpauth.server.store.Sql;

/**
 * Writes new cases in groups: one thread takes every submission waiting (up to {@link #MAX_BATCH})
 * and stores them with their determinations and audit entries in one transaction, so many cases
 * share one commit (one fsync) and one hold of the audit chain's lock. Each submitter waits for
 * its own case's commit: a 201 is still only answered once the case is durable.
 *
 * <p>A case whose (submitter, requestId) is taken is answered as a duplicate; the others of its
 * group are stored all the same (the group is retried with a savepoint per case).
 */
final class SubmissionWriter implements AutoCloseable {
    static final int MAX_BATCH = 64;

    private final Jdbi jdbi;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** A case to store, complete with what it is stored with. */
    record NewCase(CaseStore.Row row, String determinationJson, String outcome, java.time.Instant at,
            List<AuditLog.Event> events) {}

    /** How a write ended: stored, or refused because the (submitter, requestId) is taken. */
    enum Result { STORED, DUPLICATE }

    private record Job(NewCase newCase, CompletableFuture<Result> done) {}

    SubmissionWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.thread = new Thread(this::run, "pumpauth-case-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stores the case and returns once it is committed (or refused). */
    Result write(NewCase newCase) {
        CompletableFuture<Result> done = new CompletableFuture<>();
        if (!running) {
            throw new IllegalStateException("the case writer is closed");
        }
        queue.add(new Job(newCase, done));
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the case was being stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Job> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                for (Job job : batch) {
                    job.done().completeExceptionally(e);
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void writeBatch(List<Job> batch) {
        try {
            jdbi.useTransaction(h -> {
                insertAll(h, batch);
                List<AuditLog.Event> events = new ArrayList<>(batch.size() * 3);
                batch.forEach(job -> events.addAll(job.newCase().events()));
                AuditLog.appendAll(h, events);
            });
            batch.forEach(job -> job.done().complete(Result.STORED));
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            writeOneByOne(batch);
        }
    }

    /** The slow path for a group with a taken requestId: a savepoint per case. */
    private void writeOneByOne(List<Job> batch) {
        List<Job> stored = new ArrayList<>(batch.size());
        List<Job> duplicates = new ArrayList<>();
        jdbi.useTransaction(h -> {
            stored.clear();
            duplicates.clear();
            for (Job job : batch) {
                h.savepoint("one_case");
                try {
                    insertAll(h, List.of(job));
                    h.releaseSavepoint("one_case");
                    stored.add(job);
                } catch (RuntimeException e) {
                    if (!Sql.isUniqueViolation(e)) {
                        throw e;
                    }
                    h.rollbackToSavepoint("one_case");
                    duplicates.add(job);
                }
            }
            List<AuditLog.Event> events = new ArrayList<>();
            stored.forEach(job -> events.addAll(job.newCase().events()));
            if (!events.isEmpty()) {
                AuditLog.appendAll(h, events);
            }
        });
        stored.forEach(job -> job.done().complete(Result.STORED));
        duplicates.forEach(job -> job.done().complete(Result.DUPLICATE));
    }

    private static void insertAll(Handle h, List<Job> jobs) {
        for (Job job : jobs) {
            NewCase c = job.newCase();
            CaseStore.insert(h, c.row());
            CaseStore.insertDetermination(h, c.row().id(), 1, c.at(), c.outcome(), c.determinationJson());
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
