package org.pumpauth.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pumpauth.server.testing.MutableClock;

/** New case ids: time-ordered UUIDs, so new cases are appended to the database's indexes. */
class CaseIdsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
    private final CaseIds ids = new CaseIds(clock);

    @Test
    void an_id_is_a_version_7_uuid_that_starts_with_the_time_it_was_made() {
        UUID id = UUID.fromString(ids.next());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
    }

    @Test
    void ids_sort_in_the_order_they_were_made_within_a_millisecond_across_milliseconds_and_when_the_clock_goes_back() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) { // more than the 2,048 left for one millisecond
            made.add(ids.next());
        }
        clock.advance(Duration.ofMillis(1));
        made.add(ids.next());
        clock.advance(Duration.ofSeconds(-5));
        made.add(ids.next());

        assertThat(made).isSorted().doesNotHaveDuplicates();
    }
}
