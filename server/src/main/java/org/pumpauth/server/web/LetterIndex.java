package org.pumpauth.server.web;

import java.util.List;
import java.util.Optional;

/**
 * The letters of a case, as the case page lists and shows them: {@link StoredLetters}, the ones the
 * service stored with the case; {@link #NONE} for a workspace without letters.
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

    /** No letters. */
    LetterIndex NONE = new LetterIndex() {
        @Override
        public List<Letter> list(String caseId) {
            return List.of();
        }

        @Override
        public Optional<String> html(String caseId, String letterId) {
            return Optional.empty();
        }
    };
}
