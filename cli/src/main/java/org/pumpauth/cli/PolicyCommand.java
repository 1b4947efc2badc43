package org.pumpauth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.pumpauth.determination.Outcome;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Describe;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.PolicySelection;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.policy.UnknownPolicyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pumpauth policy show}: one version's criteria, with citations and interpretation notes;
 * {@code pumpauth policy check}: the problems in policy files ({@link PolicyCheckCommand});
 * {@code pumpauth policy test}: an analyst's cases ({@link PolicyTestCommand}); {@code pumpauth policy impact}: what a
 * change does to requests ({@link PolicyImpactCommand}).
 */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Show a policy version, check policy files, run policy cases, or measure the impact of a change.",
        subcommands = {PolicyCommand.Show.class, PolicyCheckCommand.class, PolicyTestCommand.class, PolicyImpactCommand.class})
final class PolicyCommand extends CommandGroup {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a version's criteria tree with citations and interpretation notes.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        PolicyCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID[@DATE]|FILE", description = "The policy; @DATE picks the version in force on that date"
                + " (default: the latest version). Or a policy file (*.yaml) that need not be built in.")
        String policy;

        @Override
        public Integer call() throws IOException {
            PolicyVersion version = PolicyArgument.isFile(policy)
                    ? PolicyArgument.version("FILE", policy, parent.main, spec.commandLine())
                    : version();
            PrintWriter out = spec.commandLine().getOut();
            out.println(version.key() + "  " + version.title());
            out.println("Payer:   " + version.payer());
            out.println("Source:  " + version.source());
            version.reconstructed().ifPresent(why -> out.println("Reconstructed: " + why));
            out.println("Codes:   " + (version.codes().isEmpty() ? "(none listed)" : String.join(", ", version.codes())));
            if (!version.scope().isEmpty()) {
                out.println();
                out.println("Scope (every request)");
                print(out, version.scope(), "  ");
            }
            for (Pathway pathway : version.pathways()) {
                out.println();
                out.print(Wrap.text("Pathway ", "  ", pathway.id() + ": " + pathway.text()));
                out.print(Wrap.text("  when:  ", "         ", Describe.logic(pathway.when())));
                out.print(Wrap.text("  cites: ", "         ", pathway.citation()));
                pathway.outcome().ifPresent(o -> out.println("  outcome: " + o));
                print(out, pathway.criteria(), "  ");
            }
            return 0;
        }

        private PolicyVersion version() {
            PolicySelection selection;
            try {
                selection = parent.main.registry().select(policy);
            } catch (UnknownPolicyException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            return selection.version().orElse(selection.policy().latest());
        }

        private static void print(PrintWriter out, List<Criterion> criteria, String indent) {
            for (Criterion criterion : criteria) {
                print(out, criterion, indent);
            }
        }

        private static void print(PrintWriter out, Criterion criterion, String indent) {
            if (!criterion.meta().traced()) {
                criterion.children().forEach(child -> print(out, child, indent));
                return;
            }
            String more = indent + "             ";
            out.print(Wrap.text(indent + "- ", indent + "    ", criterion.meta().id() + ": " + criterion.meta().text()));
            out.print(Wrap.text(indent + "    logic:   ", more, Describe.logic(criterion)));
            out.print(Wrap.text(indent + "    cites:   ", more, criterion.meta().citation()));
            criterion.meta().interpretation().ifPresent(note -> out.print(Wrap.text(indent + "    reading: ", more, note)));
            if (criterion.meta().failure() != Outcome.DOES_NOT_MEET_CRITERIA) {
                out.println(indent + "    if not met: " + criterion.meta().failure());
            }
            criterion.children().forEach(child -> print(out, child, indent + "    "));
        }
    }
}
