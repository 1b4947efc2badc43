package org.pumpauth.server.web;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.pumpauth.server.letters.Letters;

/**
 * The letters the service stored with each case, for the case page. The page loads the case with the
 * signed-in key first, so only a key that may see the case reaches its letters.
 */
public final class StoredLetters implements LetterIndex {
    private final Jdbi jdbi;

    public StoredLetters(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Letter> list(String caseId) {
        return jdbi.withHandle(h -> Letters.list(h, caseId)).stream()
                .map(l -> new Letter(l.id(), l.kind().title(), l.createdAt()))
                .toList();
    }

    @Override
    public Optional<String> html(String caseId, String letterId) {
        return jdbi.withHandle(h -> Letters.find(h, caseId, letterId)).map(l -> l.html().content());
    }
}
