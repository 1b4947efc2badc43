package org.pumpauth.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pumpauth.policy.Criteria;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Describe;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.PolicyVersion;

/**
 * What changed between two versions of a policy, criterion by criterion (matched by id within
 * their pathway): added, removed, or changed in its words, its logic (thresholds, values), its
 * interpretation or the outcome its failure gives. A citation is reported with such a change, but
 * on its own (the same words under another heading of another document) it is not a change.
 */
public record PolicyDiff(PolicyVersion from, PolicyVersion to, List<Change> changes) {
    public PolicyDiff {
        changes = List.copyOf(changes);
    }

    public static PolicyDiff between(PolicyVersion from, PolicyVersion to) {
        List<Change> changes = new ArrayList<>();
        compare("scope", Criteria.byId(from.scope()), Criteria.byId(to.scope()), changes);
        Map<String, Pathway> before = pathways(from);
        Map<String, Pathway> after = pathways(to);
        for (Pathway old : before.values()) {
            Pathway now = after.get(old.id());
            if (now == null) {
                changes.add(new Change(Change.Kind.REMOVED, old.id(), Optional.empty(), List.of(),
                        Optional.of(old.text()), Optional.empty()));
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (!old.text().equals(now.text())) {
                parts.add("text");
            }
            if (!Describe.logic(old.when()).equals(Describe.logic(now.when()))) {
                parts.add("when");
            }
            if (!old.outcome().equals(now.outcome())) {
                parts.add("outcome");
            }
            if (!parts.isEmpty()) {
                changes.add(new Change(Change.Kind.CHANGED, old.id(), Optional.empty(), parts,
                        Optional.of(describe(old)), Optional.of(describe(now))));
            }
            compare(old.id(), Criteria.byId(old.criteria()), Criteria.byId(now.criteria()), changes);
        }
        for (Pathway now : after.values()) {
            if (!before.containsKey(now.id())) {
                changes.add(new Change(Change.Kind.ADDED, now.id(), Optional.empty(), List.of(),
                        Optional.empty(), Optional.of(now.text())));
            }
        }
        return new PolicyDiff(from, to, changes);
    }

    private static Map<String, Pathway> pathways(PolicyVersion version) {
        Map<String, Pathway> map = new LinkedHashMap<>();
        version.pathways().forEach(p -> map.put(p.id(), p));
        return map;
    }

    private static String describe(Pathway pathway) {
        return pathway.text() + " | when " + Describe.logic(pathway.when())
                + pathway.outcome().map(o -> " | outcome " + o).orElse("");
    }

    private static void compare(String pathway, Map<String, Criterion> before, Map<String, Criterion> after,
            List<Change> changes) {
        for (Map.Entry<String, Criterion> entry : before.entrySet()) {
            Criterion old = entry.getValue();
            Criterion now = after.get(entry.getKey());
            if (now == null) {
                changes.add(new Change(Change.Kind.REMOVED, pathway, Optional.of(entry.getKey()), List.of(),
                        Optional.of(old.meta().text()), Optional.empty()));
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (!old.meta().text().equals(now.meta().text())) {
                parts.add("text");
            }
            if (!Describe.logic(old).equals(Describe.logic(now))) {
                parts.add("logic");
            }
            if (!section(old).equals(section(now))) {
                parts.add("citation");
            }
            if (!Objects.equals(old.meta().interpretation(), now.meta().interpretation())) {
                parts.add("interpretation");
            }
            if (old.meta().failure() != now.meta().failure()) {
                parts.add("outcome");
            }
            if (!parts.isEmpty() && !parts.equals(List.of("citation"))) { // a heading that moved is not a change of criteria
                changes.add(new Change(Change.Kind.CHANGED, pathway, Optional.of(entry.getKey()), parts,
                        Optional.of(summary(old)), Optional.of(summary(now))));
            }
        }
        for (Map.Entry<String, Criterion> entry : after.entrySet()) {
            if (!before.containsKey(entry.getKey())) {
                changes.add(new Change(Change.Kind.ADDED, pathway, Optional.of(entry.getKey()), List.of(),
                        Optional.empty(), Optional.of(entry.getValue().meta().text())));
            }
        }
    }

    /** The section heading: citations name different source files for different versions. */
    private static String section(Criterion criterion) {
        String citation = criterion.meta().citation();
        int at = citation.indexOf(" § ");
        return at < 0 ? citation : citation.substring(at + 3);
    }

    private static String summary(Criterion criterion) {
        return criterion.meta().text() + " | " + Describe.logic(criterion);
    }
}
