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
import org.pumpauth.request.RequestContract;

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
        if (context.item().isPresent()) {
            Optional<Field> itemField = context.item().get().field(name);
            if (itemField.isPresent()) {
                return Optional.of(new ItemFact(itemField.get()));
            }
        }
        Optional<Fact> fact = topLevelFact(name);
        if (fact.isEmpty()) {
            List<String> derived = new ArrayList<>();
            for (DerivedFact d : DerivedFact.values()) {
                derived.add(d.factName());
            }
            diagnostics.report(node, "unknown fact '" + name + "': not a request field"
                    + context.item().map(s -> " nor a field of " + s.name()).orElse("")
                    + " nor a derived fact (" + String.join(", ", derived) + ")");
        }
        return fact;
    }

    private static Optional<Fact> topLevelFact(String name) {
        return RequestContract.REQUEST.field(name).<Fact>map(RequestFact::new).or(() -> DerivedFact.named(name).map(f -> f));
    }

    /** The values of an enumerated fact's test, each checked against what the fact allows. */
    List<String> allowedValues(Node node, List<String> allowed, String factName) {
        List<String> values = keys.strings(node, factName);
        for (String value : values) {
            if (!allowed.isEmpty() && !allowed.contains(value)) {
                diagnostics.report(node, "'" + value + "' is not a value of " + factName + "; allowed: "
                        + String.join(", ", allowed));
            }
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
