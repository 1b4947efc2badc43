package org.pumpauth.server.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an API key may do. Reviewers (nurse, physician) and admins see every case; a submitter only its own. */
public enum Role {
    SUBMITTER,
    NURSE,
    PHYSICIAN,
    ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "));
    }

    /** Sees every case, not only the ones it submitted. */
    public boolean seesAllCases() {
        return this != SUBMITTER;
    }

    /** May approve a case: a nurse or a physician reviewer. */
    public boolean mayApprove() {
        return this == NURSE || this == PHYSICIAN;
    }

    /** May deny a case: only a physician (G3: an adverse determination is made by a physician). */
    public boolean mayDeny() {
        return this == PHYSICIAN;
    }

    /** May extend a case's decision clock: a nurse or physician reviewer. */
    public boolean mayExtend() {
        return this == NURSE || this == PHYSICIAN;
    }

    /**
     * May appeal a denial: a reviewer on the member's behalf, or the submitter of the case (whether a
     * submitter submitted it is the case's to say).
     */
    public boolean mayAppeal() {
        return this == NURSE || this == PHYSICIAN || this == SUBMITTER;
    }

    /** May send the provider a request for the missing information: a nurse or physician reviewer. */
    public boolean mayRequestInformation() {
        return this == NURSE || this == PHYSICIAN;
    }

    /** May record a peer-to-peer conversation: the plan's physician holds it. */
    public boolean mayRecordPeerToPeer() {
        return this == PHYSICIAN;
    }
}
