package org.pumpauth.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.UnknownPolicyException;
import org.pumpauth.server.ReviewServer;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.ServiceModule;
import org.pumpauth.server.letters.LetterSettings;
import org.pumpauth.server.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pumpauth serve}: the review service over HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the review service: the HTTP API under /v1 (OpenAPI document at /v1/openapi.json).",
            "Data is kept in an embedded database under --data, or in PostgreSQL with --db or PUMPAUTH_DB_URL."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: 127.0.0.1, this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default: 8080; 0: any free port).")
    int port;

    @Option(names = "--default-policy", paramLabel = "ID[@DATE]",
            description = "The policy of a case whose request names none.")
    String defaultPolicy;

    @Option(names = "--letters", paramLabel = "FILE",
            description = "The plan's name, address, telephone numbers and appeal wording per line of business that"
                    + " letters use (YAML, as examples/letters.yaml; default: that example).")
    java.nio.file.Path letters;

    @Option(names = "--payers", paramLabel = "FILE",
            description = "FHIR: which policy applies to a member, by the Coverage's payer and plan (YAML, as"
                    + " examples/payers.yaml); a payer not in it falls back to --default-policy. Its fhirServers:"
                    + " list names the EHR FHIR servers CRD may fetch missing prefetch from; with none listed, it"
                    + " fetches nothing.")
    java.nio.file.Path payers;

    @Option(names = "--no-access-log", negatable = false,
            description = "Do not log one line per request (method, path, status, time).")
    boolean noAccessLog;

    @Override
    public Integer call() throws InterruptedException {
        // The modules start loading their libraries (HAPI FHIR: seconds) while the database opens and migrates.
        List<ServiceModule> available = ServiceModule.available();
        available.forEach(ServiceModule::warmUp);
        ReviewService service;
        LetterSettings letterSettings;
        try {
            letterSettings = letters == null ? LetterSettings.builtIn() : LetterSettings.read(letters);
        } catch (LetterSettings.InvalidSettingsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--letters: " + e.getMessage());
        }
        // The database opens and migrates on a thread of its own while the policies compile: neither needs the other.
        FutureTask<Database> opening = new FutureTask<>(() -> Database.open(database.settings(), ReviewService.POOL_SIZE));
        Thread opener = new Thread(opening, "pumpauth-database-open");
        opener.setDaemon(true);
        opener.start();
        Review review;
        try {
            review = new Review(main.registry());
        } catch (RuntimeException e) {
            closeOnceOpen(opening);
            throw e;
        }
        try {
            service = ReviewService.over(opened(opening), review, Optional.ofNullable(defaultPolicy), Clock.systemUTC(),
                    letterSettings);
        } catch (UnknownPolicyException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--default-policy: " + e.getMessage());
        }
        List<ServiceModule.Mounted> modules = new ArrayList<>();
        if (available.isEmpty() && payers != null) {
            service.close();
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--payers: the FHIR module is not on the class path (./pumpauth serve adds it)");
        }
        try {
            for (ServiceModule module : available) {
                modules.add(module.prepare(service, new ServiceModule.Options(Optional.ofNullable(payers),
                        Optional.ofNullable(defaultPolicy))));
            }
        } catch (ServiceModule.InvalidOptionException e) {
            modules.forEach(ServiceModule.Mounted::close);
            service.close();
            throw new CommandLine.ParameterException(spec.commandLine(), e.option() + ": " + e.getMessage());
        }
        ReviewServer server;
        try {
            server = ReviewServer.start(service, host, port, !noAccessLog, modules);
        } catch (RuntimeException e) {
            service.close();
            spec.commandLine().getErr().println("pumpauth: cannot listen on " + host + ":" + port + " ("
                    + e.getClass().getSimpleName() + "; is the port in use?)");
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            modules.forEach(ServiceModule.Mounted::close);
            service.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("pumpauth: serving on http://" + host + ":" + server.port() + "/v1 (data: "
                + service.database().settings().describe() + ")");
        if (modules.isEmpty()) {
            spec.commandLine().getErr().println("pumpauth: FHIR is not mounted (the fhir module's jar is not on the class"
                    + " path; ./pumpauth serve adds it)");
        }
        for (ServiceModule.Mounted module : modules) {
            spec.commandLine().getOut().println("pumpauth: " + module.describe());
        }
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /** The database the opener thread opened, or what stopped it, thrown as it was thrown. */
    private static Database opened(FutureTask<Database> opening) throws InterruptedException {
        try {
            return opening.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Closes the database once its opener is done, when the start stopped before the service took it. */
    private static void closeOnceOpen(FutureTask<Database> opening) {
        try {
            opening.get().close();
        } catch (ExecutionException e) {
            // It did not open: nothing to close, and the start's own error is the one to report.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
