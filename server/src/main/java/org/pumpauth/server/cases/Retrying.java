package org.pumpauth.server.cases;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.pumpauth.server.ServiceException;
import org.pumpauth.server.store.Sql;

/**
 * Runs a transaction again when the database cancelled it to break a deadlock or a serialization
 * conflict with another writer (another thread, or another instance on the same database), a few
 * times with a short random pause; then the caller is told to send the request again (503), never
 * answered 500 for a conflict it did not cause.
 */
final class Retrying {
    static final int ATTEMPTS = 5;

    private Retrying() {}

    static <T> T transaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!Sql.isTransient(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw gaveUp();
                }
                pause(attempt);
            }
        }
    }

    static ServiceException.Unavailable gaveUp() {
        return new ServiceException.Unavailable("the database cancelled the change " + ATTEMPTS + " times to resolve"
                + " conflicts with other writers; send the same request again");
    }

    /** A random pause growing with the attempt, so two conflicting writers do not meet again at once. */
    static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException.Unavailable("the service is stopping; send the request again");
        }
    }
}
