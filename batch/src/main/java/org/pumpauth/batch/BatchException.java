package org.pumpauth.batch;

/**
 * A batch job cannot go on, for a reason the user can act on: a missing input, an output directory
 * that exists, a database that does not answer. The message names the option and what is allowed;
 * it never repeats a request's values.
 */
public class BatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BatchException(String message) {
        super(message);
    }

    public BatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
