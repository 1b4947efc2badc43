package org.pumpauth.server.audit;

import java.util.Objects;

/** A text stored once under the SHA-256 of its UTF-8 bytes, by which cases and audit entries reference it. */
public record Document(String hash, String content) {
    public Document {
        Objects.requireNonNull(hash);
        Objects.requireNonNull(content);
    }

    public static Document of(String content) {
        return new Document(Sha256.hex(content), content);
    }
}
