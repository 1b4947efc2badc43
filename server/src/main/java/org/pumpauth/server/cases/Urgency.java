package org.pumpauth.server.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The decision clock's two timeframes: expedited 72 hours, standard 7 calendar days after
 * receipt (CMS prior-authorization timeframes for Medicare Advantage from 2026, CMS-0057-F); and
 * for a reconsideration, from the appeal: expedited 72 hours, standard 30 calendar days (a
 * pre-service reconsideration, 42 CFR 422.590(a) and (e)).
 */
public enum Urgency {
    STANDARD(Duration.ofDays(7), Duration.ofDays(30)),
    EXPEDITED(Duration.ofHours(72), Duration.ofHours(72));

    private final Duration timeframe;
    private final Duration reconsiderationTimeframe;

    Urgency(Duration timeframe, Duration reconsiderationTimeframe) {
        this.timeframe = timeframe;
        this.reconsiderationTimeframe = reconsiderationTimeframe;
    }

    /** The urgency named exactly by its code, else empty. */
    public static java.util.Optional<Urgency> parse(String code) {
        return java.util.Arrays.stream(values()).filter(u -> u.code().equals(code)).findFirst();
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

    /** When a reconsideration appealed at {@code appealedAt} is due. */
    public Instant reconsiderationDueAt(Instant appealedAt) {
        return appealedAt.plus(reconsiderationTimeframe);
    }
}
