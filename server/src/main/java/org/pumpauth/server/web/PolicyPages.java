package org.pumpauth.server.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.server.ServiceException;

/**
 * The policies pages, which every signed-in role may read: {@code /policies} (the policies and
 * their versions), {@code /policies/{id}/versions/{date}} (a version's pathways and criteria beside
 * their source passages) and {@code /policies/{id}/diff?from=DATE&to=DATE} (what changed).
 * A version is named by the date it took effect, as in {@code id@YYYY-MM-DD} (G8).
 */
final class PolicyPages {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private final PolicyRegistry registry;
    private final SourcePassages sources;

    PolicyPages(PolicyRegistry registry, SourcePassages sources) {
        this.registry = registry;
        this.sources = sources;
    }

    /** A page to render: its status, template and model. */
    record View(int status, String template, Object model) {}

    /** Whether a path is one of these pages (policy ids and dates are no clinical data: the access log may show them). */
    static boolean isPolicyPath(String path) {
        return path.equals("/policies")
                || path.matches("/policies/[A-Za-z0-9][A-Za-z0-9._-]{0,99}/(versions/[0-9]{4}-[0-9]{2}-[0-9]{2}|diff)");
    }

    /** The page of a version, for a link from a determination's policy id and version. */
    static String href(String policy, Optional<String> version) {
        String page = "/policies/" + policy + "/versions/" + version.orElse("");
        return isPolicyPath(page) ? page : "/policies";
    }

    View list(Function<String, Chrome> chrome) {
        return new View(200, "policies.jte", PolicyListPage.of(chrome.apply("Policies"), registry.policies()));
    }

    View version(Function<String, Chrome> chrome, String id, String date) {
        Policy policy = policy(id);
        PolicyVersion version = find(policy, date).orElseThrow(() -> new ServiceException.NotFound(
                "no such version of this policy; its versions are " + dates(policy)));
        return new View(200, "policyVersion.jte", PolicyVersionPage.of(
                chrome.apply(policy.id() + " version " + version.effectiveFrom()), policy, version, sources));
    }

    /**
     * The diff of two versions chosen in the page's form; without a choice, the latest version
     * against the one before it. A wrong choice is a 400 naming the field and the versions allowed.
     */
    View diff(Function<String, Chrome> chrome, String id, Optional<String> fromParam, Optional<String> toParam) {
        Policy policy = policy(id);
        Chrome page = chrome.apply("Changes to " + policy.id());
        List<PolicyVersion> versions = policy.versions();
        if (versions.size() < 2) {
            return new View(200, "policyDiff.jte", PolicyDiffPage.form(page, policy, "", "", List.of(
                    "This policy has one version (" + versions.get(0).effectiveFrom() + "): there is nothing to compare.")));
        }
        String fromDate = fromParam.orElse(versions.get(versions.size() - 2).effectiveFrom().toString());
        String toDate = toParam.orElse(versions.get(versions.size() - 1).effectiveFrom().toString());
        Optional<PolicyVersion> from = find(policy, fromDate);
        Optional<PolicyVersion> to = find(policy, toDate);
        List<String> errors = new ArrayList<>();
        from.ifPresentOrElse(v -> { }, () -> errors.add("from: must be one of the versions of " + policy.id() + ": " + dates(policy)));
        to.ifPresentOrElse(v -> { }, () -> errors.add("to: must be one of the versions of " + policy.id() + ": " + dates(policy)));
        if (errors.isEmpty() && from.get().equals(to.get())) {
            errors.add("to: must be another version than from; choose two different versions");
        }
        if (!errors.isEmpty()) {
            return new View(400, "policyDiff.jte", PolicyDiffPage.form(page, policy, from.map(v -> fromDate).orElse(""),
                    to.map(v -> toDate).orElse(""), errors));
        }
        return new View(200, "policyDiff.jte", PolicyDiffPage.of(page, policy, from.get(), to.get()));
    }

    private Policy policy(String id) {
        return registry.policy(id).orElseThrow(() -> new ServiceException.NotFound(
                "no such policy; the policies page lists those this service reviews under"));
    }

    private static Optional<PolicyVersion> find(Policy policy, String date) {
        if (!DATE.matcher(date).matches()) {
            return Optional.empty();
        }
        return policy.versions().stream().filter(v -> v.effectiveFrom().toString().equals(date)).findFirst();
    }

    private static String dates(Policy policy) {
        return String.join(", ", policy.versions().stream().map(PolicyVersion::effectiveFrom).map(LocalDate::toString).toList());
    }
}
