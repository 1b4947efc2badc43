package org.pumpauth.policy.compile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy file as a small tree that remembers where every node and key stands, so that a
 * diagnostic can say {@code file:line:column}. Read with Jackson's YAML parser.
 */
final class Yaml {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private Yaml() {}

    /** A place in the file, both counted from 1. */
    record Position(int line, int column) {
        static final Position START = new Position(1, 1);
    }

    sealed interface Node permits MapNode, ListNode, Scalar {
        Position at();

        String kind();
    }

    /** A mapping, its entries in file order, and where each key stands. */
    record MapNode(Position at, Map<String, Node> entries, Map<String, Position> keys) implements Node {
        @Override
        public String kind() {
            return "a mapping";
        }

        Node get(String key) {
            return entries.get(key);
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }
    }

    record ListNode(Position at, List<Node> items) implements Node {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar with the token Jackson gave it: a string, a number, a boolean or null. */
    record Scalar(Position at, String text, JsonToken token) implements Node {
        @Override
        public String kind() {
            return token == JsonToken.VALUE_STRING ? "a string" : token.isNumeric() ? "a number" : "a scalar";
        }

        boolean isBoolean() {
            return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
        }

        boolean isNumber() {
            return token.isNumeric();
        }
    }

    /** A syntax error in the YAML itself, with its place. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Position at;
        final Diagnostic diagnostic;
        final String detail;

        SyntaxError(Position at, Diagnostic diagnostic, String detail) {
            super(diagnostic.message(detail));
            this.at = at;
            this.diagnostic = diagnostic;
            this.detail = detail;
        }
    }

    static Node parse(String text) throws SyntaxError {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new SyntaxError(Position.START, Diagnostic.EMPTY_FILE, "");
            }
            return read(parser, token);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SyntaxError(at == null ? Position.START : position(at), Diagnostic.YAML_SYNTAX, oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SyntaxError(Position.START, Diagnostic.YAML_SYNTAX, e.getClass().getSimpleName());
        }
    }

    /**
     * The parser's message without its echo of the file: "while parsing a flow mapping: expected
     * ',' or '}', but got <stream end>".
     */
    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        return String.join(": ", message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList());
    }

    private static Position position(JsonLocation location) {
        return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static Node read(JsonParser p, JsonToken token) throws IOException, SyntaxError {
        Position at = position(p.currentTokenLocation());
        switch (token) {
            case START_OBJECT: {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Position> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Position keyAt = position(p.currentTokenLocation());
                    Node value = read(p, p.nextToken());
                    if (entries.put(key, value) != null) {
                        throw new SyntaxError(keyAt, Diagnostic.DUPLICATE_KEY, key);
                    }
                    keys.put(key, keyAt);
                }
                return new MapNode(at, entries, keys);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    items.add(read(p, t));
                }
                return new ListNode(at, items);
            }
            default:
                return new Scalar(at, p.getText(), token);
        }
    }
}
