package org.pumpauth.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code pumpauth policies}: what pumpauth knows. */
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = "List the policies, their versions, effective dates and titles.")
final class PoliciesCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PolicyRegistry registry = main.registry(); // before the header: a loading error prints alone
        out.printf("%-16s %-11s %-12s %s%n", "POLICY", "VERSION", "IN FORCE TO", "TITLE");
        for (Policy policy : registry.policies()) {
            for (int i = 0; i < policy.versions().size(); i++) {
                PolicyVersion version = policy.versions().get(i);
                String until = i + 1 < policy.versions().size()
                        ? policy.versions().get(i + 1).effectiveFrom().minusDays(1).toString()
                        : "-";
                out.printf("%-16s %-11s %-12s %s%s%n", policy.id(), version.effectiveFrom(), until, version.title(),
                        version.reconstructed().isPresent() ? " (reconstructed)" : "");
            }
        }
        return 0;
    }
}
