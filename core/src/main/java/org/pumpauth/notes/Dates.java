package org.pumpauth.notes;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as notes write them, with a day: 2024-03-12, 03/12/2024, 3/12/24, March 12, 2024, 12-Mar-2024. */
final class Dates {

    record Found(LocalDate date, int start, int end) {
        String iso() {
            return date.toString();
        }
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private static final Pattern DATE = Pattern.compile(
            "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"
                    + "|\\b(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b"
                    + "|\\b([A-Z][a-z]{2,8})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b"
                    + "|\\b(\\d{1,2})[- ]([A-Z][a-z]{2,8})[- ](\\d{4})\\b");

    private Dates() {}

    /** The first date with a day in the text's characters [from, to). */
    static Optional<Found> after(String text, int from, int to) {
        Matcher m = DATE.matcher(text).region(from, to);
        while (m.find()) {
            Optional<LocalDate> d = parse(m);
            if (d.isPresent()) {
                return Optional.of(new Found(d.get(), m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> parse(Matcher m) {
        try {
            if (m.group(1) != null) {
                return Optional.of(LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3))));
            }
            if (m.group(4) != null) {
                int year = num(m.group(6));
                return Optional.of(LocalDate.of(year < 100 ? 2000 + year : year, num(m.group(4)), num(m.group(5))));
            }
            if (m.group(7) != null) {
                return month(m.group(7)).map(mo -> LocalDate.of(num(m.group(9)), mo, num(m.group(8))));
            }
            return month(m.group(11)).map(mo -> LocalDate.of(num(m.group(12)), mo, num(m.group(10))));
        } catch (DateTimeException e) {
            return Optional.empty(); // 02/30/2024 is not a date
        }
    }

    private static Optional<Integer> month(String name) {
        return Optional.ofNullable(MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT)));
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }
}
