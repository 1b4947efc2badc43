package org.pumpauth.batch;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pumpauth batch}: the batch jobs on Apache Spark. Spark's log goes to a file (never the
 * console); a failure is one line that says what failed and names that file.
 */
@Command(
        name = "pumpauth batch",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Batch jobs on Apache Spark: synthetic requests, re-review of many requests, the impact of a"
                + " policy change, the yearly public prior-authorization metrics.",
            "Runs in this process (local[*]) unless --master names a cluster. Spark's log goes to a file: "
                    + "PUMPAUTH_BATCH_LOG, else pumpauth-batch-<time>-<pid>.log in the system's temporary directory.",
            "Exit status: 0 when the job finished; 2 for a usage error or input the job cannot read; 1 when the job failed."},
        subcommands = {
            GenerateCommand.class,
            EvaluateCommand.class,
            ImpactCommand.class,
            MetricsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    static final int FAILED = 1;
    static final int INVALID_INPUT = 2;
    static final String LOG_PROPERTY = "pumpauth.batch.log";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // Before any class that logs is loaded: log4j reads the file's name once.
        logFile();
        int status = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(status);
    }

    /** The file Spark's log goes to; chosen (and its folder made) on first use. */
    static Path logFile() {
        String name = System.getProperty(LOG_PROPERTY);
        if (name == null || name.isBlank()) {
            String fromEnv = System.getenv("PUMPAUTH_BATCH_LOG");
            name = fromEnv != null && !fromEnv.isBlank() ? fromEnv
                    : Path.of(System.getProperty("java.io.tmpdir"), "pumpauth-batch-"
                            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                            + ProcessHandle.current().pid() + ".log").toString();
            System.setProperty(LOG_PROPERTY, name);
        }
        Path file = Path.of(name).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            // log4j reports it in its own status line; the job itself can still run.
        }
        return file;
    }

    /** Runs the command line with the given streams; returns the exit status. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            return INVALID_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BatchException) {
                err.println("pumpauth batch: " + e.getMessage());
                return INVALID_INPUT;
            }
            // Spark's own message may quote a row; the class and the log file say enough to look further.
            err.println("pumpauth batch: the job failed (" + rootCause(e).getClass().getSimpleName()
                    + "); no output was left in place. Spark's log: " + logFile());
            return FAILED;
        });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pumpauth batch " + productVersion()};
        }
    }

    /** The product's version, as the build stamped it. */
    static String productVersion() {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
