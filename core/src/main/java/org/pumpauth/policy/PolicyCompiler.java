package org.pumpauth.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pumpauth.determination.Outcome;
import org.pumpauth.logic.Truth;
import org.pumpauth.policy.Yaml.ListNode;
import org.pumpauth.policy.Yaml.MapNode;
import org.pumpauth.policy.Yaml.Node;
import org.pumpauth.policy.Yaml.Scalar;
import org.pumpauth.request.Field;
import org.pumpauth.request.FieldType;
import org.pumpauth.request.RequestContract;
import org.pumpauth.request.Shape;

/**
 * Compiles a policy file (YAML, see {@code policies/README.md}) into an immutable
 * {@link PolicyVersion}, checking every fact name, operator, value and citation. It reports every
 * problem it finds, each with file and line, in one {@link PolicyLoadException}.
 */
public final class PolicyCompiler {
    private static final Set<String> TOP_KEYS = Set.of(
            "policy", "version", "title", "payer", "source", "reconstructed", "codes", "documentation", "define", "scope",
            "pathways");
    private static final Set<String> META_KEYS =
            Set.of("id", "text", "cite", "interpretation", "outcome", "missingWhenFalse");
    private static final Set<String> PATHWAY_KEYS = Set.of("id", "text", "cite", "when", "outcome", "criteria");
    private static final Set<String> WHEN_KEYS = Set.of("kind", "indication", "if");
    private static final List<String> BODY_KEYS = List.of("all", "any", "not", "fact", "exists", "latest", "count", "sum", "refer", "use");
    private static final Set<Outcome> FAILURE_OUTCOMES =
            Set.of(Outcome.NOT_ADDRESSED, Outcome.INVESTIGATIONAL, Outcome.DOES_NOT_MEET_CRITERIA);

    private final String file;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Node> definitionNodes = new HashMap<>();
    private final Map<String, Optional<Criterion>> definitions = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private String source = "";

    private PolicyCompiler(String file) {
        this.file = file;
    }

    /**
     * @param file the name to report problems against
     * @param text the YAML text
     */
    public static PolicyVersion compile(String file, String text) {
        return new PolicyCompiler(file).compile(text);
    }

