package org.pumpauth.server.web;

import java.util.List;
import java.util.Optional;

/**
 * The letters of a case, as the case page lists and shows them: {@link StoredLetters}, the ones the
 * service stored with the case (tests give their own).
 */
public interface LetterIndex {
    /** A letter issued for a case: its id, its kind in words, when it was issued. */
    record Letter(String id, String title, java.time.Instant issuedAt) {
        /** When it was issued, in words. */
        public String issued() {
            return QueuePage.WHEN.format(issuedAt);
        }
    }

    /** The case's letters, oldest first. */
    List<Letter> list(String caseId);

    /** The letter as an HTML document, if the case has that letter. */
    Optional<String> html(String caseId, String letterId);
}
