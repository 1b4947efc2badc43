package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pumpauth.cli.PackagedJar.Server;

/**
 * A case answered with 201 survives kill -9 of the server: the packaged jar runs as a separate
 * process, is killed with {@link Process#destroyForcibly()} right after the answer, restarted on the
 * same data, and the case is read back; on the embedded database and on PostgreSQL.
 */
class ServiceDurabilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** An implant request the engine cannot decide: the case stays open (information-requested). */
    private static final String REQUEST = """
            {"requestId": "%s", "policy": "nia-cg-310", "serviceDate": "2024-04-02", "urgency": "expedited",
             "service": {"kind": "implant", "route": "intrathecal", "drug": {"name": "morphine", "class": "opioid"}},
             "indication": {"category": "chronic-noncancer-pain", "terminal": false},
             "pain": {"score": 7.5}}
            """;

    @TempDir
    Path dir;

    @Test
    void a_created_case_survives_kill_9_on_the_embedded_database() throws Exception {
        List<String> data = List.of("--data", dir.resolve("data").toString());
        Path log = dir.resolve("server.log");
        Server first = Server.start(data, Map.of(), ProcessBuilder.Redirect.to(log.toFile()));
        // A key made while the server runs (the embedded database is shared through H2's AUTO_SERVER).
        String key = run(withArgs(List.of("keys", "create", "--role", "submitter", "--name", "clinic"), data), Map.of()).trim();

        String caseId = submitThenKill(first, key, 20);
        // The log says what was done to which resource, and nothing of the request.
        String logged = Files.readString(log);
        assertThat(logged).contains("POST /v1/cases 201").doesNotContain("DUR-").doesNotContain("morphine")
                .doesNotContain("requestId").doesNotContain(key);

        Server second = Server.start(withArgs(List.of("--no-access-log"), data), Map.of(), ProcessBuilder.Redirect.DISCARD);
        try {
            assertReadBack(second, key, caseId);
        } finally {
            second.kill();
        }
        assertThat(run(withArgs(List.of("audit", "verify"), data), Map.of())).startsWith("61 entries and 20 letters, intact"); // the key created; 20 cases of three entries (one a letter)
    }

    @Test
    void a_created_case_survives_kill_9_on_postgresql() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE durability");
            }
            List<String> db = List.of("--db", "jdbc:postgresql://localhost:" + pg.getPort() + "/durability");
            Map<String, String> env = Map.of("PUMPAUTH_DB_USER", "postgres", "PUMPAUTH_DB_PASSWORD", "postgres");
            String key = run(withArgs(List.of("keys", "create", "--role", "submitter", "--name", "clinic"), db), env).trim();
            Server first = Server.start(withArgs(List.of("--no-access-log"), db), env, ProcessBuilder.Redirect.DISCARD);

            String caseId = submitThenKill(first, key, 20);

            Server second = Server.start(withArgs(List.of("--no-access-log"), db), env, ProcessBuilder.Redirect.DISCARD);
            try {
                assertReadBack(second, key, caseId);
            } finally {
                second.kill();
            }
            assertThat(run(withArgs(List.of("audit", "verify"), db), env)).startsWith("61 entries and 20 letters, intact"); // the key created; 20 cases of three entries (one a letter)
        }
    }

    /** Submits {@code n} cases, kills the server the moment the last 201 arrives; returns the last case's id. */
    private static String submitThenKill(Server server, String key, int n) throws Exception {
        String caseId = null;
        for (int i = 1; i <= n; i++) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.uri("/v1/cases"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(REQUEST.formatted("DUR-" + i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            caseId = JSON.readTree(r.body()).path("id").asText();
        }
        server.kill();
        return caseId;
    }

    private static void assertReadBack(Server server, String key, String caseId) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.uri("/v1/cases/" + caseId))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode c = JSON.readTree(r.body());
        assertThat(c.path("requestId").asText()).isEqualTo("DUR-20");
        assertThat(c.path("status").asText()).isEqualTo("information-requested");
        assertThat(c.path("determinations")).hasSize(1);
        HttpResponse<String> queue = HTTP.send(HttpRequest.newBuilder(server.uri("/v1/cases?limit=1000"))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(queue.body()).path("cases")).hasSize(20);
    }

    private static List<String> withArgs(List<String> command, List<String> more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(more);
        return all;
    }

    /** Runs a command to its end; returns its standard output, failing on a non-zero exit. */
    private String run(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(PackagedJar.command(args)).directory(dir.toFile())
                .redirectError(dir.resolve("err-" + System.nanoTime() + ".txt").toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
