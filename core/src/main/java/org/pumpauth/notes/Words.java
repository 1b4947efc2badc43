package org.pumpauth.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A sentence's words, lower-cased, with their character offsets: what ConText's triggers match. */
final class Words {

    private Words() {}

    /**
     * Letters and digits, joined by an inner apostrophe or slash ("patient's", "s/p"); a hyphen
     * separates ("two-day" is two words, so "day history of" finds it); a colon and a semicolon are words of their own (a section label ends there).
     */
    static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                i++;
                while (i < n) {
                    char d = text.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        i++;
                    } else if ((d == '\'' || d == '/') && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                words.add(new Word(text.substring(start, i).toLowerCase(Locale.ROOT), start, i));
            } else {
                if (c == ':' || c == ';') {
                    words.add(new Word(String.valueOf(c), i, i + 1));
                }
                i++;
            }
        }
        return words;
    }
}
