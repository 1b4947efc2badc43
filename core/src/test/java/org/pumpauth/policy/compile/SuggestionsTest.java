package org.pumpauth.policy.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The name a hint offers for a misspelt one, and none where nothing is close. */
class SuggestionsTest {
    private static final List<String> FACTS =
            List.of("pain.score", "pain.duration", "indication.category", "age", "terminal", "service.route");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "pain.scor, pain.score",        // a letter left out
        "pain.socre, pain.score",       // two letters swapped
        "Pain.Score, pain.score",       // case
        "score, pain.score",            // the last part of the path
        "indication.catgory, indication.category",
        "agee, age",
    })
    void a_near_miss_suggests_the_name_meant(String typed, String meant) {
        assertThat(Suggestions.closest(typed, FACTS)).contains(meant);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"weight", "reliefPercent", "xy", "service.drug.class"})
    void a_name_far_from_every_candidate_suggests_nothing(String typed) {
        assertThat(Suggestions.closest(typed, FACTS)).isEmpty();
    }
}
