package org.pumpauth.policy;

import java.util.Optional;
import org.pumpauth.determination.Outcome;
import org.pumpauth.request.Field;

/**
 * What a criterion says about itself: its id, the policy's own words, the citation, and the
 * ruling that shaped it. A criterion without an id is an inline part of its parent and does not
 * appear in the trace on its own.
 *
 * @param citation the source document and section heading, {@code 000_ade0b84dfbdd6f77.txt § INTRASPINAL DRUG TRIAL}
 * @param failure the outcome when this criterion is not met (top-level criteria only)
 * @param missingWhenFalse a document that, stated as absent, is asked for rather than failed
 */
public record Meta(
        String id,
        String text,
        String citation,
        Optional<String> interpretation,
        Outcome failure,
        Optional<Field> missingWhenFalse) {

    /** The meta of an inline part of a criterion, which has no id and is not traced on its own. */
    public static final Meta INLINE =
            new Meta("", "", "", Optional.empty(), Outcome.DOES_NOT_MEET_CRITERIA, Optional.empty());

    public boolean traced() {
        return !id.isEmpty();
    }
}
