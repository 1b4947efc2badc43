/**
 * Evidence from clinical notes: ConText assertion (negation, temporality, experiencer) and the
 * reader that proposes request facts from a note's text, each with its evidence spans.
 */
package org.pumpauth.notes;
