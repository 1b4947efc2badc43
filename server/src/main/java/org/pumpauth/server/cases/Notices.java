package org.pumpauth.server.cases;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * The written notices a member and the requesting provider must get when the decision clock is
 * extended (42 CFR 422.568(b)(2)) or a reconsideration is decided (422.590). {@link #issue} is called
 * inside the step's transaction, after its audit entry, so a notice can neither be lost nor written
 * twice. The notices themselves (the letter kinds {@code extension} and {@code reconsideration}) are
 * built separately and are issued from here.
 */
final class Notices {
    /** A step that calls for a notice. */
    sealed interface Step permits Extended, Reconsidered {}

    /** The decision clock was extended: the extension (days, by whom, why) and the new due time. */
    record Extended(ReviewCase.Extension extension, Instant dueAt) implements Step {}

    /** A case in reconsideration was decided: by a reviewer, or approved by the machine on new information. */
    record Reconsidered(ReviewCase.Decision decision) implements Step {}

    /** Issues the notice of {@code step} on case {@code caseId}, in the transaction of {@code h}. Writes nothing yet. */
    void issue(Handle h, String caseId, Step step) {
        // The letters for extension and reconsideration are issued here.
    }
}
