package org.pumpauth.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policies pumpauth knows, compiled once at start-up: those shipped in the jar
 * ({@link #builtIn()}), or those in a directory of policy files
 * ({@link org.pumpauth.policy.load.PolicyFiles}).
 */
public final class PolicyRegistry {

    private final Map<String, Policy> policies;

    private PolicyRegistry(List<PolicyVersion> versions) {
        Map<String, List<PolicyVersion>> byId = new LinkedHashMap<>();
        for (PolicyVersion version : versions) {
            List<PolicyVersion> list = byId.computeIfAbsent(version.id(), k -> new ArrayList<>());
            for (PolicyVersion other : list) {
                if (other.effectiveFrom().equals(version.effectiveFrom())) {
                    throw new PolicyLoadException(List.of(version.file() + ":1: " + version.key()
                            + " is defined twice (also in " + other.file() + ")"));
                }
            }
            list.add(version);
        }
        Map<String, Policy> map = new LinkedHashMap<>();
        byId.forEach((id, list) -> map.put(id, new Policy(id, list)));
        this.policies = Map.copyOf(map);
    }

    public static PolicyRegistry of(List<PolicyVersion> versions) {
        return new PolicyRegistry(versions);
    }

    /**
     * The policies shipped with pumpauth; {@link org.pumpauth.policy.load.BuiltInPolicies} reads them
     * from the jar.
     */
    public static PolicyRegistry builtIn() {
        return org.pumpauth.policy.load.BuiltInPolicies.registry();
    }

    public Collection<Policy> policies() {
        return policies.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    public Optional<Policy> policy(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    /**
     * Resolves {@code id} or {@code id@YYYY-MM-DD}. A date names the version that took effect on
     * it, or the one in force on it.
     */
    public PolicySelection select(String spec) {
        int at = spec.indexOf('@');
        String id = at < 0 ? spec : spec.substring(0, at);
        // The lists in the messages are built only when a policy is not found: every submission selects one.
        Policy policy = policy(id).orElseThrow(() -> {
            String known = String.join(", ", policies().stream().map(Policy::id).toList());
            return new UnknownPolicyException("unknown policy '" + id + "'; known: " + known,
                    "is not a known policy; known: " + known + " (a version as ID@YYYY-MM-DD)");
        });
        if (at < 0) {
            return new PolicySelection(policy, Optional.empty());
        }
        LocalDate date;
        try {
            date = LocalDate.parse(spec.substring(at + 1));
        } catch (DateTimeParseException e) {
            throw new UnknownPolicyException("'" + spec + "': the version must be a date, as " + id + "@YYYY-MM-DD",
                    "must name a version by a date, as " + id + "@YYYY-MM-DD");
        }
        PolicyVersion version = policy.inForce(date).orElseThrow(() -> {
            String versions = String.join(", ", policy.versions().stream().map(v -> v.effectiveFrom().toString()).toList());
            return new UnknownPolicyException("no version of " + id + " is in force on " + date + "; versions: " + versions,
                    "names a date on which no version of " + id + " is in force; versions: " + versions);
        });
        return new PolicySelection(policy, Optional.of(version));
    }
}
