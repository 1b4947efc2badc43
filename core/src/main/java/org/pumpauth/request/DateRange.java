package org.pumpauth.request;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The dates and instants the contract accepts: from 1900-01-01 to 9999-12-31 (instants in UTC).
 * No member of a plan was born before 1900, and nothing needs a year of five digits; outside that
 * range, Java's and the databases' calendars disagree (PostgreSQL ends in the year 294276, an offset
 * can push an instant past Java's), so a request that leaves it is refused as it is read.
 */
public final class DateRange {
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** How an error message names the range of instants. */
    public static final String INSTANTS = "from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z";
    /** How an error message names the range of dates. */
    public static final String DATES = "from 1900-01-01 to 9999-12-31";

    private DateRange() {}

    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /**
     * An ISO-8601 instant with a zone ({@code Z} or an offset) within the range, else empty: the text
     * is not one, or it is outside the range, or too far out for Java's calendar at all.
     */
    public static Optional<Instant> instant(String text) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            try {
                instant = Instant.parse(text);
            } catch (DateTimeException again) {
                return Optional.empty();
            }
        }
        return contains(instant) ? Optional.of(instant) : Optional.empty();
    }

    /** An ISO-8601 date {@code YYYY-MM-DD} within the range, else empty. */
    public static Optional<LocalDate> date(String text) {
        try {
            LocalDate date = LocalDate.parse(text);
            return contains(date) ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
