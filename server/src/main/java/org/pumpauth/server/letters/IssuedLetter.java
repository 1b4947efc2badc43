package org.pumpauth.server.letters;

import org.pumpauth.server.audit.Document;

/** A letter with its canonical content: the HTML, stored as a document under its SHA-256. */
public record IssuedLetter(Letter letter, Document html) {
    public IssuedLetter {
        if (!letter.sha256().equals(html.hash())) {
            throw new IllegalArgumentException("a letter's hash is the hash of its HTML");
        }
    }
}
