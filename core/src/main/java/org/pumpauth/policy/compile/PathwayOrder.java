package org.pumpauth.policy.compile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pumpauth.policy.All;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Meta;
import org.pumpauth.policy.Not;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;
import org.pumpauth.policy.compile.Yaml.Scalar;
import org.pumpauth.request.RequestContract;

/**
 * Pathway choice without traps. Pathways are tried in order and the first whose {@code when}
 * holds is taken, even when an earlier one is still undecided. Two pathways whose service kinds
 * and indications can both hold for one request must say which wins, on the later one:
 * {@code after: [earlier]} (the earlier is taken when both hold; the later is taken when the earlier
 * is undecided), or {@code unless: [earlier]} (the later is taken only when the earlier is known not
 * to hold: a catch-all, which no longer guards itself by hand with {@code not:}).
 */
final class PathwayOrder {
    private final Diagnostics diagnostics;
    private final Keys keys;

    PathwayOrder(Diagnostics diagnostics, Keys keys) {
        this.diagnostics = diagnostics;
        this.keys = keys;
    }

    /** A pathway as read, with what chooses it and what it says about the pathways before it. */
    record Read(Pathway pathway, MapNode node, Set<String> kinds, Set<String> indications) {}

    /** The pathways with each {@code unless} written into its {@code when}; every undeclared overlap reported. */
    List<Pathway> order(List<Read> read) {
        List<Pathway> pathways = new ArrayList<>();
        for (int j = 0; j < read.size(); j++) {
            Read later = read.get(j);
            List<Read> earlier = read.subList(0, j);
            Set<String> after = declared(later, "after", earlier);
            Set<String> unless = declared(later, "unless", earlier);
            List<Criterion> guards = new ArrayList<>();
            for (Read first : earlier) {
                String id = first.pathway().id();
                if (unless.contains(id)) {
                    guards.add(new Not(Meta.INLINE, first.pathway().when()));
                } else if (!after.contains(id) && overlap(first, later)) {
                    diagnostics.report(later.node().keys().getOrDefault("when", later.node().at()), Diagnostic.PATHWAYS_OVERLAP,
                            id, later.pathway().id(), common(first.kinds(), later.kinds()),
                            common(first.indications(), later.indications()), id, id);
                }
            }
            pathways.add(guards.isEmpty() ? later.pathway() : guarded(later.pathway(), guards));
        }
        return pathways;
    }

    private static Pathway guarded(Pathway pathway, List<Criterion> guards) {
        List<Criterion> parts = new ArrayList<>();
        parts.add(pathway.when());
        parts.addAll(guards);
        Pathway p = pathway;
        return new Pathway(p.id(), p.text(), p.citation(), new All(Meta.INLINE, parts), p.outcome(), p.criteria());
    }

    /** The ids listed under {@code after:} or {@code unless:}, each of which must be an earlier pathway. */
    private Set<String> declared(Read later, String key, List<Read> earlier) {
        Set<String> ids = new LinkedHashSet<>();
        Node node = later.node().get(key);
        List<String> earlierIds = earlier.stream().map(r -> r.pathway().id()).toList();
        for (Scalar value : keys.values(node, key)) {
            if (!earlierIds.contains(value.text())) {
                diagnostics.report(value, Diagnostic.NOT_AN_EARLIER_PATHWAY, value.text(),
                        Suggestions.didYouMean(value.text(), earlierIds), key, later.pathway().id(),
                        earlierIds.isEmpty() ? "none" : String.join(", ", earlierIds));
            }
            ids.add(value.text());
        }
        return ids;
    }

    /** Whether one request can have a service kind and an indication both pathways take. */
    private static boolean overlap(Read a, Read b) {
        return !common(a.kinds(), b.kinds()).isEmpty() && !common(a.indications(), b.indications()).isEmpty();
    }

    private static String common(Set<String> a, Set<String> b) {
        List<String> both = new ArrayList<>(a);
        both.retainAll(b);
        return String.join(", ", both);
    }

    /** The values a pathway's {@code when} takes for {@code kind} or {@code indication}: all when it names none. */
    static Set<String> chosen(Map<String, List<String>> when, String key) {
        List<String> all = key.equals("kind") ? RequestContract.SERVICE_KINDS : RequestContract.INDICATION_CATEGORIES;
        return new LinkedHashSet<>(Optional.ofNullable(when.get(key)).orElse(all));
    }
}
