package org.pumpauth.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pumpauth.diff.Change;
import org.pumpauth.diff.PolicyDiff;
import org.pumpauth.policy.Criteria;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Describe;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyVersion;

/**
 * What changed between two versions of one policy, for the medical director deciding on the change:
 * {@link PolicyDiff}'s changes (the same as {@code pumpauth diff}), grouped by pathway, each
 * criterion added or removed with its words, each change with the part that changed before and
 * after, the words compared word by word.
 */
public record PolicyDiffPage(Chrome chrome, PolicyListPage.Entry policy, String from, String to, List<String> errors,
        Optional<Result> result) {

    /** The comparison: the two versions, how many of each kind of change, and the changes by pathway. */
    public record Result(PolicyListPage.Version before, PolicyListPage.Version after, int added, int removed,
            int changed, List<Group> groups) {
        public boolean none() {
            return groups.isEmpty();
        }
    }

    /** The changes of one pathway ({@code scope}: the criteria every request must meet first). */
    public record Group(String pathway, String title, List<Item> items) {}

    /**
     * One change: {@code kind} is added, removed or changed; {@code subject} the criterion (or the
     * pathway itself); {@code text} the words of what was added or removed; {@code parts} for a change.
     */
    public record Item(String kind, String subject, String text, List<Detail> details, List<Part> parts) {}

    /** What an added or removed criterion or pathway is, besides its words. */
    public record Detail(String label, String value) {}

    /** A part that changed (words, logic, citation, interpretation, outcome), before and after. */
    public record Part(String label, String before, String after, List<WordDiff.Part> words) {}

    /** The page with only the form: {@code errors} say what of the choice was wrong. */
    static PolicyDiffPage form(Chrome chrome, Policy policy, String from, String to, List<String> errors) {
        return new PolicyDiffPage(chrome, entry(policy), from, to, errors, Optional.empty());
    }

    static PolicyDiffPage of(Chrome chrome, Policy policy, PolicyVersion from, PolicyVersion to) {
        PolicyDiff diff = PolicyDiff.between(from, to);
        Map<String, Group> groups = new LinkedHashMap<>();
        int[] counts = new int[3];
        for (Change change : diff.changes()) {
            counts[change.kind().ordinal()]++;
            String pathway = change.pathway();
            Group group = groups.computeIfAbsent(pathway, p -> new Group(p, title(p, from, to), new ArrayList<>()));
            group.items().add(item(change, from, to));
        }
        return new PolicyDiffPage(chrome, entry(policy), from.effectiveFrom().toString(), to.effectiveFrom().toString(),
                List.of(), Optional.of(new Result(PolicyListPage.version(policy, from), PolicyListPage.version(policy, to),
                        counts[Change.Kind.ADDED.ordinal()], counts[Change.Kind.REMOVED.ordinal()],
                        counts[Change.Kind.CHANGED.ordinal()], List.copyOf(groups.values()))));
    }

    private static PolicyListPage.Entry entry(Policy policy) {
        return new PolicyListPage.Entry(policy.id(), policy.title(), PolicyListPage.versions(policy));
    }

    private static String title(String pathway, PolicyVersion from, PolicyVersion to) {
        if (pathway.equals("scope")) {
            return "Scope: what every request must meet before any pathway";
        }
        return to.pathway(pathway).or(() -> from.pathway(pathway)).map(p -> "Pathway " + pathway + ": " + p.text())
                .orElse("Pathway " + pathway);
    }

    private static Item item(Change change, PolicyVersion from, PolicyVersion to) {
        String kind = change.kind().name().toLowerCase(java.util.Locale.ROOT);
        String subject = change.criterion().map(id -> "Criterion " + id).orElse("The pathway itself");
        if (change.kind() != Change.Kind.CHANGED) {
            PolicyVersion version = change.kind() == Change.Kind.ADDED ? to : from;
            return new Item(kind, subject, change.after().or(change::before).orElse(""), details(change, version), List.of());
        }
        List<Part> parts = new ArrayList<>();
        if (change.criterion().isEmpty()) {
            Pathway old = from.pathway(change.pathway()).orElseThrow();
            Pathway now = to.pathway(change.pathway()).orElseThrow();
            for (String part : change.parts()) {
                switch (part) {
                    case "text":
                        parts.add(part("Words", old.text(), now.text()));
                        break;
                    case "when":
                        parts.add(part("When it applies", Describe.logic(old.when()), Describe.logic(now.when())));
                        break;
                    default:
                        parts.add(part("Outcome", pathwayOutcome(old), pathwayOutcome(now)));
                        break;
                }
            }
            return new Item(kind, subject, now.text(), List.of(), parts);
        }
        Criterion old = criterion(from, change.pathway(), change.criterion().get());
        Criterion now = criterion(to, change.pathway(), change.criterion().get());
        for (String part : change.parts()) {
            switch (part) {
                case "text":
                    parts.add(part("Words", old.meta().text(), now.meta().text()));
                    break;
                case "logic":
                    parts.add(part("Logic (facts, thresholds, values)", Describe.logic(old), Describe.logic(now)));
                    break;
                case "citation":
                    parts.add(part("Citation", old.meta().citation(), now.meta().citation()));
                    break;
                case "interpretation":
                    parts.add(part("Interpretation", old.meta().interpretation().orElse("none"),
                            now.meta().interpretation().orElse("none")));
                    break;
                default:
                    parts.add(part("Outcome when not met", PolicyVersionPage.words(old.meta().failure()),
                            PolicyVersionPage.words(now.meta().failure())));
                    break;
            }
        }
        return new Item(kind, subject, now.meta().text(), List.of(), parts);
    }

    /** An added criterion as the later version states it, a removed one as the earlier did. */
    private static List<Detail> details(Change change, PolicyVersion version) {
        List<Detail> details = new ArrayList<>();
        if (change.criterion().isEmpty()) {
            Pathway p = version.pathway(change.pathway()).orElseThrow();
            details.add(new Detail("When it applies", Describe.logic(p.when())));
            details.add(new Detail("Outcome", pathwayOutcome(p)));
            return details;
        }
        Criterion c = criterion(version, change.pathway(), change.criterion().get());
        details.add(new Detail("Logic", Describe.logic(c)));
        details.add(new Detail("Citation", c.meta().citation()));
        c.meta().interpretation().ifPresent(i -> details.add(new Detail("Interpretation", i)));
        return details;
    }

    private static String pathwayOutcome(Pathway pathway) {
        return pathway.outcome().map(o -> "given outright: " + PolicyVersionPage.words(o)).orElse("decided by its criteria");
    }

    private static Part part(String label, String before, String after) {
        return new Part(label, before, after, WordDiff.of(before, after));
    }

    private static Criterion criterion(PolicyVersion version, String pathway, String id) {
        List<Criterion> criteria = pathway.equals("scope") ? version.scope()
                : version.pathway(pathway).map(Pathway::criteria).orElse(List.of());
        Criterion found = Criteria.byId(criteria).get(id);
        if (found == null) {
            throw new IllegalStateException("the diff names " + id + " under " + pathway + ", which " + version.key() + " lacks");
        }
        return found;
    }
}
