package org.pumpauth.policy;

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
 * A policy file as a small tree that remembers the line of every node, so that a compile error
 * can say where it is. Read with Jackson's YAML parser.
 */
final class Yaml {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private Yaml() {}

    sealed interface Node permits MapNode, ListNode, Scalar {
        int line();

        String kind();
    }

    record MapNode(int line, Map<String, Node> entries, Map<String, Integer> keyLines) implements Node {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record ListNode(int line, List<Node> items) implements Node {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar with the token Jackson gave it: a string, a number, a boolean or null. */
    record Scalar(int line, String text, JsonToken token) implements Node {
        @Override
        public String kind() {
            return token == JsonToken.VALUE_STRING ? "a string" : token.isNumeric() ? "a number" : "a scalar";
        }

        boolean isBoolean() {
            return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
        }
    }

    /** A syntax error in the YAML itself, with its line. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    static Node parse(String text) throws SyntaxError {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new SyntaxError(1, "the file is empty");
            }
            return read(parser, token);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SyntaxError(at == null ? 1 : at.getLineNr(), "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SyntaxError(1, "could not be read: " + e.getMessage());
        }
    }

    private static Node read(JsonParser p, JsonToken token) throws IOException, SyntaxError {
        int line = p.currentTokenLocation().getLineNr();
        switch (token) {
            case START_OBJECT: {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Integer> lines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    Node value = read(p, p.nextToken());
                    if (entries.put(key, value) != null) {
                        throw new SyntaxError(keyLine, "the key '" + key + "' appears twice");
                    }
                    lines.put(key, keyLine);
                }
                return new MapNode(line, entries, lines);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    items.add(read(p, t));
                }
                return new ListNode(line, items);
            }
            default:
                return new Scalar(line, p.getText(), token);
        }
    }
}
