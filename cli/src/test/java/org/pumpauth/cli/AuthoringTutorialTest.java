package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tutorial {@code docs/authoring.md} shows the real output of every command it runs: each
 * {@code ```console} block's {@code $ ./pumpauth ...} lines are run through {@link Main} from the
 * repository's root, and what they print (standard output, then standard error, then
 * {@code exit status N} when the command ends with {@code ; echo "exit status $?"}) must be the
 * block's text after the command, exactly.
 */
class AuthoringTutorialTest {
    private static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();
    private static final Path TUTORIAL = ROOT.resolve("docs/authoring.md");
    private static final String PROMPT = "$ ./pumpauth ";
    private static final String EXIT_STATUS = "; echo \"exit status $?\"";

    /** One command of the tutorial and the output the tutorial shows for it. */
    record Command(int line, String command, String expected) {}

    @TestFactory
    Stream<DynamicTest> every_command_of_the_tutorial_prints_what_the_tutorial_shows() throws IOException {
        return commands(Files.readAllLines(TUTORIAL)).stream().map(command -> DynamicTest.dynamicTest(
                "docs/authoring.md:" + command.line() + ": " + command.command(),
                () -> assertThat(run(command.command())).as("the output of `%s` (docs/authoring.md line %d)",
                        command.command(), command.line()).isEqualTo(command.expected())));
    }

    @Test
    void the_tutorial_checks_tests_diffs_and_measures_the_impact_of_its_policy() throws IOException {
        List<String> run = commands(Files.readAllLines(TUTORIAL)).stream().map(Command::command).toList();

        assertThat(run).anyMatch(c -> c.startsWith("policy check docs/authoring/with-a-mistake/"))
                .anyMatch(c -> c.startsWith("policy check docs/authoring/nia-cg-310-2025-01-01.yaml"))
                .anyMatch(c -> c.startsWith("policy test docs/authoring/cases/"))
                .anyMatch(c -> c.startsWith("diff nia-cg-310@2024-01-01 docs/authoring/"))
                .anyMatch(c -> c.startsWith("policy impact --from nia-cg-310@2024-01-01 --to docs/authoring/"));
    }

    /** The {@code $ ./pumpauth} commands of the tutorial's console blocks, each with the text that follows it. */
    static List<Command> commands(List<String> lines) {
        List<Command> commands = new ArrayList<>();
        boolean inConsole = false;
        int commandLine = 0;
        String command = null;
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!inConsole) {
                inConsole = line.equals("```console");
                continue;
            }
            boolean end = line.equals("```");
            if ((end || line.startsWith("$ ")) && command != null) {
                commands.add(new Command(commandLine, command, expected.toString()));
                command = null;
            }
            if (end) {
                inConsole = false;
            } else if (line.startsWith(PROMPT)) {
                command = line.substring(PROMPT.length());
                commandLine = i + 1;
                expected.setLength(0);
            } else if (line.startsWith("$ ")) {
                throw new AssertionError("docs/authoring.md:" + (i + 1) + ": a console block runs only ./pumpauth: " + line);
            } else if (command != null) {
                expected.append(line).append('\n');
            }
        }
        return commands;
    }

    /** Runs one command line from the repository's root, as the tutorial's reader does. */
    private static String run(String commandLine) {
        boolean showStatus = commandLine.endsWith(EXIT_STATUS);
        String command = showStatus ? commandLine.substring(0, commandLine.length() - EXIT_STATUS.length()) : commandLine;
        // A path that exists under the root is given whole: the tests run in cli/, the reader at the root.
        String[] args = Arrays.stream(command.trim().split("\\s+"))
                .map(arg -> !arg.startsWith("-") && Files.exists(ROOT.resolve(arg)) ? ROOT.resolve(arg).toString() : arg)
                .toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        String printed = (out.toString() + err).replace(ROOT + "/", "");
        return printed + (showStatus ? "exit status " + status + "\n" : "");
    }
}
