package org.pumpauth.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All versions of one payer policy, oldest first; picks the one in force on a date (G8). */
public record Policy(String id, List<PolicyVersion> versions) {
    public Policy {
        List<PolicyVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(PolicyVersion::effectiveFrom));
        versions = List.copyOf(sorted);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException(id + " has no versions");
        }
    }

    /** The version in force on {@code date}: the latest that took effect on or before it. */
    public Optional<PolicyVersion> inForce(LocalDate date) {
        PolicyVersion found = null;
        for (PolicyVersion version : versions) {
            if (!version.effectiveFrom().isAfter(date)) {
                found = version;
            }
        }
        return Optional.ofNullable(found);
    }

    public PolicyVersion latest() {
        return versions.get(versions.size() - 1);
    }

    public String title() {
        return latest().title();
    }
}
