package org.pumpauth.server.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The decision clock's two timeframes: expedited 72 hours, standard 7 calendar days after
 * receipt (CMS prior-authorization timeframes for Medicare Advantage from 2026, CMS-0057-F).
 */
public enum Urgency {
    STANDARD(Duration.ofDays(7)),
    EXPEDITED(Duration.ofHours(72));

    private final Duration timeframe;

    Urgency(Duration timeframe) {
        this.timeframe = timeframe;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Urgency of(String code) {
        return "expedited".equals(code) ? EXPEDITED : STANDARD;
    }

    /** When a case received at {@code receivedAt} is due; a request for information does not stop the clock. */
    public Instant dueAt(Instant receivedAt) {
        return receivedAt.plus(timeframe);
    }
}
