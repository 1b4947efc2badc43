package org.pumpauth.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pumpauth batch generate}: synthetic review requests, as JSON Lines. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write synthetic review requests, one JSON object a line: the project's policy cases (every"
                + " policy and pathway) in the mix of outcomes a plan sees, spread over a year, each with its own ids.",
            "The same --seed gives the same requests, line for line. No Spark is started."})
final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many requests (1 or more).")
    long count;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The JSON Lines file to write.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--overwrite", description = "Replace FILE when it exists.")
    boolean overwrite;

    @Override
    public Integer call() throws IOException {
        if (count < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count: must be 1 or more");
        }
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new BatchException("--out: " + out + " is a directory; name a file");
        }
        if (Files.exists(target) && !overwrite) {
            throw new BatchException("--out: " + out + " exists; name a new file, or add --overwrite to replace it");
        }
        Files.createDirectories(target.getParent());
        Path work = target.resolveSibling("." + target.getFileName() + ".incomplete-" + UUID.randomUUID());
        try {
            Generator generator = new Generator(CaseTemplates.load(), seed);
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(work),
                    StandardCharsets.UTF_8), 1 << 16)) {
                generator.write(count, writer);
            }
            Files.move(work, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(work);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(count + (count == 1 ? " request" : " requests") + " written to " + out + " (seed " + seed + ")");
        return 0;
    }
}
