package org.pumpauth.server.letters;

import java.time.Instant;

/** A letter as the case lists it: its id, kind, when it was issued and the SHA-256 of its HTML. */
public record Letter(String id, String caseId, LetterKind kind, Instant createdAt, String sha256) {}
