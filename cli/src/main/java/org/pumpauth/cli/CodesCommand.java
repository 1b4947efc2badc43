package org.pumpauth.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pumpauth.codes.Code;
import org.pumpauth.codes.CodeCatalog;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pumpauth codes}: what a code is and which policy versions list it. */
@Command(name = "codes", mixinStandardHelpOptions = true,
        description = {"Say what each CPT, HCPCS or ICD-10-PCS code is, as the source policies describe it,"
                + " and which policy versions list it.",
            "Exit status: 0 when every code is known, 1 when any is not."})
final class CodesCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CODE", arity = "1..*", description = "Codes, e.g. 62362 E0783 0JH60VZ.")
    List<String> codes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CodeCatalog catalog = CodeCatalog.builtIn();
        boolean allKnown = true;
        for (String given : codes) {
            Optional<Code> found = catalog.find(given);
            if (found.isEmpty()) {
                allKnown = false;
                out.println(given + "  not listed by any source policy");
                continue;
            }
            Code code = found.get();
            out.println(code.code() + "  " + code.system() + "  " + code.description());
            code.writtenAs().ifPresent(w -> out.println("    written in the source as " + w));
            List<String> listing = new ArrayList<>();
            for (Policy policy : main.registry().policies()) {
                for (PolicyVersion version : policy.versions()) {
                    if (version.codes().contains(code.code())) {
                        listing.add(version.key());
                    }
                }
            }
            out.println("    listed by: " + (listing.isEmpty() ? "no encoded policy version" : String.join(", ", listing)));
            out.println("    in the sources: " + String.join(", ", code.listedIn()));
        }
        return allKnown ? 0 : 1;
    }
}
