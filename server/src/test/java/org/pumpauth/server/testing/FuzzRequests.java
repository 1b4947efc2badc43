package org.pumpauth.server.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.pumpauth.server.testing.RawHttp.Framing;

/**
 * Mutated requests for the fuzz test, from one seeded {@link Random}: valid requests with values swapped
 * for other types, special numbers, deep nesting, long strings, unpaired surrogates, NUL, instants out of
 * range; bodies truncated, with duplicate keys or bytes that are not UTF-8; odd content types, ids, query
 * strings and Authorization headers. Every string value it makes up holds a canary ({@link #CANARY_START}
 * ... {@link #CANARY_END}) that no error body and no log line may repeat.
 */
public final class FuzzRequests {
    public static final String CANARY_START = "Zq~";
    public static final String CANARY_END = "~Jw";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every non-ASCII character as an escape, so a lone surrogate is sent as {@code \ud800}. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder(JsonFactory.builder()
                    .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(10_000).build()).build())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ODD_TIMES = List.of("+10000-01-01", "1899-12-31", "0000-01-01", "2024-02-30",
            "-999999999-01-01T00:00:00+18:00", "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z", "9999-12-31T23:00:00-05:00", "1900-01-01T00:00:00Z", "+300000-01-01",
            "2024-03-01T25:00:00Z", "2024-03-04T14:20:00+14:00", "1900-01-01", "9999-12-31");
    private static final List<String> ODD_NUMBERS = List.of("1e400", "-1e400", "1e-400", "-0", "0", "1e308",
            "-1.7976931348623157e308", "123456789012345678901234567890", "0.30000000000000004", "1E+2",
            "1" + "0".repeat(350), "1" + "0".repeat(350) + ".5", "-2");
    private static final List<String> TIME_FIELDS = List.of("receivedAt", "serviceDate", "member.birthDate",
            "psychEvaluation.date", "dueBefore");

    /** What the mutations may touch: everything, or only strings, NUL and instants (the classes the databases differ on). */
    public enum Scope { ALL, TEXT_AND_TIME }

    private final Random random;
    private final Scope scope;
    private int canaries;

    public FuzzRequests(long seed, Scope scope) {
        this.random = new Random(seed);
        this.scope = scope;
    }

    public Random random() {
        return random;
    }

    public String canary() {
        return CANARY_START + (++canaries) + CANARY_END;
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    // ---- bodies

    /** A review request: one of the test requests with a fresh (canary) requestId, or one used before. */
    public ObjectNode request(String requestId) {
        String text = chance(0.5) ? Requests.insufficient(requestId) : Requests.meetsCriteria(requestId);
        return (ObjectNode) tree(text);
    }

    public ObjectNode patch() {
        return (ObjectNode) tree(pick(List.of("{\"pain\": {\"score\": 8}}", "{\"notes\": [{\"text\": \"" + canary() + "\"}]}",
                "{\"psychEvaluation\": {\"completed\": true, \"date\": \"2024-01-22\"}}", "{}", "{\"member\": null}",
                "{\"requestId\": \"" + canary() + "\"}", "{\"receivedAt\": \"2024-03-05T00:00:00Z\"}")));
    }

    public ObjectNode decision() {
        return (ObjectNode) tree("{\"decision\": \"" + pick(List.of("approve", "deny", canary())) + "\", \"rationale\": \""
                + canary() + "\"}");
    }

    /** An answer to a note's proposal: a decision, a field and a note (most name no proposal). */
    public ObjectNode proposalAnswer() {
        return (ObjectNode) tree("{\"decision\": \"" + pick(List.of("confirm", "reject", canary())) + "\", \"field\": \""
                + pick(List.of("psychEvaluation.completed", "pain.score", canary())) + "\", \"note\": \""
                + pick(List.of("notes[0]", "attachments[0]", canary())) + "\", \"reason\": \"" + canary() + "\"}");
    }

    public ObjectNode extension() {
        return (ObjectNode) tree("{\"days\": " + pick(List.of("1", "14", "15", "0", "7.5", "\"3\"")) + ", \"reason\": \""
                + canary() + "\"}");
    }

    public ObjectNode appeal() {
        return (ObjectNode) tree("{\"urgency\": \"" + pick(List.of("standard", "expedited", canary())) + "\", \"reason\": \""
                + canary() + "\"}");
    }

    public ObjectNode informationRequest() {
        return (ObjectNode) tree("{\"note\": \"" + canary() + "\"}");
    }

    public ObjectNode peerToPeer() {
        return (ObjectNode) tree("{\"date\": \"" + pick(List.of("2024-04-01", "2026-12-01", "9999-12-31", canary()))
                + "\", \"participants\": [\"" + canary() + "\", \"" + canary() + "\"], \"summary\": \"" + canary() + "\"}");
    }

    /** Applies one to three mutations to the tree, in place (the root itself may be swapped: the result is returned). */
    public JsonNode mutate(ObjectNode tree) {
        JsonNode root = tree;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (scope == Scope.TEXT_AND_TIME) {
                if (chance(0.4)) {
                    setPath((ObjectNode) root, pick(TIME_FIELDS), NODES.textNode(pick(ODD_TIMES)));
                } else {
                    replaceRandom(root, this::oddString);
                }
                continue;
            }
            double op = random.nextDouble();
            if (op < 0.6) {
                replaceRandom(root, this::oddValue);
            } else if (op < 0.8) {
                randomObject(root).set(pick(List.of("x", "extra", "notes", "diagnosisNarrative", "dose")), oddValue());
            } else if (op < 0.9) {
                setPath((ObjectNode) root, pick(TIME_FIELDS), NODES.textNode(pick(ODD_TIMES)));
            } else if (op < 0.97) {
                ObjectNode o = randomObject(root);
                if (o.size() > 0) {
                    o.remove(o.fieldNames().next());
                }
            } else {
                return oddValue(); // not an object at all
            }
        }
        return root;
    }

    /** The tree as bytes, sometimes broken at the byte level. */
    public byte[] bytes(JsonNode tree) {
        byte[] body;
        try {
            body = ESCAPING.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (scope == Scope.TEXT_AND_TIME) {
            return chance(0.1) ? replaceTilde(body, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}) : body;
        }
        if (!chance(0.25)) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        switch (random.nextInt(9)) {
            case 0:
                return java.util.Arrays.copyOf(body, random.nextInt(Math.max(1, body.length)));
            case 1:
                return replaceTilde(body, pick(List.of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0x80},
                        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {0})));
            case 2:
                return text.replaceFirst("\\{", "{\"requestId\": \"" + canary() + "\", ").getBytes(StandardCharsets.UTF_8);
            case 3:
                return text.replaceFirst("\\{", "{\"x\": " + pick(List.of("NaN", "Infinity", "-Infinity", "01", "+1", ".5", "'a'"))
                        + ", ").getBytes(StandardCharsets.UTF_8);
            case 4:
                return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
            case 5:
                return (text + pick(List.of(" {}", "x", "\u0000", "]", ", " + text))).getBytes(StandardCharsets.UTF_8);
            case 6:
                return new byte[0];
            case 7:
                return ("not json " + canary()).getBytes(StandardCharsets.UTF_8);
            default:
                return text.replace(":", pick(List.of(": ", ":\t", ":\n"))).getBytes(StandardCharsets.UTF_8);
        }
    }

    public Framing framing() {
        if (scope == Scope.TEXT_AND_TIME) {
            return Framing.LENGTH;
        }
        double p = random.nextDouble();
        return p < 0.03 ? Framing.SHORT_BODY : p < 0.06 ? Framing.BROKEN_CHUNK : Framing.LENGTH;
    }

    // ---- headers, ids, queries

    /** An Authorization header line (or none, as null): usually the key, sometimes a broken or foreign one. */
    public List<String> authorization(String key) {
        if (scope == Scope.TEXT_AND_TIME || !chance(0.15)) {
            return List.of("Authorization: Bearer " + key);
        }
        String canary = canary();
        return pick(List.<Supplier<List<String>>>of(
                List::of,
                () -> List.of("Authorization: Bearer"),
                () -> List.of("Authorization: Bearer " + canary),
                () -> List.of("Authorization: Basic " + canary),
                () -> List.of("Authorization: Bearer " + swapCase(key)),
                () -> List.of("Authorization: Bearer " + key + canary),
                () -> List.of("Authorization: bearer " + key),
                () -> List.of("Authorization: Bearer " + key, "Authorization: Bearer " + canary),
                () -> List.of("Authorization: Bearer " + canary + "A".repeat(9000)),
                () -> List.of("Authorization: Bearer \u00e9" + canary),
                () -> List.of("Authorization: Bearer " + key.substring(0, key.length() / 2)))).get();
    }

    public List<String> contentType(String proper) {
        if (scope == Scope.TEXT_AND_TIME || !chance(0.1)) {
            return List.of("Content-Type: " + proper);
        }
        return pick(List.of(List.of(), List.of("Content-Type: text/plain"), List.of("Content-Type: application/json; charset=ISO-8859-1"),
                List.of("Content-Type: APPLICATION/JSON"), List.of("Content-Type: application/merge-patch+json"),
                List.of("Content-Type: application/json, text/plain"), List.of("Content-Type: application/" + canary()),
                List.of("Content-Type: multipart/form-data; boundary=x"), List.of("Content-Type: ;;;")));
    }

    /** A path segment for a case id: a known case, or something else. */
    public String caseId(List<String> known) {
        if (!known.isEmpty() && chance(scope == Scope.TEXT_AND_TIME ? 0.9 : 0.6)) {
            return pick(known);
        }
        String canary = canary();
        return pick(List.<Supplier<String>>of(() -> canary, () -> canary + "%u002e", () -> "%", () -> "%zz" + canary,
                () -> "%00" + canary, () -> "%ff%fe", () -> "%ED%A0%80" + canary, () -> "..%2F..%2F" + canary,
                () -> "%2F" + canary, () -> UUID.randomUUID().toString(),
                () -> known.isEmpty() ? canary : pick(known).toUpperCase(java.util.Locale.ROOT),
                () -> canary + "a".repeat(9000), () -> "John%20" + canary, () -> canary + ";x=y")).get();
    }

    /** A query string for the queue, starting with "?" (or empty). */
    public String query() {
        if (scope == Scope.ALL && chance(0.1)) {
            return pick(List.of("?%", "?a=%zz", "?&&&", "?limit", "?dueBefore=" + "9".repeat(5000), "?status=" + canary()
                    + "&status=approved", "?" + canary()));
        }
        List<String> params = new ArrayList<>();
        if (chance(0.4)) {
            params.add("status=" + pick(List.of("pending-review", "information-requested", "approved", "denied", canary(), "",
                    "%00")));
        }
        if (chance(0.4)) {
            params.add("policy=" + pick(List.of("nia-cg-310", canary(), "%00x", "x".repeat(150), "nia-cg-310@2024-01-01",
                    "%ED%A0%80", "%C3%A9")));
        }
        if (chance(0.5)) {
            params.add("dueBefore=" + pick(List.of("2024-04-01T00:00:00Z", "%2B1000000000-01-01T00:00:00Z",
                    "-1000000000-01-01T00:00:00Z", "%2B300000-01-01T00:00:00Z", canary(), "2024-01-01",
                    "9999-12-31T23:59:59Z", "1900-01-01T00:00:00Z", "2024-04-01T00:00:00%2B18:00",
                    "-999999999-01-01T00:00:00%2B18:00")));
        }
        if (chance(0.3)) {
            params.add("limit=" + pick(List.of("1", "1000", "0", "-1", "1001", "99999999999999999999", canary(), "1e3")));
        }
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    // ---- values

    private JsonNode oddValue() {
        switch (random.nextInt(10)) {
            case 0:
            case 1:
            case 2:
                return oddString();
            case 3:
            case 4:
                return new POJONode(new RawValue(pick(ODD_NUMBERS)));
            case 5:
                return pick(List.of(NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode()));
            case 6:
                return deep(pick(List.of(5, 50, 500, 999, 1001, 2000)));
            case 7:
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(oddString());
                }
                return array;
            case 8:
                return NODES.textNode(pick(ODD_TIMES));
            default:
                return NODES.numberNode(random.nextInt());
        }
    }

    private JsonNode oddString() {
        String c = canary();
        return NODES.textNode(pick(List.<Supplier<String>>of(
                () -> c, () -> c + "\ud800", () -> "\udc00" + c, () -> c + "\u0000", () -> "\u0000", () -> "",
                () -> c + "\ud83d\ude00", () -> "\ud83d" + c, () -> c + "\u0001\u001f\u007f", () -> c + "x".repeat(1000),
                () -> c + "y".repeat(random.nextInt(100_000)), () -> pick(ODD_TIMES), () -> c + "\u2028\ufeff\uffff",
                () -> c + "'\"\\<script>")).get());
    }

    private JsonNode deep(int depth) {
        JsonNode node = NODES.textNode(canary());
        for (int i = 0; i < depth; i++) {
            node = chance(0.5) ? NODES.arrayNode().add(node) : NODES.objectNode().set("d", node);
        }
        return node;
    }

    // ---- tree plumbing

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void replaceRandom(JsonNode root, Supplier<JsonNode> value) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = pick(containers);
        if (container.isObject() && container.size() > 0) {
            List<String> names = new ArrayList<>();
            container.fieldNames().forEachRemaining(names::add);
            ((ObjectNode) container).set(pick(names), value.get());
        } else if (container.isArray() && container.size() > 0) {
            ((ArrayNode) container).set(random.nextInt(container.size()), value.get());
        } else if (container.isObject()) {
            ((ObjectNode) container).set("x", value.get());
        } else {
            ((ArrayNode) container).add(value.get());
        }
    }

    private ObjectNode randomObject(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        List<JsonNode> objects = containers.stream().filter(JsonNode::isObject).toList();
        return (ObjectNode) pick(objects);
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), containers);
            }
        }
    }

    private static void setPath(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            at = next instanceof ObjectNode ? (ObjectNode) next : at.putObject(parts[i]);
        }
        at.set(parts[parts.length - 1], value);
    }

    private static byte[] replaceTilde(byte[] body, byte[] with) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '~') {
                ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + with.length);
                out.write(body, 0, i);
                out.writeBytes(with);
                out.write(body, i + 1, body.length - i - 1);
                return out.toByteArray();
            }
        }
        return body;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The key with the case of each letter swapped: the same key to a case-insensitive comparison. */
    public static String swapCase(String key) {
        StringBuilder out = new StringBuilder();
        for (char ch : key.toCharArray()) {
            out.append(Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
        }
        return out.toString();
    }
}
