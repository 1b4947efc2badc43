package org.pumpauth.determination;

import org.pumpauth.logic.Truth;

/** A criterion's result as the contract spells it. */
public enum Result {
    MET,
    NOT_MET,
    UNKNOWN;

    public static Result of(Truth truth) {
        switch (truth) {
            case TRUE:
                return MET;
            case FALSE:
                return NOT_MET;
            default:
                return UNKNOWN;
        }
    }
}
