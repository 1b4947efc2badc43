package org.pumpauth.policy;

import org.pumpauth.PumpauthException;

/** A policy or version named by a caller that the registry does not hold. */
public final class UnknownPolicyException extends PumpauthException {
    private static final long serialVersionUID = 1L;

    public UnknownPolicyException(String message) {
        super(message);
    }
}
