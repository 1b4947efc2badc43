package org.pumpauth.server.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flesch-Kincaid grade level of a text: 0.39 (words / sentences) + 11.8 (syllables / words) - 15.59.
 * Syllables are counted as groups of vowels (a final silent e dropped, at least one per word); a
 * token without letters (a number, a telephone number) counts as one word of one syllable.
 */
final class Readability {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9'\\-]*");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

    private Readability() {}

    static double grade(List<String> paragraphs) {
        int sentences = 0;
        int words = 0;
        int syllables = 0;
        for (String p : paragraphs) {
            String text = p.strip();
            if (text.isEmpty()) {
                continue;
            }
            int ends = 0;
            for (String s : text.split("(?<=[.!?:;])\\s+")) {
                if (!s.isBlank()) {
                    ends++;
                }
            }
            sentences += Math.max(1, ends);
            for (String word : words(text)) {
                words++;
                syllables += syllables(word);
            }
        }
        if (words == 0) {
            return 0;
        }
        return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 1;
        }
        if (w.length() > 2 && w.endsWith("e") && !w.endsWith("le")) {
            w = w.substring(0, w.length() - 1);
        }
        int count = 0;
        Matcher m = VOWELS.matcher(w);
        while (m.find()) {
            count++;
        }
        return Math.max(1, count);
    }
}
