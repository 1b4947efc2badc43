package org.pumpauth.server.letters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain meaning of the words letters quote ({@code terms.tsv}), and plain labels for the request's
 * field names and values, so that no term reaches a member without its meaning beside it.
 */
final class PlainWords {
    private final List<Term> terms;

    /** A word and its meaning; {@code pattern} matches it as a whole word. */
    record Term(String word, String meaning, Pattern pattern) {}

    /** Each term's word in lower case: a text that does not contain it cannot match, and is not searched. */
    private final List<String> lowerWords;

    private PlainWords(List<Term> terms) {
        this.terms = List.copyOf(terms);
        this.lowerWords = terms.stream().map(t -> t.word().toLowerCase(Locale.ROOT)).toList();
    }

    static PlainWords builtIn() {
        try (InputStream in = PlainWords.class.getResourceAsStream("terms.tsv")) {
            if (in == null) {
                throw new IllegalStateException("terms.tsv is missing from the build");
            }
            List<Term> terms = new ArrayList<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("term\t") && !l.isBlank())
                    .forEach(l -> {
                        String[] cols = l.split("\t", -1);
                        boolean prefix = cols[0].endsWith("*");
                        String word = prefix ? cols[0].substring(0, cols[0].length() - 1) : cols[0];
                        terms.add(new Term(word, cols[1], Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(word)
                                + (prefix ? "[A-Za-z]*" : "") + "(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE)));
                    });
            return new PlainWords(terms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A term a text contains: the words as the text writes them (in lower case) and their meaning. */
    private record Hit(String as, String meaning) {}

    /**
     * Each text's hits, in order of appearance, for texts up to {@link #MEMO_TEXT} characters: letters
     * quote the same policy texts again and again (a criterion's words, its citation), and finding a
     * text's terms is most of a letter's cost. Bounded: past {@link #MEMO_SIZE} texts it starts afresh.
     */
    private final Map<String, List<Hit>> memo = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MEMO_TEXT = 2_000;
    private static final int MEMO_SIZE = 4_096;

    /** The terms that appear in the texts, each once, as the text writes it, with their meanings, in order of appearance. */
    Map<String, String> termsIn(List<String> texts) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String text : texts) {
            for (Hit hit : hits(text)) {
                if (found.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(hit.as())) && !found.containsValue(hit.meaning())) {
                    found.put(hit.as(), hit.meaning());
                }
            }
        }
        return found;
    }

    private List<Hit> hits(String text) {
        if (text.length() > MEMO_TEXT) {
            return find(text);
        }
        List<Hit> hits = memo.get(text);
        if (hits == null) {
            hits = find(text);
            if (memo.size() >= MEMO_SIZE) {
                memo.clear();
            }
            memo.put(text, hits);
        }
        return hits;
    }

    /** The terms the text contains, each at its first place, in order of those places. */
    private List<Hit> find(String text) {
        List<int[]> spans = new ArrayList<>();
        List<Term> hits = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int t = 0; t < terms.size(); t++) {
            Term term = terms.get(t);
            if (!lower.contains(lowerWords.get(t))) {
                continue; // the pattern needs the word, in any case: most terms are in no given text
            }
            Matcher m = term.pattern().matcher(text);
            if (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
                hits.add(term);
            }
        }
        Integer[] order = new Integer[hits.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(spans.get(a)[0], spans.get(b)[0]));
        List<Hit> ordered = new ArrayList<>(order.length);
        for (int i : order) {
            ordered.add(new Hit(text.substring(spans.get(i)[0], spans.get(i)[1]).toLowerCase(Locale.ROOT),
                    hits.get(i).meaning()));
        }
        return List.copyOf(ordered);
    }

    /** A field path as words: {@code intraspinalTrials[0].drugClass} is "intraspinal trial 1, drug class". */
    static String label(String field) {
        StringBuilder out = new StringBuilder();
        for (String part : field.split("\\.")) {
            String name = part;
            String index = "";
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                name = part.substring(0, bracket);
                index = " " + (Integer.parseInt(part.substring(bracket + 1, part.indexOf(']'))) + 1);
                if (name.endsWith("s")) {
                    name = name.substring(0, name.length() - 1);
                }
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(words(name)).append(index);
        }
        return out.toString();
    }

    /** A value as words: yes, no, "not stated" for an unknown, an enumerated value without its hyphens. */
    static String value(com.fasterxml.jackson.databind.JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "not stated";
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "yes" : "no";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(value(v)));
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }
        if (value.isNumber()) {
            return value.asText();
        }
        String text = value.asText();
        // An enumerated value (lower-case kebab case) reads as words; anything else is shown as sent.
        return text.matches("[a-z0-9]+(-[a-z0-9]+)+") ? text.replace('-', ' ') : text;
    }

    private static String words(String camel) {
        StringBuilder b = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append(' ').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** What the service asked for, in plain words, from {@code service.kind}. */
    static String service(String kind) {
        return switch (kind) {
            case "trial" -> "a pump trial: a test dose of medicine given through a thin tube, to see if a pump would help you";
            case "implant" -> "an implanted pump: a small device placed under your skin that sends medicine through a thin tube";
            case "replacement" -> "a new pump to replace the pump you have";
            case "revision" -> "a repair or change of your pump or its tube";
            case "removal" -> "taking out your pump";
            case "refill" -> "a refill of your pump";
            default -> "the pump service your doctor asked for";
        };
    }
}
