package org.pumpauth.server.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.pumpauth.server.ServiceException;
import org.pumpauth.server.access.ApiKeys;
import org.pumpauth.server.audit.AuditLog;
import org.pumpauth.server.audit.Document;
import org.pumpauth.server.letters.IssuedLetter;
import org.pumpauth.server.letters.Letters;
import org.pumpauth.server.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes new cases in groups: one thread takes every submission waiting (up to {@link #MAX_BATCH})
 * and stores them with their determinations and audit entries in one transaction, so many cases
 * share one commit (one fsync) and one hold of the audit chain's lock. Each submitter waits for
 * its own case's commit: a 201 is still only answered once the case is durable.
 *
 * <p>When the group's transaction fails, it is written again with a savepoint per case: a case whose
 * (submitter, requestId) is taken is answered as a duplicate, a case the database refuses fails
 * alone, and the others are stored all the same. A submitter waits at most {@code wait}; a writer
 * that stopped answers every waiting submitter rather than leave it waiting.
 */
final class SubmissionWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("pumpauth.cases");
    static final int MAX_BATCH = 64;
    static final Duration WAIT = Duration.ofSeconds(30);

    private final Jdbi jdbi;
    private final Duration wait;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private boolean running = true; // guarded by this: no job is queued once it is false

    /** A case to store, complete with what it is stored with. */
    record NewCase(CaseStore.Row row, Document request, Document determination, String outcome, Instant at,
            List<AuditLog.Event> events, List<IssuedLetter> letters, Optional<String> keyHash) {}

    /** How a write ended: stored, or refused because the (submitter, requestId) is taken. */
    enum Result { STORED, DUPLICATE }

    record Job(NewCase newCase, CompletableFuture<Result> done) {
        Job(NewCase newCase) {
            this(newCase, new CompletableFuture<>());
        }
    }

    SubmissionWriter(Jdbi jdbi) {
        this(jdbi, WAIT);
    }

    SubmissionWriter(Jdbi jdbi, Duration wait) {
        this.jdbi = jdbi;
        this.wait = wait;
        this.thread = new Thread(this::run, "pumpauth-case-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stores the case and returns once it is committed (or refused as a duplicate).
     *
     * @throws ServiceException.Unavailable when the writer has stopped, or the case is not committed
     *     within the wait (it may be stored later: the same body again finds it)
     */
    Result write(NewCase newCase) {
        Job job = new Job(newCase);
        synchronized (this) {
            if (!running) {
                throw stopped();
            }
            queue.add(job);
        }
        try {
            return job.done().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ServiceException.Unavailable("the case was not stored within " + wait.toSeconds() + " s; send the"
                    + " same request again: if it was stored meanwhile, the answer is the case");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException("the case could not be stored", e.getCause());
        }
    }

    private static ServiceException.Unavailable stopped() {
        return new ServiceException.Unavailable("the service is stopping and stores no more cases; send the request again");
    }

    private void run() {
        List<Job> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (isRunning() || !queue.isEmpty()) {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                try {
                    writeBatch(jdbi, batch);
                } catch (RuntimeException | Error e) {
                    batch.forEach(job -> job.done().completeExceptionally(e));
                } finally {
                    batch.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // However the thread ends, no submitter is left waiting for it.
            boolean unexpected;
            synchronized (this) {
                unexpected = running;
                running = false;
            }
            if (unexpected) {
                LOG.error("the case writer stopped: new cases are answered 503 until the server is restarted");
            }
            failWaiting();
        }
    }

    private synchronized boolean isRunning() {
        return running;
    }

    private void failWaiting() {
        for (Job job = queue.poll(); job != null; job = queue.poll()) {
            job.done().completeExceptionally(stopped());
        }
    }

    /**
     * The order in which a group's rows are inserted: every writer takes the unique index's entries in
     * this one order, so two writers on one database (two instances) wait for each other, never deadlock.
     */
    static final Comparator<Job> LOCK_ORDER = Comparator.comparing((Job job) -> job.newCase().row().submitter())
            .thenComparing(job -> job.newCase().row().requestId());

    /**
     * Stores the group in one transaction; on any failure, once more case by case. When the database
     * cancels the transaction to resolve a conflict with another writer, runs it again (a few times,
     * then answers each submitter 503). Completes every job.
     */
    static void writeBatch(Jdbi jdbi, List<Job> batch) {
        List<Job> ordered = new ArrayList<>(batch);
        ordered.sort(LOCK_ORDER);
        for (int attempt = 1; ; attempt++) {
            try {
                writeOnce(jdbi, ordered);
                return;
            } catch (RuntimeException e) {
                if (!Sql.isTransient(e)) {
                    throw e;
                }
                if (attempt == Retrying.ATTEMPTS) {
                    ServiceException.Unavailable gaveUp = Retrying.gaveUp();
                    ordered.forEach(job -> job.done().completeExceptionally(gaveUp));
                    return;
                }
                Retrying.pause(attempt);
            }
        }
    }

    private static void writeOnce(Jdbi jdbi, List<Job> batch) {
        List<Job> accepted = new ArrayList<>(batch.size());
        List<Job> revoked = new ArrayList<>();
        try {
            jdbi.useTransaction(h -> {
                keysLive(h, batch, accepted, revoked);
                if (accepted.isEmpty()) {
                    return;
                }
                insertAll(h, accepted);
                List<AuditLog.Event> events = new ArrayList<>(accepted.size() * 3);
                accepted.forEach(job -> events.addAll(job.newCase().events()));
                AuditLog.appendNewCases(h, events, documents(accepted));
            });
        } catch (RuntimeException e) {
            if (Sql.isTransient(e) || batch.size() == 1 && !Sql.isUniqueViolation(e)) {
                throw e;
            }
            writeOneByOne(jdbi, batch);
            return;
        }
        accepted.forEach(job -> job.done().complete(Result.STORED));
        refuse(revoked);
    }

    /**
     * Sorts the group into the cases whose submitters' keys are not revoked (one query for the group,
     * in its transaction) and the others; a case submitted without a key to check is accepted.
     */
    private static void keysLive(Handle h, List<Job> batch, List<Job> accepted, List<Job> revoked) {
        accepted.clear();
        revoked.clear();
        List<String> hashes = new ArrayList<>(batch.size());
        batch.forEach(job -> job.newCase().keyHash().ifPresent(hashes::add));
        java.util.Set<String> live = ApiKeys.live(h, hashes);
        for (Job job : batch) {
            (job.newCase().keyHash().map(live::contains).orElse(true) ? accepted : revoked).add(job);
        }
    }

    private static void refuse(List<Job> revoked) {
        revoked.forEach(job -> job.done().completeExceptionally(new ServiceException.Unauthorized(
                "the API key is not known")));
    }

    /** The slow path: a savepoint per case, so a taken requestId or a refused case does not fail the others. */
    private static void writeOneByOne(Jdbi jdbi, List<Job> batch) {
        List<Job> stored = new ArrayList<>(batch.size());
        List<Job> duplicates = new ArrayList<>();
        List<Job> failed = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        List<Job> accepted = new ArrayList<>(batch.size());
        List<Job> revoked = new ArrayList<>();
        jdbi.useTransaction(h -> {
            stored.clear();
            duplicates.clear();
            failed.clear();
            failures.clear();
            keysLive(h, batch, accepted, revoked);
            for (Job job : accepted) {
                h.savepoint("one_case");
                try {
                    insertAll(h, List.of(job));
                    h.releaseSavepoint("one_case");
                    stored.add(job);
                } catch (RuntimeException e) {
                    if (Sql.isTransient(e)) {
                        throw e; // the whole group is run again
                    }
                    h.rollbackToSavepoint("one_case");
                    if (Sql.isUniqueViolation(e)) {
                        duplicates.add(job);
                    } else {
                        failed.add(job);
                        failures.add(e);
                    }
                }
            }
            List<AuditLog.Event> events = new ArrayList<>();
            stored.forEach(job -> events.addAll(job.newCase().events()));
            if (!events.isEmpty()) {
                AuditLog.appendNewCases(h, events, documents(stored));
            }
        });
        stored.forEach(job -> job.done().complete(Result.STORED));
        duplicates.forEach(job -> job.done().complete(Result.DUPLICATE));
        refuse(revoked);
        for (int i = 0; i < failed.size(); i++) {
            failed.get(i).done().completeExceptionally(failures.get(i));
        }
    }

    /** The group's cases in one batch, then their determinations in another: two round trips for the group. */
    private static void insertAll(Handle h, List<Job> jobs) {
        List<CaseStore.Row> rows = new ArrayList<>(jobs.size());
        List<String> requests = new ArrayList<>(jobs.size());
        List<CaseStore.DeterminationRow> determinations = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            NewCase c = job.newCase();
            rows.add(c.row());
            requests.add(c.request().hash());
            determinations.add(new CaseStore.DeterminationRow(c.row().id(), 1, c.at(), c.outcome(), c.determination().hash()));
        }
        CaseStore.insertAll(h, rows, requests);
        CaseStore.insertDeterminations(h, determinations);
        List<IssuedLetter> letters = new ArrayList<>(jobs.size());
        jobs.forEach(job -> letters.addAll(job.newCase().letters()));
        Letters.insertFirst(h, letters);
    }

    /** The documents the cases' rows reference (stored once with the audit entries, which reference them too). */
    private static List<AuditLog.CaseDocument> documents(List<Job> jobs) {
        List<AuditLog.CaseDocument> documents = new ArrayList<>(jobs.size() * 2);
        for (Job job : jobs) {
            String caseId = job.newCase().row().id();
            documents.add(new AuditLog.CaseDocument(caseId, job.newCase().request()));
            documents.add(new AuditLog.CaseDocument(caseId, job.newCase().determination()));
        }
        return documents;
    }

    /** Stores the submissions already waiting (for up to 5 s), then answers any left as unavailable. */
    @Override
    public void close() {
        synchronized (this) {
            running = false;
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failWaiting();
    }
}
