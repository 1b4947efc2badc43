package org.pumpauth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.Result;
import org.pumpauth.engine.Review;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pumpauth compare}: one request under every policy in force on its service date. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Evaluate one request under every policy with a version in force on its service date"
                + " (whatever policy the request names) and show them side by side, with what would change"
                + " each outcome that is not met.",
            "Exit status: 0, or 2 when the request is invalid."})
final class CompareCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print one determination per line as JSON, as evaluate --json does.")
    boolean json;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = true)
    LocalDate today = LocalDate.now();

    @Parameters(paramLabel = "FILE", description = "The request; - for standard input.")
    String file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = RequestFiles.displayName(file);
        ReviewRequest request;
        try {
            request = new RequestReader().read(RequestFiles.read(file));
        } catch (InvalidRequestException e) {
            e.problems().forEach(p -> err.println(name + ": " + p));
            return Main.INVALID_INPUT;
        } catch (NoSuchFileException e) {
            err.println(name + ": no such file");
            return Main.INVALID_INPUT;
        } catch (IOException e) {
            err.println(name + ": cannot be read: " + e.getMessage());
            return Main.INVALID_INPUT;
        }
        List<Determination> determinations = new Review(main.registry()).compare(request, today);
        if (json) {
            determinations.forEach(d -> out.println(DeterminationJson.toJson(d)));
            return 0;
        }
        out.println("== " + name + " · request " + request.requestId() + ", " + request.serviceKind()
                + ", service date " + request.serviceDate(today));
        if (determinations.isEmpty()) {
            out.println("No policy has a version in force on the service date.");
            return 0;
        }
        // The pathway column is as wide as the longest pathway, so the table stays aligned.
        int pathwayWidth = determinations.stream()
                .mapToInt(d -> d.pathway().orElse("-").length())
                .reduce("PATHWAY".length(), Math::max);
        String row = "%-16s %-11s %-25s %-" + pathwayWidth + "s %s%n";
        out.printf(row, "POLICY", "VERSION", "OUTCOME", "PATHWAY", "DECIDED BY");
        for (Determination d : determinations) {
            out.printf(row, d.policy().id(),
                    d.policy().version().map(LocalDate::toString).orElse("-"), d.outcome(), d.pathway().orElse("-"),
                    String.join(", ", decidedBy(d)));
        }
        out.println();
        out.println("What would change the outcome");
        boolean any = false;
        for (Determination d : determinations) {
            if (d.outcome() == Outcome.MEETS_CRITERIA) {
                continue;
            }
            any = true;
            out.println("  " + d.policy() + " (" + d.outcome() + ")");
            for (String reason : d.reasons()) {
                out.println("    - " + reason);
            }
            for (MissingInformation m : d.missingInformation()) {
                out.println("    - send " + m.field() + ": " + m.request());
            }
        }
        if (!any) {
            out.println("  nothing: every policy's criteria are met");
        }
        return 0;
    }

    /** The top-level criteria that decided the outcome. */
    static List<String> decidedBy(Determination d) {
        List<String> ids = new ArrayList<>();
        if (d.criteria().isEmpty()) {
            return List.of("no version in force");
        }
        Result wanted = d.outcome() == Outcome.MEETS_CRITERIA ? null
                : d.outcome() == Outcome.INSUFFICIENT_INFORMATION || d.outcome() == Outcome.CASE_BY_CASE
                        ? Result.UNKNOWN : Result.NOT_MET;
        if (wanted == null) {
            return List.of("every criterion met");
        }
        for (CriterionResult child : d.criteria().get().children()) {
            if (child.is(wanted)) {
                ids.add(child.id());
            }
        }
        return ids.isEmpty() ? List.of(d.pathway().isPresent() ? "the pathway's outcome" : "no pathway") : ids;
    }
}
