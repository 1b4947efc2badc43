package org.pumpauth.server.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.pumpauth.server.letters.IssuedLetter;
import org.pumpauth.server.letters.LetterInput;
import org.pumpauth.server.letters.LetterKind;

/**
 * The written notices a member and the requesting provider must get when the decision clock is
 * extended (42 CFR 422.568(b)(2)) or a reconsideration is decided (422.590), and the request for
 * information a reviewer sends. {@link #issue} is called
 * inside the step's transaction, after its audit entry, so a notice can neither be lost nor written
 * twice. The notices themselves (the letter kinds {@code extension} and {@code reconsideration}) are
 * built by {@link org.pumpauth.server.letters.Letters}; they are issued from here.
 */
final class Notices {
    /** Issues a letter of a case in the caller's transaction ({@link CaseService#issueLetter}). */
    @FunctionalInterface
    interface Issuer {
        IssuedLetter issue(Handle h, String caseId, LetterKind kind, Optional<LetterInput.Extension> extension,
                Optional<LetterInput.Reconsideration> reconsideration,
                Optional<LetterInput.InformationRequest> informationRequest);
    }

    /** A step that calls for a notice. */
    sealed interface Step permits Extended, Reconsidered, InformationRequested {}

    /** The decision clock was extended: the extension (days, by whom, why) and the new due time. */
    record Extended(ReviewCase.Extension extension, Instant dueAt) implements Step {}

    /**
     * A case in reconsideration was decided: by a reviewer, or approved by the machine on new
     * information; {@code decider} is who the letter names.
     */
    record Reconsidered(ReviewCase.Decision decision, LetterInput.Decider decider) implements Step {}

    /** A reviewer asked the provider for the missing information, with a note or without. */
    record InformationRequested(LetterInput.InformationRequest request) implements Step {}

    private final Issuer issuer;

    Notices(Issuer issuer) {
        this.issuer = issuer;
    }

    /** Issues the notice of {@code step} on case {@code caseId}, in the transaction of {@code h}. */
    void issue(Handle h, String caseId, Step step) {
        if (step instanceof Extended x) {
            Instant previous = x.dueAt().minus(Duration.ofDays(x.extension().days()));
            issuer.issue(h, caseId, LetterKind.EXTENSION,
                    Optional.of(new LetterInput.Extension(previous, x.dueAt(), x.extension().reason())), Optional.empty(),
                    Optional.empty());
        } else if (step instanceof Reconsidered r) {
            issuer.issue(h, caseId, LetterKind.RECONSIDERATION, Optional.empty(), Optional.of(
                    new LetterInput.Reconsideration(r.decision().verdict() == Verdict.APPROVE, r.decider())), Optional.empty());
        } else if (step instanceof InformationRequested i) {
            issuer.issue(h, caseId, LetterKind.INFORMATION_REQUEST, Optional.empty(), Optional.empty(),
                    Optional.of(i.request()));
        }
    }
}
