package org.pumpauth.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pumpauth.cases.CaseFormatException;
import org.pumpauth.cases.CaseReader;
import org.pumpauth.cases.CaseResult;
import org.pumpauth.cases.CaseRunner;
import org.pumpauth.cases.PolicyCase;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.policy.UnknownPolicyException;
import org.pumpauth.policy.load.PolicyFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pumpauth policy test DIR}: an analyst's policy cases (a base request, a merge patch, what the
 * determination must say), run under the policy each names or under one policy file, with what differs.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run the policy cases in DIR (the format of core/src/test/resources/cases/README.md) and print"
                + " PASS or FAIL for each, and for a failure what differs from what the case expects.",
            "Exit status: 0 when every case passes, 1 when one fails, 2 when the cases or the policy cannot be read."})
final class PolicyTestCommand implements Callable<Integer> {
    static final int FAILED = 1;

    @ParentCommand
    PolicyCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A folder of cases, with their bases/ folders.")
    Path dir;

    @Option(names = "--policy", paramLabel = "FILE|ID[@DATE]", description = "Read every case under this policy: a policy"
            + " file (*.yaml, not built in) or a policy pumpauth has. Default: the policy each case names, or its folder"
            + " <policy>/<version>/.")
    String policy;

    @Override
    public Integer call() throws IOException {
        CaseRunner runner = runner();
        List<PolicyCase> cases;
        try {
            cases = new CaseReader().read(files(dir));
        } catch (CaseFormatException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": the cases do not follow the case format:");
            e.problems().forEach(p -> err.println("  " + p));
            return Main.INVALID_INPUT;
        }
        if (cases.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), dir + ": no cases (*.json outside a bases/ folder)");
        }
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (PolicyCase policyCase : cases) {
            CaseResult result = runner.run(policyCase);
            if (result.passed()) {
                out.println("PASS  " + policyCase.name());
            } else {
                failed++;
                out.println("FAIL  " + policyCase.name() + ": " + policyCase.description());
                result.differences().forEach(d -> out.println("        " + d));
            }
        }
        out.println(cases.size() + (cases.size() == 1 ? " case: " : " cases: ") + (cases.size() - failed) + " passed, "
                + failed + " failed");
        return failed == 0 ? 0 : FAILED;
    }

    /** Under the policy named by --policy (a file or one pumpauth has), else under each case's own. */
    private CaseRunner runner() throws IOException {
        PolicyRegistry registry = parent.main.registry();
        if (policy == null) {
            return CaseRunner.byCase(registry);
        }
        Path file = Path.of(policy);
        if (policy.endsWith(".yaml") || policy.endsWith(".yml") || Files.isRegularFile(file)) {
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--policy: no such file: " + policy);
            }
            PolicyVersion version = PolicyFiles.compile(file);
            return CaseRunner.under(PolicyRegistry.of(List.of(version)).select(version.id() + "@" + version.effectiveFrom()));
        }
        try {
            return CaseRunner.under(registry.select(policy));
        } catch (UnknownPolicyException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--policy: " + e.getMessage());
        }
    }

    /**
     * The folder's own name, and its parent's when it is a version ({@code nia-cg-310/2024-01-01/}), so
     * that a case's path names its policy and version whichever folder is given.
     */
    static String prefix(Path dir) {
        int n = dir.getNameCount();
        if (n == 0) {
            return "";
        }
        String name = dir.getFileName().toString();
        boolean version = name.matches("\\d{4}-\\d{2}-\\d{2}") && n >= 2;
        return (version ? dir.getName(n - 2) + "/" : "") + name + "/";
    }

    /** Every file under {@code dir}, by its path under the folder's {@link #prefix}, with {@code /} between folders. */
    private Map<String, byte[]> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such folder: " + dir);
        }
        String prefix = prefix(dir.toAbsolutePath().normalize());
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(prefix + dir.relativize(file).toString().replace(File.separatorChar, '/'), Files.readAllBytes(file));
            }
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such folder: " + dir);
        }
        return files;
    }
}