    private PolicyVersion compile(String text) {
        Node root;
        try {
            root = Yaml.parse(text);
        } catch (Yaml.SyntaxError e) {
            throw new PolicyLoadException(List.of(file + ":" + e.line + ": " + e.getMessage()));
        }
        if (!(root instanceof MapNode)) {
            throw new PolicyLoadException(List.of(file + ":" + root.line() + ": a policy file must be a mapping"));
        }
        MapNode top = (MapNode) root;
        unknownKeys(top, TOP_KEYS, "a policy file");
        String id = requiredText(top, "policy");
        LocalDate version = date(top, "version");
        String title = requiredText(top, "title");
        String payer = requiredText(top, "payer");
        source = requiredText(top, "source");
        Optional<String> reconstructed = optionalText(top, "reconstructed");
        List<String> codes = strings(top.entries().get("codes"), "codes");
        List<DocumentationItem> documentation = documentation(top.entries().get("documentation"));

        Node define = top.entries().get("define");
        if (define instanceof MapNode) {
            definitionNodes.putAll(((MapNode) define).entries());
            for (Map.Entry<String, Node> entry : definitionNodes.entrySet()) {
                if (!usesListFields(entry.getValue())) {
                    definition(entry.getKey(), define, Optional.empty()); // checked even when unused
                }
            }
        } else if (define != null) {
            problem(define, "define must be a mapping of names to criteria");
        }

        List<Criterion> scope = topLevel(top.entries().get("scope"), "scope", Optional.empty());
        List<Pathway> pathways = new ArrayList<>();
        Node pathwayList = top.entries().get("pathways");
        if (!(pathwayList instanceof ListNode) || ((ListNode) pathwayList).items().isEmpty()) {
            problem(pathwayList == null ? top : pathwayList, "pathways must be a non-empty list");
        } else {
            Set<String> seen = new HashSet<>();
            for (Node node : ((ListNode) pathwayList).items()) {
                pathway(node, scope).ifPresent(p -> {
                    if (!seen.add(p.id())) {
                        problem(node, "the pathway id '" + p.id() + "' is used twice");
                    }
                    pathways.add(p);
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyLoadException(problems);
        }
        return new PolicyVersion(id, version, title, payer, source, reconstructed, codes, scope, pathways, documentation, file);
    }

    private Optional<Pathway> pathway(Node node, List<Criterion> scope) {
        if (!(node instanceof MapNode)) {
            problem(node, "a pathway must be a mapping");
            return Optional.empty();
        }
        MapNode map = (MapNode) node;
        unknownKeys(map, PATHWAY_KEYS, "a pathway");
        String id = requiredText(map, "id");
        String text = requiredText(map, "text");
        Optional<String> cite = optionalText(map, "cite");
        if (cite.isEmpty()) {
            problem(map, "pathway '" + id + "' needs a citation (cite: the section heading of " + source + ")");
        }
        Criterion when = when(map.entries().get("when"), map);
        Optional<Outcome> outcome = optionalText(map, "outcome").flatMap(o -> outcome(map.entries().get("outcome"), o));
        Node criteriaNode = map.entries().get("criteria");
        if (outcome.isPresent() == (criteriaNode != null)) {
            problem(map, "pathway '" + id + "' needs either criteria or an outcome, not both");
        }
        List<Criterion> criteria = criteriaNode == null ? List.of() : topLevel(criteriaNode, "criteria", cite);
        Set<String> ids = new HashSet<>();
        scope.forEach(c -> collectIds(c, ids, map));
        criteria.forEach(c -> collectIds(c, ids, map));
        return Optional.of(new Pathway(id, text, citation(cite.orElse("")), when, outcome, criteria));
    }

    private void collectIds(Criterion c, Set<String> ids, Node at) {
        if (c.meta().traced() && !ids.add(c.meta().id())) {
            problem(at, "the criterion id '" + c.meta().id() + "' is used twice in this pathway");
        }
        c.children().forEach(child -> collectIds(child, ids, at));
    }

    /** {@code when: {kind: [...], indication: [...], if: criterion}}: all must hold. */
    private Criterion when(Node node, Node pathway) {
        if (!(node instanceof MapNode)) {
            problem(node == null ? pathway : node, "a pathway needs when: {kind: [...], indication: [...], if: ...}");
            return new All(Meta.INLINE, List.of());
        }
        MapNode map = (MapNode) node;
        unknownKeys(map, WHEN_KEYS, "when");
        List<Criterion> parts = new ArrayList<>();
        for (String key : List.of("kind", "indication")) {
            Node values = map.entries().get(key);
            if (values != null) {
                Field field = RequestContract.field(key.equals("kind") ? "service.kind" : "indication.category");
                parts.add(new Compare(Meta.INLINE, new RequestFact(field), Operator.IN, allowedValues(values, field.allowed(), field.path())));
            }
        }
        Node condition = map.entries().get("if");
        if (condition != null) {
            criterion(condition, new Context(Optional.empty(), false, false), Optional.empty()).ifPresent(parts::add);
        }
        return new All(Meta.INLINE, parts);
    }

    private List<Criterion> topLevel(Node node, String what, Optional<String> inheritedCite) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof ListNode)) {
            problem(node, what + " must be a list of criteria");
            return List.of();
        }
        List<Criterion> list = new ArrayList<>();
        for (Node item : ((ListNode) node).items()) {
            criterion(item, new Context(Optional.empty(), true, true), inheritedCite).ifPresent(c -> {
                if (!c.meta().traced()) {
                    problem(item, "a top-level criterion needs an id and text");
                }
                list.add(c);
            });
        }
        return list;
    }

    /** Where a criterion stands: inside a list's where/then (item), and whether ids are allowed. */
    private record Context(Optional<Shape> item, boolean traceable, boolean topLevel) {
        Context nested() {
            return new Context(item, traceable, false);
        }
    }

