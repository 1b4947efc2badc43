package org.pumpauth.notes;

/** One lower-cased word of a sentence and where it is. */
record Word(String text, int start, int end) {}
