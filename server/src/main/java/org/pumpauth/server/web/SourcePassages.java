package org.pumpauth.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The passage of a source document a citation points into ({@code 000_x.txt § HEADING}): the heading
 * line and the text under it up to the next heading, read from the built-in {@code policies/sources/}.
 * A heading is a line in capitals, as the converted policy documents set them.
 */
public final class SourcePassages {
    private static final String ROOT = "/org/pumpauth/policies/sources/";
    private static final int MAX_LINES = 40;
    private final Map<String, List<String>> documents = new ConcurrentHashMap<>();

    /** A passage: the document, the heading as it stands in it, and the lines beneath it. */
    public record Passage(String document, String heading, List<String> lines) {}

    public Optional<Passage> find(String citation) {
        int mark = citation.indexOf(" § ");
        if (mark < 0) {
            return Optional.empty();
        }
        String document = citation.substring(0, mark).strip();
        String heading = citation.substring(mark + 3).strip();
        if (!document.matches("[0-9]{3}_[0-9a-f]{16}\\.txt") || heading.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = documents.computeIfAbsent(document, SourcePassages::read);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            // The table of contents repeats headings with a page number after a tab: skip those.
            if (line.contains("\t") || !line.startsWith(heading)) {
                continue;
            }
            List<String> body = new ArrayList<>();
            for (int j = i + 1; j < lines.size() && body.size() < MAX_LINES; j++) {
                String next = lines.get(j).strip();
                if (isHeading(next)) {
                    break;
                }
                if (!next.isEmpty()) {
                    body.add(next);
                }
            }
            return Optional.of(new Passage(document, line, body));
        }
        return Optional.empty();
    }

    static boolean isHeading(String line) {
        if (line.length() < 4 || line.length() > 120 || line.startsWith("-")) {
            return false;
        }
        String letters = line.replaceAll("~~[^~]*~~", "").replaceAll("[^A-Za-z]", "");
        return letters.length() >= 4 && letters.equals(letters.toUpperCase(java.util.Locale.ROOT));
    }

    private static List<String> read(String document) {
        try (InputStream in = SourcePassages.class.getResourceAsStream(ROOT + document)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
