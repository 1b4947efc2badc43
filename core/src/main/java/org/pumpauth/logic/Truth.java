package org.pumpauth.logic;

/**
 * A three-valued truth (Kleene's strong logic): a criterion whose facts are not all stated is
 * {@link #UNKNOWN}, never false (ruling G1).
 */
public enum Truth {
    TRUE,
    FALSE,
    UNKNOWN;

    public static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** False if either is false, else unknown if either is unknown. */
    public Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
    }

    /** True if either is true, else unknown if either is unknown. */
    public Truth or(Truth other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
    }

    public Truth not() {
        switch (this) {
            case TRUE:
                return FALSE;
            case FALSE:
                return TRUE;
            default:
                return UNKNOWN;
        }
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }
}
