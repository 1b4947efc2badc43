package org.pumpauth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pumpauth.determination.Determination;
import org.pumpauth.diff.Change;
import org.pumpauth.diff.PolicyDiff;
import org.pumpauth.engine.Engine;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pumpauth diff}: what changed between two versions of a policy, and for which requests. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what changed between two versions of a policy: pathways and criteria added,"
                + " removed or changed (words, logic and thresholds, citation, interpretation, outcome).",
            "With --requests DIR: evaluate every request file in DIR under both versions and list those whose"
                    + " outcome changes."})
final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID@DATE|FILE", description = "The earlier version, or a policy file (*.yaml) that need not be built in.")
    String from;

    @Parameters(index = "1", paramLabel = "ID@DATE|FILE", description = "The later version, or a policy file (*.yaml) that need not be built in.")
    String to;

    @Option(names = "--requests", paramLabel = "DIR", description = "A directory of request files (*.json).")
    Path requests;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PolicyVersion before = version("ID@DATE", from);
        PolicyVersion after = version("ID@DATE", to);
        PolicyDiff diff = PolicyDiff.between(before, after);
        out.println("== " + PolicyArgument.label(from, before) + " -> " + PolicyArgument.label(to, after) + ": " + diff.changes().size() + " changes");
        for (Change change : diff.changes()) {
            out.println(change.kind() + " " + change.pathway() + change.criterion().map(c -> " " + c).orElse("")
                    + (change.parts().isEmpty() ? "" : " (" + String.join(", ", change.parts()) + ")"));
            change.before().ifPresent(b -> out.println("    before: " + b));
            change.after().ifPresent(a -> out.println("    after:  " + a));
        }
        if (requests != null) {
            return impact(out, before, after);
        }
        return 0;
    }

    private int impact(PrintWriter out, PolicyVersion before, PolicyVersion after) throws IOException {
        if (!Files.isDirectory(requests)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--requests: " + requests + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(requests)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        RequestReader reader = new RequestReader();
        Engine engine = new Engine();
        int changed = 0;
        int invalid = 0;
        out.println();
        out.println("Impact on " + files.size() + " requests in " + requests + ":");
        for (Path file : files) {
            ReviewRequest request;
            try {
                request = reader.read(Files.readAllBytes(file));
            } catch (InvalidRequestException e) {
                invalid++;
                spec.commandLine().getErr().println(file + ": " + e.getMessage());
                continue;
            }
            LocalDate today = LocalDate.now();
            Determination a = engine.evaluate(request, before, request.serviceDate(today));
            Determination b = engine.evaluate(request, after, request.serviceDate(today));
            if (a.outcome() != b.outcome()) {
                changed++;
                out.println("  " + file.getFileName() + ": " + a.outcome() + " -> " + b.outcome());
            }
        }
        out.println(changed + " of " + (files.size() - invalid) + " requests change outcome"
                + (invalid > 0 ? " (" + invalid + " invalid files skipped)" : ""));
        return invalid > 0 ? Main.INVALID_INPUT : 0;
    }

    private PolicyVersion version(String label, String argument) throws IOException {
        return PolicyArgument.version(label, argument, main, spec.commandLine());
    }
}
