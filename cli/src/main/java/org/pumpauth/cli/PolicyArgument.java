package org.pumpauth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.policy.UnknownPolicyException;
import org.pumpauth.policy.load.PolicyFiles;
import picocli.CommandLine;

/**
 * A policy version named on the command line: {@code ID@DATE}, a version pumpauth has, or a policy
 * file ({@code *.yaml}) that need not be built in, so an analyst can try a version before shipping it.
 */
final class PolicyArgument {
    private PolicyArgument() {}

    /** Whether {@code argument} names a file rather than {@code ID@DATE}. */
    static boolean isFile(String argument) {
        return argument.endsWith(".yaml") || argument.endsWith(".yml") || Files.isRegularFile(Path.of(argument));
    }

    /**
     * The version {@code argument} names; a file is compiled (its problems end the command, as when
     * pumpauth loads policy files).
     *
     * @param option the option or parameter the argument was given for, to name in a message
     */
    static PolicyVersion version(String option, String argument, Main main, CommandLine commandLine) throws IOException {
        if (isFile(argument)) {
            Path file = Path.of(argument);
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(commandLine, option + ": no such file: " + argument);
            }
            return PolicyFiles.compile(file);
        }
        if (argument.indexOf('@') < 0) {
            throw new CommandLine.ParameterException(commandLine,
                    option + ": name a version, as ID@YYYY-MM-DD, or a policy file (*.yaml)");
        }
        try {
            return main.registry().select(argument).version().orElseThrow();
        } catch (UnknownPolicyException e) {
            throw new CommandLine.ParameterException(commandLine, option + ": " + e.getMessage());
        }
    }

    /** How output names the version: its key, and the file it was read from when it is one. */
    static String label(String argument, PolicyVersion version) {
        return isFile(argument) ? version.key() + " (" + argument + ")" : version.key();
    }
}
