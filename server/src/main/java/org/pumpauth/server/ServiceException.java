package org.pumpauth.server;

import org.pumpauth.PumpauthException;

/**
 * The root of the errors the review service reports to a caller. Each subclass names its HTTP
 * status; the message says what is wrong and never quotes a request's clinical content.
 */
public abstract class ServiceException extends PumpauthException {
    private static final long serialVersionUID = 1L;

    protected ServiceException(String message) {
        super(message);
    }

    /** The HTTP status the error is answered with. */
    public abstract int status();

    /** A short kebab-case name of the kind of problem, the last part of the problem type URI. */
    public abstract String kind();

    /** A one-line title for the kind of problem. */
    public abstract String title();

    /** No such case, or one the caller may not see (a submitter is not told of others' cases). */
    public static final class NotFound extends ServiceException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }

        @Override public int status() { return 404; }
        @Override public String kind() { return "not-found"; }
        @Override public String title() { return "Not found"; }
    }

    /** The request conflicts with the state of the case (decided already, or a different body for a requestId). */
    public static final class Conflict extends ServiceException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message) {
            super(message);
        }

        @Override public int status() { return 409; }
        @Override public String kind() { return "conflict"; }
        @Override public String title() { return "Conflict"; }
    }

    /** The caller's role does not allow the action. */
    public static final class Forbidden extends ServiceException {
        private static final long serialVersionUID = 1L;

        public Forbidden(String message) {
            super(message);
        }

        @Override public int status() { return 403; }
        @Override public String kind() { return "forbidden"; }
        @Override public String title() { return "Forbidden"; }
    }

    /** The service cannot take the request now (stopping, or the store too slow); the same request may be sent again. */
    public static final class Unavailable extends ServiceException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }

        @Override public int status() { return 503; }
        @Override public String kind() { return "unavailable"; }
        @Override public String title() { return "Service unavailable"; }
    }

    /** The API key is not known, or was revoked before the change could commit. */
    public static final class Unauthorized extends ServiceException {
        private static final long serialVersionUID = 1L;

        public Unauthorized(String message) {
            super(message);
        }

        @Override public int status() { return 401; }
        @Override public String kind() { return "unauthorized"; }
        @Override public String title() { return "Unauthorized"; }
    }
}
