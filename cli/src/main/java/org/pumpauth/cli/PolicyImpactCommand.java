package org.pumpauth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.MissingInformation;
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

/**
 * {@code pumpauth policy impact}: what a change of policy does to real requests, for the medical
 * director who decides on it: each request whose outcome, pathway or missing information changes,
 * and how many outcomes move from which to which.
 */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"Evaluate every request under two policy versions (either may be a policy file that is not built"
                + " in) and print each request whose outcome, pathway or missing information changes, then how many"
                + " outcomes change from which to which.",
            "Each request is evaluated as of its own service date under both versions, whatever their effective dates.",
            "Exit status: 0; 2 when a request file is missing or invalid (it goes to standard error as FILE: FIELD:"
                    + " MESSAGE and the others are still compared) or a version cannot be read."})
final class PolicyImpactCommand implements Callable<Integer> {
    @ParentCommand
    PolicyCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ID@DATE|FILE", description = "The version in force now.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ID@DATE|FILE", description = "The version proposed.")
    String to;

    @Parameters(paramLabel = "REQUEST.json|DIR", arity = "0..*",
            description = "Request files, or folders of them (*.json). Default: examples.")
    List<Path> requests = new ArrayList<>(List.of(Path.of("examples")));

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = true,
            description = "The date to review a request for when it has neither serviceDate nor receivedAt.")
    LocalDate today = LocalDate.now();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PolicyVersion before = PolicyArgument.version("--from", from, parent.main, spec.commandLine());
        PolicyVersion after = PolicyArgument.version("--to", to, parent.main, spec.commandLine());
        Collection<Path> files = files();

        RequestReader reader = new RequestReader();
        Engine engine = new Engine();
        Map<String, Integer> outcomeChanges = new TreeMap<>();
        int compared = 0;
        int otherChanges = 0;
        int invalid = 0;
        out.println("== " + PolicyArgument.label(from, before) + " -> " + PolicyArgument.label(to, after));
        for (Path file : files) {
            ReviewRequest request;
            try {
                request = reader.read(Files.readAllBytes(file));
            } catch (InvalidRequestException e) {
                invalid++;
                e.problems().forEach(p -> err.println(file + ": " + p));
                continue;
            } catch (NoSuchFileException e) {
                invalid++;
                err.println(file + ": no such file");
                continue;
            }
            compared++;
            LocalDate serviceDate = request.serviceDate(today);
            Determination a = engine.evaluate(request, before, serviceDate);
            Determination b = engine.evaluate(request, after, serviceDate);
            List<String> lines = changes(a, b);
            if (lines.isEmpty()) {
                continue;
            }
            if (a.outcome() != b.outcome()) {
                outcomeChanges.merge(a.outcome() + " -> " + b.outcome(), 1, Integer::sum);
            } else {
                otherChanges++;
            }
            out.println(file + " (" + request.requestId() + ")");
            lines.forEach(line -> out.println("  " + line));
        }
        out.println();
        int changedOutcome = outcomeChanges.values().stream().mapToInt(Integer::intValue).sum();
        out.println(compared + (compared == 1 ? " request: " : " requests: ") + changedOutcome + " change outcome, "
                + otherChanges + " change only pathway or missing information, "
                + (compared - changedOutcome - otherChanges) + " unchanged"
                + (invalid == 0 ? "" : invalid == 1 ? " (1 file not read)" : " (" + invalid + " files not read)"));
        outcomeChanges.forEach((change, count) -> out.println("  " + change + ": " + count));
        return invalid > 0 ? Main.INVALID_INPUT : 0;
    }

    /** The lines that say how {@code b} differs from {@code a}: outcome, pathway, fields missing. */
    static List<String> changes(Determination a, Determination b) {
        List<String> lines = new ArrayList<>();
        if (a.outcome() != b.outcome()) {
            lines.add("outcome  " + a.outcome() + " -> " + b.outcome());
        }
        if (!a.pathway().equals(b.pathway())) {
            lines.add("pathway  " + pathway(a.pathway()) + " -> " + pathway(b.pathway()));
        }
        Set<String> missingBefore = fields(a);
        Set<String> missingAfter = fields(b);
        Set<String> added = new TreeSet<>(missingAfter);
        added.removeAll(missingBefore);
        Set<String> removed = new TreeSet<>(missingBefore);
        removed.removeAll(missingAfter);
        if (!added.isEmpty()) {
            lines.add("missing  now asked: " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            lines.add("missing  no longer asked: " + String.join(", ", removed));
        }
        return lines;
    }

    private static String pathway(Optional<String> pathway) {
        return pathway.orElse("(none)");
    }

    private static Set<String> fields(Determination determination) {
        return determination.missingInformation().stream().map(MissingInformation::field)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The request files: each file named, and each folder's *.json files, in name order; each once. */
    private Collection<Path> files() throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        for (Path path : requests) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    files.addAll(list.filter(p -> p.toString().endsWith(".json")).map(Path::normalize).sorted().toList());
                }
            } else {
                files.add(path.normalize());
            }
        }
        return files;
    }
}
