package org.pumpauth.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.pumpauth.server.access.ApiKeys;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pumpauth keys}: API keys of the review service. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage the review service's API keys.",
        subcommands = {KeysCommand.Create.class, KeysCommand.Revoke.class, KeysCommand.ListKeys.class})
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

        @Option(names = "--display-name", paramLabel = "TEXT",
                description = "The name letters give the person who decides with this key, as 'Dr. Ana Lee, MD'"
                        + " (default: the key's name).")
        String displayName;

        @Override
        public Integer call() {
            Role parsed = Role.of(role).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--role: '" + role + "' is not a role; allowed: " + Role.allowed()));
            // Only the database: no policies to compile for a key.
            try (Database db = Database.open(database.settings(), 2)) {
                String key = new ApiKeys(db.jdbi(), Clock.systemUTC()).create(parsed, name, operator(),
                        java.util.Optional.ofNullable(displayName));
                spec.commandLine().getOut().println(key);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        (e.getMessage().startsWith("a display name") ? "--display-name: " : "--name: ") + e.getMessage());
            }
            return 0;
        }
    }

    /** {@code pumpauth keys revoke}: the key is refused from its next request, on every server on the database. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revoke an API key: every server on the database refuses it (401) from its next request.",
                "The key's name stays taken. Recorded in the audit trail. Works while the server runs."})
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Parameters(index = "0", paramLabel = "NAME", description = "The key's name, as 'keys list' shows it.")
        String name;

        @Override
        public Integer call() {
            try (Database db = Database.open(database.settings(), 2)) {
                ApiKeys.Revocation r = new ApiKeys(db.jdbi(), Clock.systemUTC()).revoke(name, operator());
                spec.commandLine().getOut().println("key " + name + (r.already() ? " was already revoked at " : " revoked at ")
                        + r.at());
            } catch (ApiKeys.UnknownNameException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "NAME: " + e.getMessage());
            }
            return 0;
        }
    }

    /** {@code pumpauth keys list}: name, role, created, revoked; never a key (only its hash is stored). */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the API keys: name, role, when created, when revoked ('-' if not).",
                "The keys themselves are not stored and cannot be shown. Recorded in the audit trail."})
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = Database.open(database.settings(), 2)) {
                List<ApiKeys.KeyInfo> all = new ApiKeys(db.jdbi(), Clock.systemUTC()).list(operator());
                int width = all.stream().mapToInt(k -> k.name().length()).max().orElse(0);
                width = Math.max(width, 4);
                String format = "%-" + width + "s  %-9s  %-24s  %s%n";
                out.printf(format, "NAME", "ROLE", "CREATED", "REVOKED");
                for (ApiKeys.KeyInfo k : all) {
                    out.printf(format, k.name(), k.role().code(), k.createdAt(), k.revokedAt().map(Instant::toString).orElse("-"));
                }
            }
            return 0;
        }
    }

    /**
     * The actor the audit trail records for a key command: the operating-system account that ran it
     * (the command line has no API key of its own), without control characters (the trail's hashed text
     * is newline-separated).
     */
    static String operator() {
        String user = System.getProperty("user.name", "").replaceAll("\\p{Cntrl}", "");
        if (user.length() > 100) {
            user = user.substring(0, 100);
        }
        return user.isBlank() ? ApiKeys.OPERATOR : ApiKeys.OPERATOR + ":" + user;
    }
}
