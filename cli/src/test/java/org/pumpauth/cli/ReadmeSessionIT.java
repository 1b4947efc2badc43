package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's curl session (keys, a submission, an extension, information, a denial, a peer-to-peer
 * conversation, an appeal and its reconsideration, audit verify) runs as written and prints the outputs
 * the README shows, ids, times and the day's date aside. It runs in a temporary folder (the launcher
 * there runs the packaged jar, examples/ is a copy of the repository's), on a free port instead of 8080, and waits
 * for the server instead of sleeping. Needs bash, curl and jq: without them it is skipped.
 */
class ReadmeSessionIT {
    private static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void the_readme_session_denies_appeals_and_reconsiders_a_case_and_prints_what_the_readme_shows() throws Exception {
        assumeTrue(onPath("curl") && onPath("jq") && onPath("bash"), "the session needs bash, curl and jq");
        String readme = Files.readString(ROOT.resolve("README.md"));
        int session = readme.indexOf("**A session.**");
        assertThat(session).as("the README's session").isNotNegative();
        int scriptStart = readme.indexOf("```sh\n", session) + "```sh\n".length();
        String script = readme.substring(scriptStart, readme.indexOf("```", scriptStart));
        String outputsHeading = "Outputs, in order:\n\n```\n";
        int outputsStart = readme.indexOf(outputsHeading, scriptStart) + outputsHeading.length();
        String shown = readme.substring(outputsStart, readme.indexOf("```", outputsStart));
        assertThat(script).contains("sleep 5", "serve --default-policy", "/appeal", "/extension", "/peer-to-peer");

        int port = freePort();
        String run = "trap 'kill $(jobs -p) 2>/dev/null' EXIT\n" + script
                .replace("sleep 5", "until curl -s -o /dev/null http://127.0.0.1:" + port + "/v1/openapi.json; do sleep 0.2; done")
                .replace("serve --default-policy", "serve --port " + port + " --default-policy")
                .replace("8080", String.valueOf(port));
        Files.writeString(dir.resolve("session.sh"), run);
        Path launcher = dir.resolve("pumpauth");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar '"
                + ROOT.resolve("cli/target/pumpauth.jar") + "' \"$@\"\n");
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        Files.createDirectory(dir.resolve("examples"));
        try (var examples = Files.newDirectoryStream(ROOT.resolve("examples"), "*.json")) {
            for (Path example : examples) {
                Files.copy(example, dir.resolve("examples").resolve(example.getFileName()));
            }
        }

        Process bash = new ProcessBuilder("bash", "session.sh").directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(180, TimeUnit.SECONDS)).as("the session ends").isTrue();

        List<String> expected = normalised(shown.replace("8080", String.valueOf(port)));
        List<String> actual = normalised(out);
        String serving = "pumpauth: serving on http://127.0.0.1:" + port + "/v1 (data: DATA)";
        // The server prints its line from the background: where it falls among the others may vary.
        assertThat(expected.remove(serving)).as("the README shows the server's first line").isTrue();
        assertThat(actual.remove(serving)).as("the server's first line in\n" + out).isTrue();
        assertThat(actual).as("stderr:\n" + Files.readString(dir.resolve("stderr.txt"))).isEqualTo(expected);
        assertThat(dir.resolve("case1.json")).doesNotExist();
    }

    /** The lines with what differs from run to run replaced: ids, instants, the date of today, the data folder. */
    private static List<String> normalised(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(line
                    .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID")
                    .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "INSTANT")
                    .replaceAll("PT(\\d+)H\\d+M\\d+(\\.\\d+)?S", "PT$1H")
                    .replaceAll("\"date\":\"\\d{4}-\\d{2}-\\d{2}\"", "\"date\":\"DATE\"")
                    .replaceAll("\\(data: [^)]*\\)", "(data: DATA)")
                    .replaceAll("\"sha256\":\"[0-9a-f]{64}\"", "\"sha256\":\"SHA256\""));
        }
        return lines;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", "command -v " + command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
