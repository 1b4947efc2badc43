package org.pumpauth.server.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Two texts compared word by word (the longest common run of words kept), so a reader sees which
 * words a new version struck and which it added: ">= 50%" becoming ">= 60%" is one word each way.
 */
public final class WordDiff {
    private WordDiff() {}

    /** A run of words: kept in both, only in the earlier text, or only in the later one. */
    public record Part(String kind, String text) {
        public boolean kept() {
            return kind.equals("kept");
        }

        public boolean removed() {
            return kind.equals("removed");
        }

        public boolean added() {
            return kind.equals("added");
        }
    }

    /** Texts longer than this many words are shown as removed and added whole (the table grows as the square). */
    private static final int MAX_WORDS = 2_000;

    static List<Part> of(String before, String after) {
        String[] a = words(before);
        String[] b = words(after);
        List<Part> parts = new ArrayList<>();
        if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
            add(parts, "removed", before);
            add(parts, "added", after);
            return parts;
        }
        // common[i][j]: the longest common run of words of a[i..] and b[j..].
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                add(parts, "kept", a[i++]);
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                add(parts, "removed", a[i++]); // on a tie the struck words come first, as in a redline
            } else {
                add(parts, "added", b[j++]);
            }
        }
        return parts;
    }

    private static String[] words(String text) {
        String t = text.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    /** Appends a word to the last part when it is of the same kind, so runs read as phrases. */
    private static void add(List<Part> parts, String kind, String word) {
        if (word.isEmpty()) {
            return;
        }
        if (!parts.isEmpty() && parts.get(parts.size() - 1).kind().equals(kind)) {
            Part last = parts.remove(parts.size() - 1);
            parts.add(new Part(kind, last.text() + " " + word));
        } else {
            parts.add(new Part(kind, word));
        }
    }
}
