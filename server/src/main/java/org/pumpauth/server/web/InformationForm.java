package org.pumpauth.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pumpauth.request.Field;
import org.pumpauth.request.FieldType;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.RequestContract;

/**
 * The provider's form for what a case is missing, generated from the request contract: one input per
 * missing field (a date input for a date, a choice for an enumeration, yes/no for a boolean, a number
 * input within its range), and rows for a list of objects (one per element the request has, and one
 * for a new element). What is filled in becomes the JSON merge patch the API takes.
 */
public record InformationForm(List<Group> groups) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A group of inputs: one field, or one row of a list. */
    public record Group(String title, List<Input> inputs) {}

    /**
     * An input: its form name (the contract path, a list row's index in brackets), the plain-language
     * request as its label, its kind ({@code yesno}, {@code date}, {@code number}, {@code select},
     * {@code checks}, {@code lines}, {@code text}), the choices, and the number range.
     */
    public record Input(String name, String label, String kind, List<String> options, String min, String max) {
        public String id() {
            return "info-" + name.replaceAll("[^A-Za-z0-9]", "-");
        }
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The form for the missing fields (contract paths) of a request as it stands. */
    static InformationForm of(List<String> missing, JsonNode request) {
        List<Group> groups = new ArrayList<>();
        Map<String, List<Field>> lists = new LinkedHashMap<>();
        for (String path : missing) {
            int mark = path.indexOf("[].");
            if (mark >= 0) {
                String list = path.substring(0, mark);
                itemField(list, path.substring(mark + 3)).ifPresent(f -> lists.computeIfAbsent(list, l -> new ArrayList<>()).add(f));
                continue;
            }
            Optional<Field> field = RequestContract.REQUEST.field(path);
            if (field.isEmpty()) {
                continue;
            }
            if (field.get().type() == FieldType.OBJECT_LIST) {
                field.get().items().ifPresent(items -> lists.computeIfAbsent(path, l -> new ArrayList<>()).addAll(items.fields()));
            } else {
                groups.add(new Group(path, List.of(input(path, field.get()))));
            }
        }
        lists.forEach((list, fields) -> {
            int existing = request.path(list).isArray() ? request.path(list).size() : 0;
            for (int i = 0; i <= existing; i++) {
                List<Input> inputs = new ArrayList<>();
                for (Field f : fields) {
                    inputs.add(input(list + "[" + i + "]." + f.path(), f));
                }
                groups.add(new Group(i < existing ? list + ", entry " + (i + 1) + " of " + existing : list + ", a new entry",
                        inputs));
            }
        });
        return new InformationForm(groups);
    }

    private static Optional<Field> itemField(String list, String sub) {
        return RequestContract.REQUEST.field(list).flatMap(Field::items).flatMap(items -> items.field(sub));
    }

    private static Input input(String name, Field f) {
        String kind;
        switch (f.type()) {
            case BOOLEAN:
                kind = "yesno";
                break;
            case DATE:
                kind = "date";
                break;
            case NUMBER:
                kind = "number";
                break;
            case ENUM:
                kind = "select";
                break;
            case ENUM_LIST:
                kind = "checks";
                break;
            case STRING_LIST:
                kind = "lines";
                break;
            default:
                kind = "text";
        }
        return new Input(name, f.ask(), kind, f.allowed(), number(f.min()),
                Double.isInfinite(f.max()) ? "" : number(f.max()));
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /**
     * The merge patch of what was filled in: only this form's inputs are read, each typed as the
     * contract says (a value that is not a number stays text, so the API names the field). A list is
     * sent whole (a merge patch replaces an array): its elements as they stand with the rows' values.
     */
    byte[] patch(Map<String, List<String>> form, JsonNode request) {
        ObjectNode patch = JSON.createObjectNode();
        Map<String, ArrayNode> lists = new LinkedHashMap<>();
        for (Group g : groups) {
            for (Input in : g.inputs()) {
                List<String> values = form.getOrDefault(in.name(), List.of());
                if (values.stream().allMatch(v -> v.isBlank())) {
                    continue;
                }
                int open = in.name().indexOf('[');
                if (open < 0) {
                    put(patch, in.name(), value(in, values));
                    continue;
                }
                String list = in.name().substring(0, open);
                int index = Integer.parseInt(in.name().substring(open + 1, in.name().indexOf(']')));
                ArrayNode array = lists.computeIfAbsent(list, l -> request.path(l).isArray()
                        ? ((ArrayNode) request.path(l)).deepCopy() : JSON.createArrayNode());
                while (array.size() <= index) {
                    array.addObject();
                }
                put((ObjectNode) array.get(index), in.name().substring(in.name().indexOf("].") + 2), value(in, values));
            }
        }
        lists.forEach(patch::set);
        if (patch.isEmpty()) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.Problem("",
                    "fill in at least one of the missing fields")));
        }
        return patch.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode value(Input in, List<String> values) {
        String v = values.get(0).strip();
        switch (in.kind()) {
            case "yesno":
                return v.equals("yes") ? JSON.getNodeFactory().booleanNode(true)
                        : v.equals("no") ? JSON.getNodeFactory().booleanNode(false) : JSON.getNodeFactory().textNode(v);
            case "number":
                try {
                    return JSON.getNodeFactory().numberNode(new java.math.BigDecimal(v));
                } catch (NumberFormatException e) {
                    return JSON.getNodeFactory().textNode(v);
                }
            case "checks":
                ArrayNode checked = JSON.createArrayNode();
                values.stream().filter(s -> !s.isBlank()).forEach(checked::add);
                return checked;
            case "lines":
                ArrayNode lines = JSON.createArrayNode();
                v.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(lines::add);
                return lines;
            default:
                return JSON.getNodeFactory().textNode(v);
        }
    }

    /** Sets a dotted path in an object, making the objects on the way. */
    private static void put(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.path(parts[i]);
            node = next.isObject() ? (ObjectNode) next : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }
}
