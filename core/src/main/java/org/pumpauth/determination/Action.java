package org.pumpauth.determination;

/** What happens next with a determination (ruling G3). */
public enum Action {
    APPROVE("approve"),
    PHYSICIAN_REVIEW("physician-review"),
    REQUEST_INFORMATION("request-information");

    private final String code;

    Action(String code) {
        this.code = code;
    }

    /** The contract's spelling. */
    public String code() {
        return code;
    }
}
