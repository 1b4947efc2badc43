package org.pumpauth.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pumpauth.determination.Outcome;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Describe;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyVersion;

/**
 * A policy version's page: what the version is (payer, the dates it is in force, its source
 * document), then its scope and pathways, each criterion with the policy's words, its logic, the
 * citation, the interpretation note and the cited source passage.
 */
public record PolicyVersionPage(
        Chrome chrome, PolicyListPage.Version version, List<PolicyListPage.Version> versions, List<String> codes,
        List<Node> scope, List<Way> pathways) {

    /** A pathway: when it applies, and its criteria or the outcome the policy gives it outright. */
    public record Way(String id, String text, String citation, Optional<SourcePassages.Passage> passage, String when,
            Optional<String> outcome, List<Node> criteria) {}

    /**
     * A criterion with an id, as the policy states it. {@code logic} is the test in one line (a
     * child criterion in brackets); {@code ifNotMet} the outcome a top-level criterion gives when
     * not met; {@code passageAbove} where the pathway or parent shows the same passage, which is not repeated.
     */
    public record Node(String id, String text, String logic, String citation, Optional<String> interpretation,
            Optional<SourcePassages.Passage> passage, boolean passageAbove, Optional<String> ifNotMet, List<Node> children) {}

    static PolicyVersionPage of(Chrome chrome, Policy policy, PolicyVersion version, SourcePassages sources) {
        List<Way> ways = new ArrayList<>();
        for (Pathway p : version.pathways()) {
            ways.add(new Way(p.id(), p.text(), p.citation(), passage(p.citation(), sources), Describe.logic(p.when()),
                    p.outcome().map(PolicyVersionPage::words), nodes(p.criteria(), true, p.citation(), sources)));
        }
        return new PolicyVersionPage(chrome, PolicyListPage.version(policy, version), PolicyListPage.versions(policy),
                version.codes(), nodes(version.scope(), true, "", sources), ways);
    }

    /**
     * The criteria with an id under these, nearest first: an inline part shows through its own traced
     * parts. A criterion citing the same passage as its pathway or parent (most do) does not repeat it.
     */
    private static List<Node> nodes(List<Criterion> criteria, boolean topLevel, String enclosing, SourcePassages sources) {
        List<Node> out = new ArrayList<>();
        for (Criterion c : criteria) {
            if (!c.meta().traced()) {
                out.addAll(nodes(c.children(), topLevel, enclosing, sources));
                continue;
            }
            String citation = c.meta().citation();
            out.add(new Node(c.meta().id(), c.meta().text(), Describe.logic(c), citation, c.meta().interpretation(),
                    citation.equals(enclosing) ? Optional.empty() : passage(citation, sources), citation.equals(enclosing),
                    topLevel ? Optional.of(words(c.meta().failure())) : Optional.empty(),
                    nodes(c.children(), false, citation, sources)));
        }
        return out;
    }

    private static Optional<SourcePassages.Passage> passage(String citation, SourcePassages sources) {
        return citation.isEmpty() ? Optional.empty() : sources.find(citation);
    }

    /** An outcome as a reader says it: "does not meet criteria". */
    static String words(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
