package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The policies diff's word-by-word comparison: what a medical director reads as struck and added words. */
class WordDiffTest {

    @Test
    void a_changed_threshold_is_one_word_struck_and_one_added_the_rest_kept() {
        assertThat(WordDiff.of("relief of at least 50% with the trial", "relief of at least 60% with the trial")).containsExactly(
                new WordDiff.Part("kept", "relief of at least"), new WordDiff.Part("removed", "50%"),
                new WordDiff.Part("added", "60%"), new WordDiff.Part("kept", "with the trial"));
    }

    @Test
    void words_added_at_the_end_and_struck_at_the_start_are_runs_of_their_own() {
        assertThat(WordDiff.of("An intraspinal drug trial", "intraspinal drug trial in non-terminal individuals"))
                .containsExactly(new WordDiff.Part("removed", "An"), new WordDiff.Part("kept", "intraspinal drug trial"),
                        new WordDiff.Part("added", "in non-terminal individuals"));
    }

    @Test
    void equal_texts_are_kept_whole_and_an_empty_text_is_all_added() {
        assertThat(WordDiff.of("same  words", "same words")).containsExactly(new WordDiff.Part("kept", "same words"));
        assertThat(WordDiff.of("", "new words")).containsExactly(new WordDiff.Part("added", "new words"));
        assertThat(WordDiff.of("none", "")).containsExactly(new WordDiff.Part("removed", "none"));
    }

    /** A law over seeded random texts: the earlier words are the kept and removed ones, the later the kept and added. */
    @Test
    void the_earlier_text_is_its_kept_and_removed_words_and_the_later_its_kept_and_added_words() {
        String[] vocabulary = {"pain", "relief", "50%", "trial", "of", "the", "at", "least", "weeks", "12", "not"};
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            String before = words(random, vocabulary);
            String after = words(random, vocabulary);
            List<WordDiff.Part> parts = WordDiff.of(before, after);
            assertThat(join(parts, "added")).as("seed %d: %s -> %s", seed, before, after).isEqualTo(before);
            assertThat(join(parts, "removed")).as("seed %d: %s -> %s", seed, before, after).isEqualTo(after);
            int kept = parts.stream().filter(WordDiff.Part::kept).mapToInt(p -> p.text().split(" ").length).sum();
            assertThat(kept).as("seed %d: the kept words are a longest common run", seed)
                    .isEqualTo(longestCommon(before.isEmpty() ? new String[0] : before.split(" "),
                            after.isEmpty() ? new String[0] : after.split(" ")));
            for (int i = 1; i < parts.size(); i++) {
                assertThat(parts.get(i).kind()).as("seed %d: neighbouring parts differ in kind", seed)
                        .isNotEqualTo(parts.get(i - 1).kind());
            }
        }
    }

    private static String words(Random random, String[] vocabulary) {
        List<String> words = new ArrayList<>();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            words.add(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return String.join(" ", words);
    }

    private static String join(List<WordDiff.Part> parts, String leaveOut) {
        return parts.stream().filter(p -> !p.kind().equals(leaveOut)).map(WordDiff.Part::text).collect(Collectors.joining(" "));
    }

    private static int longestCommon(String[] a, String[] b) {
        int[][] t = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                t[i][j] = a[i - 1].equals(b[j - 1]) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.length][b.length];
    }
}
