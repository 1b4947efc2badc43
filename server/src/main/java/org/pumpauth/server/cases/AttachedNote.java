package org.pumpauth.server.cases;

import java.time.Instant;

/**
 * A clinical note attached to a case, as the case lists it: its name ({@code attachments[0]} on, what
 * the proposals it makes name), its kind (the media type it was sent as), when it was attached and
 * how many characters of text were read from it. Never its text.
 */
public record AttachedNote(String note, String mediaType, Instant attachedAt, int characters) {}
