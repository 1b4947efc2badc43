package org.pumpauth.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.pumpauth.server.audit.AuditVerifier;
import org.pumpauth.server.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code pumpauth audit}: the review service's audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the review service's audit trail.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand extends CommandGroup {

    /** {@code pumpauth audit verify}: exit 0 when the chain is intact, 1 naming the first broken entry. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recompute every audit entry's hash and its link to the one before.",
                "Exit status: 0 when the trail is intact; 1 when an entry is broken (the first is named)."})
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = Database.open(database.settings(), 2)) {
                AuditVerifier.Verification result = new AuditVerifier(db.jdbi()).verify();
                if (result.intact()) {
                    out.println(result.entries() + " entries" + (result.letters() == 0 ? ""
                            : " and " + result.letters() + (result.letters() == 1 ? " letter" : " letters")) + ", intact");
                    return 0;
                }
                AuditVerifier.Break broken = result.firstBreak().get();
                out.println("broken at entry " + broken.seq() + ": " + broken.reason() + " (" + result.entries()
                        + " entries before it are intact)");
                return 1;
            }
        }
    }
}
