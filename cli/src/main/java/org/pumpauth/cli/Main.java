package org.pumpauth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.pumpauth.PumpauthException;
import org.pumpauth.policy.PolicyLoadException;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.load.PolicyFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code pumpauth} command: wires the policies and the engine to the subcommands. */
@Command(
        name = "pumpauth",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Medical-necessity review of implantable infusion pumps against computable payer policies.",
        subcommands = {
            EvaluateCommand.class,
            PoliciesCommand.class,
            PolicyCommand.class,
            CodesCommand.class,
            CompareCommand.class,
            DiffCommand.class,
            ChecklistCommand.class,
            ServeCommand.class,
            KeysCommand.class,
            AuditCommand.class,
            LettersCommand.class,
            NotesCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    static final int INVALID_INPUT = 2;

    @Option(names = "--policy-dir", paramLabel = "DIR",
            description = "Load policy files from DIR instead of the built-in policies (to try a new version).")
    Path policiesDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PolicyRegistry registry;

    /** The policies, compiled on first use. */
    PolicyRegistry registry() {
        if (registry == null) {
            try {
                registry = policiesDir == null ? PolicyRegistry.builtIn() : PolicyFiles.fromDirectory(policiesDir);
            } catch (NoSuchFileException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--policy-dir: no such directory: " + policiesDir);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--policy-dir: cannot read " + policiesDir + " (" + e.getClass().getSimpleName() + ")");
            }
            if (registry.policies().isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--policy-dir: no policy files (*.yaml) under " + policiesDir);
            }
        }
        return registry;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit status. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        // `--policy-dir policies` (the folder in the repository) must not be read as the subcommand.
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        // A usage mistake gets one line saying what is wrong and where the help is, not the whole
        // usage text (which buries the message).
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            return INVALID_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof PolicyLoadException) {
                err.println("pumpauth: the policy files do not compile:");
                ((PolicyLoadException) e).problems().forEach(p -> err.println("  " + p));
                return INVALID_INPUT;
            }
            if (e instanceof PumpauthException) {
                err.println("pumpauth: " + e.getMessage());
                return INVALID_INPUT;
            }
            err.println("pumpauth: internal error (" + e.getClass().getSimpleName() + "); please report it");
            return 1;
        });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"pumpauth " + (version == null ? "development build" : version)};
        }
    }
}
