package org.pumpauth.policy.compile;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pumpauth.policy.All;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Exists;
import org.pumpauth.policy.Fact;
import org.pumpauth.policy.Latest;
import org.pumpauth.policy.Meta;
import org.pumpauth.policy.Operator;
import org.pumpauth.policy.RequestFact;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;
import org.pumpauth.request.Field;
import org.pumpauth.request.FieldType;
import org.pumpauth.request.RequestContract;
import org.pumpauth.request.Shape;

/**
 * The criteria over a list of objects (trials, documents): {@code exists} and {@code latest}
 * here, {@code count} and {@code sum} through {@link TallyParser}; each reads its elements'
 * fields inside {@code where} and {@code then}.
 */
final class ListParser {
    private final Diagnostics diagnostics;
    private final Keys keys;
    private final CriterionParser parser;
    private final TallyParser tallies;

    ListParser(Diagnostics diagnostics, Keys keys, CriterionParser parser) {
        this.diagnostics = diagnostics;
        this.keys = keys;
        this.parser = parser;
        this.tallies = new TallyParser(diagnostics, keys);
    }

    /** A list and the element shape its {@code where} reads. */
    record ListFact(Fact list, Shape item) {}

    Optional<Criterion> parse(MapNode map, String kind, Meta meta, Context inner) {
        Node listNode = map.get(kind);
        String listName = keys.name(listNode);
        Optional<Field> list = RequestContract.REQUEST.field(listName).filter(f -> f.type() == FieldType.OBJECT_LIST);
        keys.unknown(map, allowedKeys(kind), kind);
        if (list.isEmpty()) {
            List<String> lists = FactResolver.objectLists().stream().map(Field::path).toList();
            diagnostics.report(listNode, Diagnostic.NOT_AN_OBJECT_LIST, kind, listName, Suggestions.didYouMean(listName, lists),
                    String.join(", ", lists));
            return Optional.empty();
        }
        ListFact listFact = new ListFact(new RequestFact(list.get()), list.get().items().get());
        Context inItem = Context.inItem(listFact.item(), inner.cite());
        Node whereNode = map.get("where");
        Optional<Criterion> where = whereNode == null
                ? Optional.of(new All(Meta.INLINE, List.of()))
                : parser.criterion(whereNode, inItem);
        if (where.isEmpty()) {
            return Optional.empty();
        }
        switch (kind) {
            case "exists":
                return Optional.of(new Exists(meta, listFact.list(), where.get()));
            case "latest": {
                Node thenNode = map.get("then");
                if (thenNode == null) {
                    diagnostics.report(map, Diagnostic.LATEST_WITHOUT_THEN);
                    return Optional.empty();
                }
                return parser.criterion(thenNode, inItem).map(then -> new Latest(meta, listFact.list(), where.get(), then));
            }
            case "sum":
                return tallies.sum(map, meta, listFact, where.get());
            default:
                return tallies.count(map, meta, listFact, where.get());
        }
    }

    private static Set<String> allowedKeys(String kind) {
        Set<String> allowed = Keys.withMeta(Set.of(kind, "where"));
        if (kind.equals("latest")) {
            allowed.add("then");
        }
        if (kind.equals("sum")) {
            allowed.add("of");
        }
        if (kind.equals("count") || kind.equals("sum")) {
            allowed.add("silence");
            for (Operator op : Operator.values()) {
                allowed.add(op.word());
            }
        }
        return allowed;
    }
}
