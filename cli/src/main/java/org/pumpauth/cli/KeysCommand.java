package org.pumpauth.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.pumpauth.server.access.ApiKeys;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pumpauth keys}: API keys of the review service. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage the review service's API keys.",
        subcommands = KeysCommand.Create.class)
final class KeysCommand extends CommandGroup {

    /** {@code pumpauth keys create}: prints a new key once; only its hash is stored. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create an API key and print it (once: only its SHA-256 is stored).",
                "Works while the server runs on the same data."})
    static final class Create implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "submitter, nurse, physician or admin.")
        String role;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "Who holds the key; the actor in the audit trail. Unique.")
        String name;

        @Override
        public Integer call() {
            Role parsed = Role.of(role).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--role: '" + role + "' is not a role; allowed: " + Role.allowed()));
            // Only the database: no policies to compile for a key.
            try (Database db = Database.open(database.settings(), 2)) {
                String key = new ApiKeys(db.jdbi(), Clock.systemUTC()).create(parsed, name);
                spec.commandLine().getOut().println(key);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--name: " + e.getMessage());
            }
            return 0;
        }
    }
}