    private Optional<Criterion> criterion(Node node, Context context, Optional<String> inheritedCite) {
        if (!(node instanceof MapNode)) {
            problem(node, "a criterion must be a mapping, with one of: " + String.join(", ", BODY_KEYS));
            return Optional.empty();
        }
        MapNode map = (MapNode) node;
        List<String> bodies = new ArrayList<>();
        for (String key : BODY_KEYS) {
            if (map.entries().containsKey(key)) {
                bodies.add(key);
            }
        }
        if (bodies.size() != 1) {
            problem(map, bodies.isEmpty()
                    ? "a criterion needs one of: " + String.join(", ", BODY_KEYS)
                    : "a criterion has only one of " + String.join(", ", bodies));
            return Optional.empty();
        }
        String body = bodies.get(0);
        if (body.equals("use")) {
            return use(map, context);
        }
        Meta meta = meta(map, context, inheritedCite);
        Optional<String> cite = meta.traced() ? Optional.of(rawCite(map).orElse(inheritedCite.orElse(""))) : inheritedCite;
        Context inner = context.nested();
        switch (body) {
            case "all":
            case "any": {
                allowKeys(map, Set.of(body), body);
                List<Criterion> children = children(map.entries().get(body), inner, cite);
                return Optional.of(body.equals("all") ? new All(meta, children) : new Any(meta, children));
            }
            case "not":
                allowKeys(map, Set.of("not"), "not");
                return criterion(map.entries().get("not"), inner, cite).map(child -> new Not(meta, child));
            case "fact":
                return compare(map, meta, context);
            case "refer":
                return refer(map, meta, inner, cite);
            default:
                return quantifier(map, body, meta, context, cite);
        }
    }

    private Optional<Criterion> use(MapNode map, Context context) {
        allowKeys(map, Set.of("use"), "use");
        String name = scalarText(map.entries().get("use"));
        if (!definitionNodes.containsKey(name)) {
            problem(map, "no definition named '" + name + "'; defined: " + String.join(", ", definitionNodes.keySet()));
            return Optional.empty();
        }
        Optional<Criterion> found = definition(name, map, context.item());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Criterion defined = found.get();
        if (!context.topLevel() && defined.meta().failure() != Outcome.DOES_NOT_MEET_CRITERIA) {
            problem(map, "'" + name + "' has an outcome, so it can be used only as a top-level criterion");
        }
        if (!context.traceable() && defined.meta().traced()) {
            problem(map, "'" + name + "' has an id, so it cannot be used inside where, then or when");
        }
        return Optional.of(defined);
    }

    /**
     * A definition, compiled the first time it is needed (so definitions may come in any order),
     * once for each list whose elements it may read (a definition used inside {@code where}).
     */
    private Optional<Criterion> definition(String name, Node usedAt, Optional<Shape> item) {
        String key = name + item.map(shape -> " in " + shape.name()).orElse("");
        Optional<Criterion> done = definitions.get(key);
        if (done != null) {
            return done;
        }
        if (!resolving.add(key)) {
            problem(usedAt, "the definition '" + name + "' uses itself");
            return Optional.empty();
        }
        Context context = item.isPresent() ? new Context(item, false, false) : new Context(Optional.empty(), true, true);
        Optional<Criterion> compiled = criterion(definitionNodes.get(name), context, Optional.empty());
        resolving.remove(key);
        definitions.put(key, compiled);
        return compiled;
    }

