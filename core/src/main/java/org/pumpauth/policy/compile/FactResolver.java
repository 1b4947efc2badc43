package org.pumpauth.policy.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pumpauth.policy.DerivedFact;
import org.pumpauth.policy.Fact;
import org.pumpauth.policy.ItemFact;
import org.pumpauth.policy.RequestFact;
import org.pumpauth.policy.compile.Yaml.ListNode;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;
import org.pumpauth.policy.compile.Yaml.Scalar;
import org.pumpauth.request.Field;
import org.pumpauth.request.FieldType;
import org.pumpauth.request.RequestContract;
import org.pumpauth.request.Shape;

/**
 * Resolves the fact names a policy file uses: a request field by its contract path, inside
 * {@code where}/{@code then} a field of the list element, or a {@link DerivedFact}.
 */
final class FactResolver {
    private final Diagnostics diagnostics;
    private final Keys keys;

    FactResolver(Diagnostics diagnostics, Keys keys) {
        this.diagnostics = diagnostics;
        this.keys = keys;
    }

    Optional<Fact> fact(Node node, Context context) {
        String name = keys.name(node);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        for (Shape item : context.items()) {
            Optional<Field> itemField = item.field(name);
            if (itemField.isPresent()) {
                return Optional.of(new ItemFact(itemField.get()));
            }
        }
        Optional<Fact> fact = topLevelFact(name);
        if (fact.isEmpty()) {
            List<String> candidates = new ArrayList<>(paths(RequestContract.REQUEST, null));
            derivedNames().forEach(candidates::add);
            context.items().forEach(item -> candidates.addAll(paths(item, null)));
            diagnostics.report(node, Diagnostic.UNKNOWN_FACT, name, Suggestions.didYouMean(name, candidates),
                    itemsPhrase(context), String.join(", ", derivedNames()));
        }
        return fact;
    }

    private static String itemsPhrase(Context context) {
        if (context.items().isEmpty()) {
            return "";
        }
        return context.item().isPresent()
                ? " nor a field of " + context.item().get().name()
                : " nor a field of a list's elements";
    }

    private static List<String> derivedNames() {
        List<String> derived = new ArrayList<>();
        for (DerivedFact d : DerivedFact.values()) {
            derived.add(d.factName());
        }
        return derived;
    }

    private static Optional<Fact> topLevelFact(String name) {
        return RequestContract.REQUEST.field(name).<Fact>map(RequestFact::new).or(() -> DerivedFact.named(name).map(f -> f));
    }

    /** The paths of a shape's fields, of one type or (null) all. */
    static List<String> paths(Shape shape, FieldType type) {
        return shape.fields().stream().filter(f -> type == null || f.type() == type).map(Field::path).toList();
    }

    /** The lists of objects a request has ({@code intraspinalTrials}, ...). */
    static List<Field> objectLists() {
        return RequestContract.REQUEST.fields().stream().filter(f -> f.type() == FieldType.OBJECT_LIST).toList();
    }

    /** The values of an enumerated fact's test, each checked against what the fact allows. */
    List<String> allowedValues(Node node, List<String> allowed, String factName) {
        List<String> values = new ArrayList<>();
        for (Scalar value : keys.values(node, factName)) {
            if (!allowed.isEmpty() && !allowed.contains(value.text())) {
                diagnostics.report(value, Diagnostic.NOT_AN_ALLOWED_VALUE, value.text(),
                        Suggestions.didYouMean(value.text(), allowed), factName, String.join(", ", allowed));
            }
            values.add(value.text());
        }
        return values;
    }

    /** Whether a definition names a fact that is not a request or derived fact (so a list element's). */
    static boolean usesListFields(Node node) {
        if (node instanceof MapNode) {
            MapNode map = (MapNode) node;
            Node fact = map.get("fact");
            if (fact instanceof Scalar && topLevelFact(((Scalar) fact).text()).isEmpty()) {
                return true;
            }
            for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
                if (!Set.of("where", "then").contains(entry.getKey()) && usesListFields(entry.getValue())) {
                    return true;
                }
            }
        } else if (node instanceof ListNode) {
            for (Node item : ((ListNode) node).items()) {
                if (usesListFields(item)) {
                    return true;
                }
            }
        }
        return false;
    }
}
