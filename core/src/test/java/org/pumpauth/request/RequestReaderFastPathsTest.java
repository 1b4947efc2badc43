package org.pumpauth.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the reader answers for dates and for the paths of the fields it ignores or rejects,
 * pinned so that work on its speed cannot change them.
 */
class RequestReaderFastPathsTest {
    private static final RequestReader READER = new RequestReader();
    private static final String HEAD = "\"requestId\": \"R-1\", \"service\": {\"kind\": \"trial\"}, ";

    private static List<String> problems(String json) {
        InvalidRequestException e = catchThrowableOfType(() -> READER.read(json), InvalidRequestException.class);
        assertThat(e).as(json).isNotNull();
        return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
    }

    @Test
    void reads_iso_dates_and_instants_from_1900_to_9999() {
        ReviewRequest r = READER.read("{" + HEAD + "\"serviceDate\": \"2024-02-29\", \"receivedAt\": \"2024-05-06T10:48:00-04:00\","
                + " \"intraspinalTrials\": [{\"date\": \"1900-01-01\"}, {\"date\": \"9999-12-31\"}]}");
        assertThat(r.serviceDate(LocalDate.EPOCH)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(r.receivedAt()).contains(Instant.parse("2024-05-06T14:48:00Z"));
        Field trials = RequestContract.field("intraspinalTrials");
        Field date = trials.items().orElseThrow().field("date").orElseThrow();
        List<?> items = (List<?>) r.valueOf(trials);
        assertThat(((Item) items.get(0)).valueOf(date)).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(((Item) items.get(1)).valueOf(date)).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(READER.read("{" + HEAD + "\"receivedAt\": \"2024-05-06T14:48:00Z\"}").receivedAt())
                .contains(Instant.parse("2024-05-06T14:48:00Z"));
    }

    @Test
    void rejects_dates_that_are_not_iso_or_not_on_the_calendar() {
        for (String bad : List.of("2023-02-29", "2024-13-01", "2024-04-31", "2024-1-01", "2024/01/01", "20240101",
                "2024-01-01T00:00", " 2024-01-01", "2024-01-0\u0661", "10000-01-01", "", "0001-01-01", "1899-12-31",
                "+10000-12-31", "-2024-01-01")) {
            assertThat(problems("{" + HEAD + "\"serviceDate\": \"" + bad + "\"}")).as(bad)
                    .containsExactly("serviceDate: must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31");
        }
    }

    @Test
    void names_nested_and_listed_fields_by_their_json_path() {
        assertThat(problems("{\"requestId\": \"R-1\", \"pain\": {\"score\": 11}, \"conservativeTherapy\": 3,"
                + " \"indication\": {\"conditions\": [\"a\", 7]},"
                + " \"intraspinalTrials\": [{\"reliefPercent\": 50}, 4, {\"date\": \"x\", \"mode\": \"drip\"}],"
                + " \"service\": {\"kind\": \"trial\", \"codes\": \"62350\"}}"))
                .containsExactly(
                        "pain.score: must be a number from 0 to 10",
                        "conservativeTherapy: must be an object",
                        "indication.conditions[1]: must be a string",
                        "intraspinalTrials[1]: must be an object",
                        "intraspinalTrials[2].date: must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31",
                        "intraspinalTrials[2].mode: is not an allowed value; allowed: bolus, continuous",
                        "service.codes: must be an array of strings");
    }

    @Test
    void lists_ignored_fields_by_their_json_path() {
        ReviewRequest r = READER.read("{" + HEAD + "\"extra\": {\"a\": 1}, \"pain\": {\"colour\": \"red\"},"
                + " \"intraspinalTrials\": [{}, {\"nurse\": \"J\"}]}");
        assertThat(r.ignoredFields()).containsExactly("extra", "pain.colour", "intraspinalTrials[1].nurse");
    }
}
