package org.pumpauth.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyVersion;

/** The policies page: every policy the service reviews under, with each of its versions. */
public record PolicyListPage(Chrome chrome, List<Entry> policies) {

    /** A policy: its id, the title of its latest version, and its versions oldest first. */
    public record Entry(String id, String title, List<Version> versions) {
        /** Whether there are two versions to compare. */
        public boolean comparable() {
            return versions.size() > 1;
        }
    }

    /**
     * One version: its date (the version's id, G8), the day before the next version took effect
     * (empty for the latest), and what the version says of itself.
     */
    public record Version(String policy, String effectiveFrom, Optional<String> effectiveUntil, String title,
            String payer, String source, Optional<String> reconstructed) {
        /** The version's page. */
        public String href() {
            return "/policies/" + policy + "/versions/" + effectiveFrom;
        }

        /** The dates in words: "2023-07-01 to 2023-12-31", or "from 2024-01-01 (latest)". */
        public String dates() {
            return effectiveUntil.map(until -> effectiveFrom + " to " + until).orElse("from " + effectiveFrom + " (latest)");
        }
    }

    static PolicyListPage of(Chrome chrome, java.util.Collection<Policy> policies) {
        List<Entry> entries = new ArrayList<>();
        for (Policy p : policies) {
            entries.add(new Entry(p.id(), p.title(), versions(p)));
        }
        return new PolicyListPage(chrome, entries);
    }

    static List<Version> versions(Policy policy) {
        List<Version> out = new ArrayList<>();
        for (PolicyVersion v : policy.versions()) {
            out.add(version(policy, v));
        }
        return out;
    }

    static Version version(Policy policy, PolicyVersion v) {
        List<PolicyVersion> all = policy.versions();
        int at = all.indexOf(v);
        Optional<String> until = at + 1 < all.size()
                ? Optional.of(all.get(at + 1).effectiveFrom().minusDays(1).toString()) : Optional.empty();
        return new Version(policy.id(), v.effectiveFrom().toString(), until, v.title(), v.payer(), v.source(),
                v.reconstructed());
    }
}
