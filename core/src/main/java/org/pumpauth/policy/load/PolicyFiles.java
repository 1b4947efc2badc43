package org.pumpauth.policy.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pumpauth.policy.PolicyLoadException;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.policy.compile.PolicyCompiler;
import org.pumpauth.policy.compile.Problem;
import org.pumpauth.policy.compile.TableFiles;

/** Policy files on disk, for analysts trying a version before it is built in. */
public final class PolicyFiles {
    private PolicyFiles() {}

    /** Every {@code *.yaml} file under {@code dir}, compiled; all problems of all files in one exception. */
    public static PolicyRegistry fromDirectory(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        List<PolicyVersion> versions = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            try {
                versions.add(compile(file));
            } catch (PolicyLoadException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyLoadException(problems);
        }
        return PolicyRegistry.of(versions);
    }

    /**
     * Every problem in one policy file, each {@code file:line:column: message}, named as the path
     * was given; none when it compiles.
     */
    public static List<Problem> check(Path file) throws IOException {
        return PolicyCompiler.check(file.toString(), Files.readString(file), tablesBeside(file));
    }

    /**
     * One policy file, compiled with the table files it names beside it; named as the path was given.
     *
     * @throws PolicyLoadException with every problem of the file
     */
    public static PolicyVersion compile(Path file) throws IOException {
        return PolicyCompiler.compile(file.toString(), Files.readString(file), tablesBeside(file));
    }

    /** The table files a policy file names ({@code tables:}), read from its folder. */
    private static TableFiles tablesBeside(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        return name -> {
            Path table = folder.resolve(name);
            if (!Files.isRegularFile(table)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(table));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The {@code *.yaml} files under {@code dir}, sorted. */
    public static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
