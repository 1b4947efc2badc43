package org.pumpauth.server.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * New case ids: UUIDs of version 7 (RFC 9562), whose first 48 bits are the time in milliseconds and
 * the other 74 random. Ids made one after another sort in the order they were made, so the database
 * appends each new case, its determinations and its audit entries at the end of their indexes instead
 * of rewriting a page somewhere in the middle of each: the embedded database stores cases about twice
 * as fast. An id still says nothing of the case but when it was received, and is not a credential:
 * every read checks the caller's key.
 */
final class CaseIds {
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private long lastMillis;
    private long lastSequence; // the 12 bits after the time, counted up within one millisecond

    CaseIds(Clock clock) {
        this.clock = clock;
    }

    synchronized String next() {
        long millis = clock.millis();
        long sequence;
        if (millis <= lastMillis) {
            // Within one millisecond (or a clock set back): keep the order by counting on from the last id.
            millis = lastMillis;
            sequence = lastSequence + 1;
            if (sequence > 0xFFF) {
                millis++;
                sequence = random.nextInt(0x800);
            }
        } else {
            sequence = random.nextInt(0x800); // half the range left for ids in the same millisecond
        }
        lastMillis = millis;
        lastSequence = sequence;
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | sequence;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
