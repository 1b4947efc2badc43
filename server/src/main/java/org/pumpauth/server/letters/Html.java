package org.pumpauth.server.letters;

/** A small XHTML writer: every text it is given is escaped, so markup in a request or a note stays text. */
final class Html {
    private final StringBuilder out = new StringBuilder(8192);

    static String escape(String text) {
        int first = firstToEscape(text);
        if (first == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        appendEscaped(b, text, first);
        return b.toString();
    }

    /** Where the first character to replace is, or the text's length: most texts have none, and are appended whole. */
    private static int firstToEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '"' || c == '\'' || c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                return i;
            }
        }
        return text.length();
    }

    private static void appendEscaped(StringBuilder b, String text, int first) {
        b.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // XML 1.0 has no place for other control characters: a request's text cannot break the letter.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
    }

    /** Markup written as is: only for the letter's own tags, never for a value. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String text) {
        appendEscaped(out, text, firstToEscape(text));
        return this;
    }

    /** An element with escaped text and optional attributes (name, value pairs; values escaped). */
    Html element(String tag, String text, String... attributes) {
        open(tag, attributes);
        text(text);
        return close(tag);
    }

    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"");
            text(attributes[i + 1]);
            out.append('"');
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
