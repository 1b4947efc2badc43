package org.pumpauth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request field path as the determination writes it ({@code intraspinalTrials[0].reliefPercent},
 * {@code psychologicalEvaluation.done}): read, set, and made into the smallest JSON merge patch
 * (RFC 7396) that sets it. A merge patch replaces a list whole, so a path through a list patches
 * the whole list.
 */
public final class FieldPath {
    private static final Pattern STEP = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d{1,4})])?");

    /** One step: a member name, and the list position under it when it is a list. */
    private record Step(String name, int index) {
        boolean inList() {
            return index >= 0;
        }
    }

    private final String path;
    private final List<Step> steps;

    private FieldPath(String path, List<Step> steps) {
        this.path = path;
        this.steps = List.copyOf(steps);
    }

    /**
     * @throws IllegalArgumentException when {@code path} is not a field path (names and list
     *     positions under 10,000, joined by dots)
     */
    public static FieldPath of(String path) {
        List<Step> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            Matcher m = STEP.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a request field path: names and [positions] joined by dots");
            }
            steps.add(new Step(m.group(1), m.group(2) == null ? -1 : Integer.parseInt(m.group(2))));
        }
        return new FieldPath(path, steps);
    }

    @Override
    public String toString() {
        return path;
    }

    /** Whether {@code request} states a value here (present and not null). */
    public boolean isStated(JsonNode request) {
        JsonNode node = request;
        for (Step step : steps) {
            node = node.path(step.name());
            if (step.inList()) {
                node = node.path(step.index());
            }
        }
        return !node.isMissingNode() && !node.isNull();
    }

    /**
     * Sets {@code value} here in {@code request}, making the objects and list entries on the way
     * (a list too short gets empty entries up to the position).
     */
    public void set(ObjectNode request, JsonNode value) {
        ObjectNode node = request;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (!step.inList()) {
                if (last) {
                    node.set(step.name(), value.deepCopy());
                    return;
                }
                node = object(node, step.name());
                continue;
            }
            JsonNode existing = node.get(step.name());
            ArrayNode list = existing instanceof ArrayNode ? (ArrayNode) existing : node.putArray(step.name());
            while (list.size() <= step.index()) {
                list.addObject();
            }
            if (last) {
                list.set(step.index(), value.deepCopy());
                return;
            }
            JsonNode entry = list.get(step.index());
            if (!(entry instanceof ObjectNode)) {
                entry = JsonNodeFactory.instance.objectNode();
                list.set(step.index(), entry);
            }
            node = (ObjectNode) entry;
        }
    }

    /**
     * The merge patch that turns {@code before} into {@code after} at this path: nested objects
     * down to the first list, which it carries whole as {@code after} has it.
     */
    public ObjectNode patch(JsonNode after) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode at = patch;
        JsonNode source = after;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            source = source.path(step.name());
            if (step.inList() || i == steps.size() - 1) {
                at.set(step.name(), source.deepCopy());
                return patch;
            }
            at = at.putObject(step.name());
        }
        return patch;
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        JsonNode child = parent.get(name);
        if (child instanceof ObjectNode) {
            return (ObjectNode) child;
        }
        return parent.putObject(name);
    }
}
