package org.pumpauth.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one kind of JSON object: the whole request, or one element of a list such as
 * {@code intraspinalTrials[]}. Each field has an index so that a request stores its values in an
 * array and a compiled policy reads a fact in constant time.
 */
public final class Shape {
    private final String name;
    private final String prefix;
    private final List<Field> fields;
    private final Map<String, Field> byPath;
    private final Node tree;

    private Shape(String name, String prefix, List<FieldSpec> specs) {
        this.name = name;
        this.prefix = prefix;
        List<Field> list = new ArrayList<>();
        Map<String, Field> map = new LinkedHashMap<>();
        Node root = new Node("");
        for (FieldSpec spec : specs) {
            Field field = new Field(this, list.size(), spec);
            list.add(field);
            if (map.put(spec.path(), field) != null) {
                throw new IllegalArgumentException("duplicate field " + spec.path());
            }
            root.add(spec.path().split("\\."), 0, field);
        }
        this.fields = Collections.unmodifiableList(list);
        this.byPath = Collections.unmodifiableMap(map);
        this.tree = root;
    }

    static Shape root(List<FieldSpec> specs) {
        return new Shape("request", "", specs);
    }

    static Shape items(String name, String prefix, List<FieldSpec> specs) {
        return new Shape(name + "[]", prefix, specs);
    }

    /** {@code request}, or the list's name with {@code []}. */
    public String name() {
        return name;
    }

    /** What stands before a field's path in the contract: "" or {@code intraspinalTrials[].}. */
    public String prefix() {
        return prefix;
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    int size() {
        return fields.size();
    }

    Node tree() {
        return tree;
    }

    /** The nesting of JSON objects, for the reader: each name leads to a field or to an object. */
    static final class Node {
        final String path;
        final Map<String, Node> children = new LinkedHashMap<>();
        Field field;

        Node(String path) {
            this.path = path;
        }

        private void add(String[] parts, int at, Field f) {
            if (at == parts.length) {
                field = f;
                return;
            }
            String childPath = path.isEmpty() ? parts[at] : path + "." + parts[at];
            children.computeIfAbsent(parts[at], k -> new Node(childPath)).add(parts, at + 1, f);
        }

        boolean isObject() {
            return field == null;
        }
    }
}