    /** Whether a definition names a fact that is not a request or derived fact (so a list element's). */
    private static boolean usesListFields(Node node) {
        if (node instanceof MapNode) {
            MapNode map = (MapNode) node;
            Node fact = map.entries().get("fact");
            if (fact instanceof Scalar) {
                String name = ((Scalar) fact).text();
                if (RequestContract.REQUEST.field(name).isEmpty() && DerivedFact.named(name).isEmpty()) {
                    return true;
                }
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

    private List<Criterion> children(Node node, Context context, Optional<String> cite) {
        if (!(node instanceof ListNode) || ((ListNode) node).items().isEmpty()) {
            problem(node, "all and any take a non-empty list of criteria");
            return List.of();
        }
        List<Criterion> children = new ArrayList<>();
        for (Node item : ((ListNode) node).items()) {
            criterion(item, context, cite).ifPresent(children::add);
        }
        return children;
    }

    private Meta meta(MapNode map, Context context, Optional<String> inheritedCite) {
        Optional<String> id = optionalText(map, "id");
        Optional<String> text = optionalText(map, "text");
        Optional<String> interpretation = optionalText(map, "interpretation");
        Optional<String> outcomeWord = optionalText(map, "outcome");
        Optional<String> missingWhenFalse = optionalText(map, "missingWhenFalse");
        if (id.isEmpty()) {
            for (String key : List.of("text", "cite", "interpretation", "outcome", "missingWhenFalse")) {
                if (map.entries().containsKey(key)) {
                    problem(map.entries().get(key), key + " needs an id on the same criterion");
                }
            }
            return Meta.INLINE;
        }
        if (!context.traceable()) {
            problem(map, "criterion '" + id.get() + "': inside where, then and when, criteria are parts of their parent and take no id");
            return Meta.INLINE;
        }
        if (text.isEmpty()) {
            problem(map, "criterion '" + id.get() + "' needs text: the policy's own words");
        }
        Optional<String> cite = rawCite(map).or(() -> inheritedCite);
        if (cite.isEmpty() || cite.get().isBlank()) {
            problem(map, "criterion '" + id.get() + "' needs a citation (cite: the section heading of " + source + ")");
        }
        Outcome failure = Outcome.DOES_NOT_MEET_CRITERIA;
        if (outcomeWord.isPresent()) {
            Node at = map.entries().get("outcome");
            if (!context.topLevel()) {
                problem(at, "outcome is allowed only on top-level criteria of scope and pathways");
            }
            failure = outcome(at, outcomeWord.get()).filter(o -> {
                boolean ok = FAILURE_OUTCOMES.contains(o);
                if (!ok) {
                    problem(at, "a criterion's outcome must be one of " + FAILURE_OUTCOMES);
                }
                return ok;
            }).orElse(Outcome.DOES_NOT_MEET_CRITERIA);
        }
        Optional<Field> document = missingWhenFalse.flatMap(path -> {
            Optional<Field> f = RequestContract.REQUEST.field(path).filter(x -> x.type() == FieldType.BOOLEAN);
            if (f.isEmpty()) {
                problem(map.entries().get("missingWhenFalse"), "missingWhenFalse must name a true/false request field");
            }
            return f;
        });
        return new Meta(id.get(), text.orElse(""), citation(cite.orElse("")), interpretation, failure, document);
    }

    private Optional<String> rawCite(MapNode map) {
        return optionalText(map, "cite");
    }

    private String citation(String section) {
        return source + " § " + section;
    }

    private Optional<Criterion> compare(MapNode map, Meta meta, Context context) {
        Node factNode = map.entries().get("fact");
        Optional<Fact> fact = fact(factNode, context);
        List<Operator> ops = new ArrayList<>();
        for (Operator op : Operator.values()) {
            if (map.entries().containsKey(op.word())) {
                ops.add(op);
            }
        }
        Set<String> allowed = new HashSet<>(META_KEYS);
        allowed.add("fact");
        allowed.add("unstated");
        ops.forEach(op -> allowed.add(op.word()));
        unknownKeys(map, allowed, "a fact test (operators: " + String.join(", ", Operator.words()) + ")");
        if (ops.size() != 1) {
            problem(map, "a fact test needs exactly one operator: " + String.join(", ", Operator.words()));
            return Optional.empty();
        }
        if (fact.isEmpty()) {
            return Optional.empty();
        }
        Operator op = ops.get(0);
        Node operandNode = map.entries().get(op.word());
        if (!op.appliesTo(fact.get().type())) {
            problem(operandNode, "'" + op.word() + "' does not apply to " + fact.get().factName() + ", which is "
                    + fact.get().type().expected() + "; it applies to " + op.types());
            return Optional.empty();
        }
        Object operand = op == Operator.SAME_AS ? sameAs(operandNode, fact.get(), context) : operand(operandNode, op, fact.get());
        Truth unstated = Truth.UNKNOWN;
        Node unstatedNode = map.entries().get("unstated");
        if (unstatedNode != null) {
            if (unstatedNode instanceof Scalar && ((Scalar) unstatedNode).isBoolean()) {
                unstated = Truth.of(Boolean.parseBoolean(((Scalar) unstatedNode).text()));
            } else {
                problem(unstatedNode, "unstated takes true or false: how to read a request that does not state the fact");
            }
        }
        return operand == null ? Optional.empty() : Optional.of(new Compare(meta, fact.get(), op, operand, unstated));
    }

    private Object operand(Node node, Operator op, Fact fact) {
        switch (op) {
            case IS:
            case PRESENT:
            case NOT_EMPTY:
                if (node instanceof Scalar && ((Scalar) node).isBoolean()) {
                    return Boolean.valueOf(((Scalar) node).text());
                }
                problem(node, op.word() + " takes true or false");
                return null;
            case IN:
            case NOT_IN:
            case INCLUDES: {
                List<String> values = allowedValues(node, fact.allowed(), fact.factName());
                return fact.type() == FieldType.STRING
                        ? values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList() // see Compare.comparable
                        : values;
            }
            default:
                if (node instanceof Scalar && ((Scalar) node).token().isNumeric()) {
                    return Double.valueOf(((Scalar) node).text());
                }
                problem(node, op.word() + " takes a number");
                return null;
        }
    }

    /** {@code sameAs: service.route}: the other fact, which must have the same type. */
    private Object sameAs(Node node, Fact fact, Context context) {
        Optional<Fact> other = fact(node, new Context(Optional.empty(), false, false));
        if (other.isEmpty()) {
            return null;
        }
        if (other.get().type() != fact.type()) {
            problem(node, "sameAs compares facts of one type: " + fact.factName() + " is " + fact.type().expected()
                    + ", " + other.get().factName() + " is " + other.get().type().expected());
            return null;
        }
        return other.get();
    }

    private List<String> allowedValues(Node node, List<String> allowed, String factName) {
        List<String> values = strings(node, factName);
        for (String value : values) {
            if (!allowed.isEmpty() && !allowed.contains(value)) {
                problem(node, "'" + value + "' is not a value of " + factName + "; allowed: " + String.join(", ", allowed));
            }
        }
        return values;
    }

    private Optional<Fact> fact(Node node, Context context) {
        String name = scalarText(node);
        if (context.item().isPresent()) {
            Optional<Field> itemField = context.item().get().field(name);
            if (itemField.isPresent()) {
                return Optional.of(new ItemFact(itemField.get()));
            }
        }
        Optional<Fact> fact = RequestContract.REQUEST.field(name).<Fact>map(RequestFact::new)
                .or(() -> DerivedFact.named(name).map(f -> f));
        if (fact.isEmpty()) {
            List<String> derived = new ArrayList<>();
            for (DerivedFact d : DerivedFact.values()) {
                derived.add(d.factName());
            }
            problem(node, "unknown fact '" + name + "': not a request field"
                    + context.item().map(s -> " nor a field of " + s.name()).orElse("")
                    + " nor a derived fact (" + String.join(", ", derived) + ")");
        }
        return fact;
    }

    private Optional<Criterion> refer(MapNode map, Meta meta, Context inner, Optional<String> cite) {
        Set<String> allowed = new HashSet<>(META_KEYS);
        allowed.addAll(Set.of("refer", "when"));
        unknownKeys(map, allowed, "refer");
        if (!meta.traced()) {
            problem(map, "a referral needs an id and text: the policy's words that send the case to review");
        }
        if (!"CASE_BY_CASE".equals(scalarText(map.entries().get("refer")))) {
            problem(map.entries().get("refer"), "refer takes CASE_BY_CASE");
        }
        Node when = map.entries().get("when");
        if (when == null) {
            problem(map, "refer needs when: the condition that sends the case to review");
            return Optional.empty();
        }
        return criterion(when, new Context(inner.item(), false, false), cite).map(c -> new Refer(meta, c));
    }

    /** exists / latest / count over a list of objects. */
    private Optional<Criterion> quantifier(MapNode map, String kind, Meta meta, Context context, Optional<String> cite) {
        Node listNode = map.entries().get(kind);
        String listName = scalarText(listNode);
        Optional<Field> list = RequestContract.REQUEST.field(listName).filter(f -> f.type() == FieldType.OBJECT_LIST);
        Set<String> allowed = new HashSet<>(META_KEYS);
        allowed.addAll(Set.of(kind, "where"));
        if (kind.equals("latest")) {
            allowed.add("then");
        }
        if (kind.equals("sum")) {
            allowed.add("of");
        }
        if (kind.equals("count") || kind.equals("sum")) {
            allowed.add("absent");
            for (Operator op : Operator.values()) {
                allowed.add(op.word());
            }
        }
        unknownKeys(map, allowed, kind);
        if (list.isEmpty()) {
            problem(listNode, kind + " takes a list of objects: medicationTrials, intraspinalTrials, documents or notes");
            return Optional.empty();
        }
        Fact listFact = new RequestFact(list.get());
        Context inItem = new Context(list.get().items(), false, false);
        Node whereNode = map.entries().get("where");
        Optional<Criterion> where = whereNode == null
                ? Optional.of(new All(Meta.INLINE, List.of()))
                : criterion(whereNode, inItem, cite);
        if (where.isEmpty()) {
            return Optional.empty();
        }
        switch (kind) {
            case "exists":
                return Optional.of(new Exists(meta, listFact, where.get()));
            case "latest": {
                Node thenNode = map.entries().get("then");
                if (thenNode == null) {
                    problem(map, "latest needs then: what the latest matching element must meet");
                    return Optional.empty();
                }
                return criterion(thenNode, inItem, cite).map(then -> new Latest(meta, listFact, where.get(), then));
            }
            case "sum":
                return sum(map, meta, listFact, list.get().items().get(), where.get());
            default:
                return count(map, meta, listFact, where.get());
        }
    }

    /** {@code sum: LIST, of: FIELD, where: c} and a numeric comparison: a total over the elements. */
    private Optional<Criterion> sum(MapNode map, Meta meta, Fact list, Shape item, Criterion where) {
        if (map.entries().containsKey("absent")) {
            problem(map.entries().get("absent"), "sum takes no absent: an unstated list is asked for");
        }
        Node ofNode = map.entries().get("of");
        if (ofNode == null) {
            problem(map, "sum needs of: the number field of " + item.name() + " to add up");
            return Optional.empty();
        }
        String name = scalarText(ofNode);
        Optional<Field> of = item.field(name).filter(f -> f.type() == FieldType.NUMBER);
        if (of.isEmpty()) {
            problem(ofNode, "sum adds up a number field of " + item.name() + "; '" + name + "' is not one");
            return Optional.empty();
        }
        Optional<Threshold> threshold = threshold(map, "sum");
        return threshold.map(t -> new Sum(meta, list, new ItemFact(of.get()), where, t.operator(), t.value()));
    }

    private record Threshold(Operator operator, double value) {}

    /** The one numeric comparison of a count or sum: {@code atLeast: 12}. */
    private Optional<Threshold> threshold(MapNode map, String kind) {
        List<Operator> ops = new ArrayList<>();
        for (Operator op : Operator.values()) {
            if (map.entries().containsKey(op.word())) {
                ops.add(op);
            }
        }
        if (ops.size() != 1 || !ops.get(0).appliesTo(FieldType.NUMBER)) {
            problem(map, kind + " needs one of atLeast, greaterThan, atMost, lessThan, equals");
            return Optional.empty();
        }
        Node thresholdNode = map.entries().get(ops.get(0).word());
        if (!(thresholdNode instanceof Scalar) || !((Scalar) thresholdNode).token().isNumeric()) {
            problem(thresholdNode, kind + " compares with a number");
            return Optional.empty();
        }
        return Optional.of(new Threshold(ops.get(0), Double.parseDouble(((Scalar) thresholdNode).text())));
    }

    private Optional<Criterion> count(MapNode map, Meta meta, Fact list, Criterion where) {
        Optional<Threshold> threshold = threshold(map, "count");
        if (threshold.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> absent = optionalText(map, "absent");
        if (absent.isPresent() && !absent.get().equals("empty") && !absent.get().equals("unknown")) {
            problem(map.entries().get("absent"), "absent takes empty or unknown");
        }
        return Optional.of(new Count(meta, list, where, threshold.get().operator(), threshold.get().value(),
                absent.orElse("unknown").equals("empty")));
    }

    private Optional<Outcome> outcome(Node at, String word) {
        try {
            return Optional.of(Outcome.valueOf(word));
        } catch (IllegalArgumentException e) {
            problem(at, "unknown outcome '" + word + "'; allowed: " + List.of(Outcome.values()));
            return Optional.empty();
        }
    }

    // ---- small readers -------------------------------------------------------------------------

    private void allowKeys(MapNode map, Set<String> body, String what) {
        Set<String> allowed = new HashSet<>(META_KEYS);
        allowed.addAll(body);
        unknownKeys(map, allowed, what);
    }

    private void unknownKeys(MapNode map, Set<String> allowed, String what) {
        for (Map.Entry<String, Integer> key : map.keyLines().entrySet()) {
            if (!allowed.contains(key.getKey())) {
                List<String> sorted = new ArrayList<>(allowed);
                sorted.sort(null);
                problems.add(file + ":" + key.getValue() + ": unknown key '" + key.getKey() + "' in " + what
                        + "; allowed: " + String.join(", ", sorted));
            }
        }
    }

    private String requiredText(MapNode map, String key) {
        Optional<String> text = optionalText(map, key);
        if (text.isEmpty()) {
            problem(map, "'" + key + "' is required");
        }
        return text.orElse("");
    }

    private Optional<String> optionalText(MapNode map, String key) {
        Node node = map.entries().get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof Scalar) || ((Scalar) node).text().isBlank()) {
            problem(node, "'" + key + "' must be a non-empty scalar");
            return Optional.empty();
        }
        return Optional.of(((Scalar) node).text());
    }

    private String scalarText(Node node) {
        if (node instanceof Scalar) {
            return ((Scalar) node).text();
        }
        problem(node, "expected a name, found " + (node == null ? "nothing" : node.kind()));
        return "";
    }

    private LocalDate date(MapNode map, String key) {
        String text = requiredText(map, key);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(map.entries().getOrDefault(key, map), "'" + key + "' must be a date YYYY-MM-DD");
            return LocalDate.MIN;
        }
    }

    private List<String> strings(Node node, String what) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof Scalar) {
            return List.of(((Scalar) node).text());
        }
        if (!(node instanceof ListNode)) {
            problem(node, what + " must be a list of values");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node item : ((ListNode) node).items()) {
            values.add(scalarText(item));
        }
        return values;
    }

    /**
     * The policy's documentation list: each entry a text, or {@code {text: ..., items: [...]}} for an
     * entry the source lists others beneath ("... including:").
     */
    private List<DocumentationItem> documentation(Node node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof ListNode)) {
            problem(node, "documentation must be a list of entries: a text, or {text: ..., items: [...]}");
            return List.of();
        }
        List<DocumentationItem> entries = new ArrayList<>();
        for (Node item : ((ListNode) node).items()) {
            if (item instanceof Scalar) {
                entries.add(DocumentationItem.of(((Scalar) item).text()));
            } else if (item instanceof MapNode) {
                MapNode map = (MapNode) item;
                unknownKeys(map, Set.of("text", "items"), "a documentation entry");
                Node items = map.entries().get("items");
                if (items == null) {
                    problem(map, "a documentation entry written as a mapping lists its 'items'; an entry without them is a text");
                }
                entries.add(new DocumentationItem(requiredText(map, "text"), documentation(items)));
            } else {
                problem(item, "a documentation entry is a text, or {text: ..., items: [...]}");
            }
        }
        return entries;
    }

    private void problem(Node at, String message) {
        problems.add(file + ":" + (at == null ? 1 : at.line()) + ": " + message);
    }

}
