package org.pumpauth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicySelection;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.policy.UnknownPolicyException;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pumpauth evaluate}: requests in, determinations out. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate review requests (JSON files; - reads standard input) and print a determination for each"
                    + " file and policy, in input order.",
            "With no --policy or --policy-file: the request's own policy, else every policy with a version in force on its service date.",
            "Exit status: 0 when every file was evaluated; 2 when a file was missing or invalid or no policy applied"
                    + " to it (its error goes to standard error as FILE: FIELD: MESSAGE; the other files are still"
                    + " evaluated), or for a usage error such as an unknown --policy."
        })
final class EvaluateCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-p", "--policy"}, paramLabel = "ID[@DATE]",
            description = "A policy to evaluate under; repeatable. @DATE names the version in force on that date.")
    List<String> policies = new ArrayList<>();

    @Option(names = "--policy-file", paramLabel = "FILE",
            description = "A policy file (*.yaml) to evaluate under, whatever its effective date, though it is not built in"
                    + " (to try a version before it ships); repeatable.")
    List<String> policyFiles = new ArrayList<>();

    @Option(names = "--json", description = "Print one determination per line as JSON (JSON Lines).")
    boolean json;

    @Option(names = "--notes", description = "Read the request's clinical notes (notes[]): each determination lists"
            + " the facts they propose for its unknown criteria, with the words that state them, and the outcome if a"
            + " reviewer confirmed them (proposedFacts, outcomeIfConfirmed). The outcome itself never rests on them.")
    boolean notes;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = true,
            description = "The date to review a request for when it has neither serviceDate nor receivedAt.")
    LocalDate today = LocalDate.now();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Request files; - for standard input.")
    List<String> files;

    private static final ObjectMapper TREES = new ObjectMapper();
    private final RequestReader reader = new RequestReader();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Review review = new Review(main.registry());
        List<PolicySelection> selections = new ArrayList<>();
        for (String policy : policies) {
            try {
                selections.add(review.registry().select(policy));
            } catch (UnknownPolicyException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--policy: " + e.getMessage());
            }
        }
        for (String file : policyFiles) {
            PolicyVersion version = PolicyArgument.version("--policy-file", file, main, spec.commandLine());
            selections.add(new PolicySelection(new Policy(version.id(), List.of(version)), Optional.of(version)));
        }
        boolean anyInvalid = false;
        for (String file : files) {
            String name = RequestFiles.displayName(file);
            try {
                byte[] body = RequestFiles.read(file);
                ReviewRequest request = reader.read(body);
                List<Determination> determinations = notes
                        ? review.reviewWithNotes(request, TREES.readTree(body), List.of(), selections, today)
                        : review.review(request, selections, today);
                if (determinations.isEmpty()) {
                    // No policy named anywhere and none in force: say so rather than print nothing.
                    anyInvalid = true;
                    err.println(name + ": no policy has a version in force on " + request.serviceDate(today)
                            + "; name one with --policy (known: " + known(review) + ")");
                }
                for (Determination determination : determinations) {
                    out.println(json ? DeterminationJson.toJson(determination) : TextReport.render(name, determination));
                }
            } catch (InvalidRequestException e) {
                anyInvalid = true;
                for (InvalidRequestException.Problem problem : e.problems()) {
                    err.println(name + ": " + problem);
                }
            } catch (NoSuchFileException e) {
                anyInvalid = true;
                err.println(name + ": no such file");
            } catch (IOException e) {
                anyInvalid = true;
                err.println(name + ": cannot be read: " + e.getMessage());
            }
            out.flush();
        }
        return anyInvalid ? Main.INVALID_INPUT : 0;
    }

    private static String known(Review review) {
        return review.registry().policies().stream().map(Policy::id).collect(Collectors.joining(", "));
    }
}
