package org.pumpauth.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The words every match of a pattern contains, so a note without them is not scanned. */
class NeedlesTest {

    @Test
    void alternatives_give_one_needle_each_and_the_longest_literal_run_is_chosen() {
        assertThat(Needles.of("(?i)\\b(no|without)\\s+(signs?\\s+of\\s+)?(pocket|site) infection\\b"))
                .containsExactly(" infection");
        assertThat(Needles.of("(?i)\\b(TFESI|ESI|nerve block)\\b")).containsExactly("tfesi", "esi", "nerve block");
        assertThat(Needles.of("(?i)\\bNKDA\\b|\\bno known (drug )?allergies\\b")).containsExactly("nkda", "no known ");
    }

    @Test
    void a_pattern_that_needs_no_literal_has_no_needles_and_is_always_scanned() {
        assertThat(Needles.of("\\b(\\d{1,2})\\s*/\\s*10\\b")).containsExactly("10");
        assertThat(Needles.of("(?i)(a|\\d+)x")).containsExactly("x");
        assertThat(Needles.of("(?i)(a|\\d+)")).isEmpty();
        assertThat(Needles.mayMatch(java.util.regex.Pattern.compile("\\d+"), "anything")).isTrue();
    }

    @Test
    void optional_parts_and_look_arounds_give_nothing() {
        assertThat(Needles.of("(?i)(?<!non[- ])\\b(cancer|malignant)[- ](related\\s+)?pain\\b")).containsExactly("cancer", "malignant");
        assertThat(Needles.of("(?i)\\b(CBT|pain psychology)\\b(?=[^.]{0,20}\\bpain\\b)")).containsExactly("cbt", "pain psychology");
    }

    @Test
    void a_pattern_whose_matches_all_start_at_a_needle_and_look_no_further_left_is_scanned_from_its_first_needle() {
        assertThat(Needles.matchStartsAtNeedle(NoteRule.words("\\b(heat|ice)\\b"))).isTrue();
        assertThat(Needles.matchStartsAtNeedle(NoteRule.words("\\bno known (drug )?allergies\\b|\\bNKDA\\b"))).isTrue();
        assertThat(Needles.matchStartsAtNeedle(NoteRule.words("(?<!non[- ])\\b(cancer|malignant)[- ]pain\\b"))).isFalse();
        assertThat(Needles.matchStartsAtNeedle(NoteRule.words("^\\s*(pain|VAS)"))).isFalse();
        assertThat(Needles.matchStartsAtNeedle(NoteRule.words("\\b(\\d{1,3})\\s+weeks\\b"))).isFalse();
        assertThat(Needles.matchStartsAtNeedle(NoteRule.words("\\b(severe )?pain\\b"))).isFalse();
    }

    @Test
    void a_needle_right_after_a_word_boundary_must_start_a_word() {
        assertThat(Needles.needles("(?i)\\b((?-i:PT|OT)|physical therapy)\\b")).containsExactly(
                new Needles.Needle("pt", true, true), new Needles.Needle("ot", true, true), new Needles.Needle("physical therapy", true, true));
        assertThat(Needles.needles("(?i)(?<!non[- ])\\b(cancer|malignant)[- ]pain\\b"))
                .containsExactly(new Needles.Needle("cancer", true, true), new Needles.Needle("malignant", true, true));
        assertThat(Needles.needles("(?i)\\bno known (drug )?allergies\\b")).containsExactly(new Needles.Needle("no known ", true, true));
        assertThat(Needles.needles("(?i)\\b(\\d{1,3})\\s+weeks\\b")).containsExactly(new Needles.Needle("weeks", false, false));
        assertThat(Needles.needles("(?i)(a|\\d+)x")).containsExactly(new Needles.Needle("x", false, false));
    }

