package org.pumpauth.determination;

/** A request field that would decide the case, and the plain-language request for it. */
public record MissingInformation(String field, String request) {}
