package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pumpauth keys create | list | revoke} with the packaged jar, against a server process running
 * on the same embedded database: a revoked key is refused from its next request, without a restart.
 */
class KeysIT {
    private static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("cli/target/pumpauth.jar");
    private static final Pattern SERVING = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)/v1");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private Run pumpauth(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--data", dir.resolve("data").toString()));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Run run = new Run(p.exitValue(), out, err.get());
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        return run;
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int status(int port, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/cases"))
                        .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void a_key_revoked_while_the_server_runs_is_refused_from_its_next_request_and_list_never_shows_a_key() throws Exception {
        String clinic = pumpauth("keys", "create", "--role", "submitter", "--name", "clinic-a").out().trim();
        String nurse = pumpauth("keys", "create", "--role", "nurse", "--name", "nurse-kim").out().trim();
        Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString(),
                "serve", "--port", "0", "--no-access-log", "--data", dir.resolve("data").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = port(server);
            assertThat(status(port, clinic)).isEqualTo(200);

            Run revoke = pumpauth("keys", "revoke", "clinic-a");

            assertThat(revoke.status()).isZero();
            assertThat(revoke.out()).startsWith("key clinic-a revoked at ");
            assertThat(status(port, clinic)).as("the revoked key, on the running server").isEqualTo(401);
            assertThat(status(port, nurse)).as("another key").isEqualTo(200);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }

        Run again = pumpauth("keys", "revoke", "clinic-a");
        assertThat(again.status()).isZero();
        assertThat(again.out()).startsWith("key clinic-a was already revoked at ");

        Run list = pumpauth("keys", "list");
        assertThat(list.status()).isZero();
        String[] lines = list.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).matches("NAME +ROLE +CREATED +REVOKED");
        assertThat(lines[1]).matches("clinic-a +submitter +\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z +\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z");
        assertThat(lines[2]).matches("nurse-kim +nurse +\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z +-");
        assertThat(list.out()).doesNotContain(clinic).doesNotContain(nurse).doesNotContain("pa_");

        // Two keys created, one revoked, one list: all in the audit trail, which verifies.
        assertThat(pumpauth("audit", "verify").out()).startsWith("4 entries, intact");
    }

    @Test
    void revoking_a_name_no_key_has_is_a_usage_error() throws Exception {
        pumpauth("keys", "create", "--role", "submitter", "--name", "clinic-a");

        Run run = pumpauth("keys", "revoke", "clinic-b");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("NAME: no key is named clinic-b; 'pumpauth keys list' shows the names");
    }

    private static int port(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("the server ended without saying where it listens");
        });
        return port.get(60, TimeUnit.SECONDS);
    }
}