    /** Patterns of the shapes the rules use, and the hedge words every rule asks about. */
    private static final List<Pattern> PATTERNS = List.of(
            NoteRule.HEDGE,
            NoteRule.words("\\b((?-i:PT|OT)|physical therapy|home (stretching )?program)\\b"),
            NoteRule.words("(?<!non[- ])\\b(cancer|malignant)[- ](related\\s+)?pain\\b"),
            NoteRule.words("\\bNKDA\\b|\\bno known (drug )?allergies\\b"),
            NoteRule.words("\\b(heat|ice)\\b"),
            NoteRule.words("(heat|ice)"),
            NoteRule.words("\\b(severe|mild)\\b[^.]{0,20}\\bpain\\b"),
            NoteRule.words("\\b(\\d{1,2})\\s*(/|out of)\\s*10\\b"),
            NoteRule.words("\\b(CBT|pain psychology)\\b(?=[^.]{0,20}\\bpain\\b)"),
            Pattern.compile("\\bTENS\\b"));
    private static final List<String> WORDS = List.of("pt", "PT", "Pt", "except", "not", "OT", "physical therapy", "implant",
            "plan", "planned", "if", "significant", "will", "would like", "risks of", "no known", "allergies", "NKDA",
            "cancer", "non-cancer", "non cancer", "pain", "8/10", "10", "_pt", "pt_", "\u00c9pt", "e\u0301pt", "\ud835\udc00pt",
            "ice", "device", "heat", "e\u0301PT", "\ud835\udc00PT", "e\u0301heat", "\ud835\udc00ice", "_TENS",
            "CBT", "TENS", "tens", "home program", "stretching", "\u212aNKDA", "a".repeat(1_200));
    private static final List<String> BETWEEN = List.of(" ", " ", ". ", "; ", "\n", "-", ", ", "", ":");

    /**
     * The law the speed of the reader rests on, over random notes made of needles inside and at the
     * edges of words, marks, surrogate pairs and sentences cut mid-word: every sentence a pattern
     * matches is a candidate, {@code each} finds what a scan of every sentence from its start finds,
     * and {@code finds} answers as a scan of the region does.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void no_sentence_a_pattern_matches_is_left_unscanned(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 40; round++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                String word = WORDS.get(random.nextInt(WORDS.size() - (random.nextInt(20) == 0 ? 0 : 1)));
                text.append(word).append(BETWEEN.get(random.nextInt(BETWEEN.size())));
            }
            Note note = new Note(text.toString());
            for (Pattern pattern : PATTERNS) {
                List<String> found = new java.util.ArrayList<>();
                NoteRule.each(note, pattern, (s, m) -> found.add(s.start() + ":" + m.start() + "-" + m.end()));
                List<String> scanned = new java.util.ArrayList<>();
                for (Note.Sentence s : note.sentences) {
                    java.util.regex.Matcher m = pattern.matcher(note.text).region(s.start(), s.end());
                    while (m.find()) {
                        scanned.add(s.start() + ":" + m.start() + "-" + m.end());
                    }
                }
                assertThat(found).as("%s in %s", pattern, note.text).isEqualTo(scanned);
                List<Note.Sentence> candidates = NoteRule.candidates(note, pattern);
                for (Note.Sentence s : note.sentences) {
                    boolean matches = pattern.matcher(note.text).region(s.start(), s.end()).find();
                    if (matches) {
                        assertThat(candidates).as("%s in %s", pattern, s.text()).contains(s);
                    }
                    int to = s.start() + random.nextInt(s.end() - s.start() + 1);
                    assertThat(NoteRule.finds(note, pattern, s, to)).as("%s in %s up to %d", pattern, s.text(), to)
                            .isEqualTo(pattern.matcher(note.text.substring(s.start(), to)).find());
                }
            }
        }
    }

    @Test
    void reading_notes_again_keeps_no_new_pattern_readings() {
        // A trial report, a pain note and a device note: every rule reads one of them.
        String[] notes = {
            "Date of procedure: 2024-05-30. Intrathecal morphine bolus trial. Pain 8/10 before, 3/10 after; side"
                    + " effects were tolerable. Patient wishes to proceed. Outpatient; 3-day infusion.",
            "Failed back surgery syndrome. Pain 7/10 despite physical therapy for 12 weeks. No suicidal ideation.",
            "Pump interrogation: battery is depleted, ERI alarm. No pocket infection."};
        NoteReader reader = new NoteReader();
        for (String note : notes) {
            reader.read(note);
        }
        int kept = Needles.cached();
        for (int i = 0; i < 3; i++) {
            for (String note : notes) {
                reader.read(note);
            }
        }
        assertThat(Needles.cached()).as("pattern readings kept after reading the same notes again").isEqualTo(kept);
    }
}
