package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pumpauth keys create | list | revoke} with the packaged jar, against a server process running
 * on the same embedded database: a revoked key is refused from its next request, without a restart.
 */
class KeysIT {
    private static final Path ROOT = PackagedJar.ROOT;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private Run pumpauth(String... args) throws Exception {
        List<String> command = PackagedJar.command(List.of(args));
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
        try (PackagedJar.Server server = PackagedJar.Server.start(List.of("--no-access-log", "--data",
                dir.resolve("data").toString()), Map.of(), ProcessBuilder.Redirect.DISCARD)) {
            int port = server.port();
            assertThat(status(port, clinic)).isEqualTo(200);

            Run revoke = pumpauth("keys", "revoke", "clinic-a");

            assertThat(revoke.status()).isZero();
            assertThat(revoke.out()).startsWith("key clinic-a revoked at ");
            assertThat(status(port, clinic)).as("the revoked key, on the running server").isEqualTo(401);
            assertThat(status(port, nurse)).as("another key").isEqualTo(200);
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
}
