package org.pumpauth.cli;

import java.util.ArrayList;
import java.util.List;

/** Word-wraps text for a terminal: policy sentences run to several hundred characters. */
final class Wrap {
    /** The widest line the CLI prints (prefix included); a single longer word is kept whole. */
    static final int WIDTH = 100;

    private Wrap() {}

    /** Joins words that must stay on one line ({@code weeks = 16}); printed as a plain space. */
    static final char KEEP = '\u00a0';

    /**
     * The text as lines of at most {@link #WIDTH} characters: the first starts with {@code first},
     * the others with {@code rest} (a hanging indent). Breaks only at whitespace, never at {@link #KEEP}.
     */
    static List<String> lines(String first, String rest, String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.strip().split("\\s+")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        lines.add(line.toString().stripTrailing());
        lines.replaceAll(l -> l.replace(KEEP, ' '));
        return lines;
    }

    /** {@link #lines} joined, each line ended by a newline. */
    static String text(String first, String rest, String text) {
        StringBuilder out = new StringBuilder();
        for (String line : lines(first, rest, text)) {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
