package org.pumpauth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pumpauth.policy.compile.Problem;
import org.pumpauth.policy.load.PolicyFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code pumpauth policy check FILE...}: every problem in each policy file at once, one
 * {@code file:line:column: message} a line, for an analyst writing a version (and an editor that
 * jumps to the place).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check policy files: print every problem as file:line:column: message, with a hint.",
            "Exit status 0 when every file compiles, 2 when any has a problem or cannot be read."})
final class PolicyCheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Policy files (YAML), or directories whose *.yaml files are checked.")
    List<Path> paths;

    /** A file or directory that could not be read, or a directory without policy files. */
    private boolean unreadable;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int files = 0;
        int problems = 0;
        for (Path file : files(err)) {
            files++;
            try {
                for (Problem problem : PolicyFiles.check(file)) {
                    out.println(problem);
                    problems++;
                }
            } catch (NoSuchFileException e) {
                err.println(file + ": no such file");
                unreadable = true;
            } catch (IOException e) {
                err.println(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
                unreadable = true;
            }
        }
        out.println(files + (files == 1 ? " file" : " files") + " checked: "
                + (problems == 0 ? "no problems" : problems + (problems == 1 ? " problem" : " problems")));
        return problems > 0 || unreadable ? Main.INVALID_INPUT : 0;
    }

    /** The files named, a directory standing for its {@code *.yaml} files. */
    private List<Path> files(PrintWriter err) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try {
                List<Path> found = PolicyFiles.yamlFiles(path);
                if (found.isEmpty()) {
                    err.println(path + ": no policy files (*.yaml)");
                    unreadable = true;
                }
                files.addAll(found);
            } catch (IOException e) {
                err.println(path + ": cannot be read (" + e.getClass().getSimpleName() + ")");
                unreadable = true;
            }
        }
        return files;
    }
}
