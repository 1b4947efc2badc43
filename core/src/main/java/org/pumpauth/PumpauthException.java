package org.pumpauth;

/** The root of every error pumpauth reports to a user; each subclass says where the problem is. */
public abstract class PumpauthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected PumpauthException(String message) {
        super(message);
    }

    protected PumpauthException(String message, Throwable cause) {
        super(message, cause);
    }
}
