package org.pumpauth.policy;

import org.pumpauth.PumpauthException;

/** A policy or version named by a caller that the registry does not hold. */
public final class UnknownPolicyException extends PumpauthException {
    private static final long serialVersionUID = 1L;

    private final String withoutValue;

    public UnknownPolicyException(String message) {
        this(message, message);
    }

    /** {@code withoutValue}: the same problem told without repeating the name the caller sent. */
    public UnknownPolicyException(String message, String withoutValue) {
        super(message);
        this.withoutValue = withoutValue;
    }

    /**
     * The problem without the name the caller sent, for an answer to a request (a service's client
     * may log it, and the "policy" of a request could hold anything, a patient's name included).
     */
    public String withoutValue() {
        return withoutValue;
    }
}
