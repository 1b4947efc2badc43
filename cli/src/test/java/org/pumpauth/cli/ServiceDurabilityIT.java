package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case answered with 201 survives kill -9 of the server: the packaged jar runs as a separate
 * process, is killed with {@link Process#destroyForcibly()} right after the answer, restarted on the
 * same data, and the case is read back; on the embedded database and on PostgreSQL.
 */
class ServiceDurabilityIT {
    private static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("cli/target/pumpauth.jar");
    private static final Pattern SERVING = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)/v1");
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
        Server first = Server.start(data, Map.of(), log);
        // A key made while the server runs (the embedded database is shared through H2's AUTO_SERVER).
        String key = run(withArgs(List.of("keys", "create", "--role", "submitter", "--name", "clinic"), data), Map.of()).trim();

        String caseId = submitThenKill(first, key, 20);
        // The log says what was done to which resource, and nothing of the request.
        String logged = Files.readString(log);
        assertThat(logged).contains("POST /v1/cases 201").doesNotContain("DUR-").doesNotContain("morphine")
                .doesNotContain("requestId").doesNotContain(key);

        Server second = Server.start(data, Map.of());
        try {
            assertReadBack(second, key, caseId);
        } finally {
            second.process.destroyForcibly().waitFor();
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
            Server first = Server.start(db, env);

            String caseId = submitThenKill(first, key, 20);

            Server second = Server.start(db, env);
            try {
                assertReadBack(second, key, caseId);
            } finally {
                second.process.destroyForcibly().waitFor();
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
        server.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
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

    private static List<String> java(List<String> args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                JAR.toString()));
        command.addAll(args);
        return command;
    }

    /** Runs a command to its end; returns its standard output, failing on a non-zero exit. */
    private String run(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java(args)).directory(dir.toFile())
                .redirectError(dir.resolve("err-" + System.nanoTime() + ".txt").toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** A server process and the port it said it listens on. */
    private record Server(Process process, int port) {
        static Server start(List<String> dbArgs, Map<String, String> env) throws Exception {
            return start(dbArgs, env, null);
        }

        /** With {@code log}: the access log on, standard error written to that file. */
        static Server start(List<String> dbArgs, Map<String, String> env, Path log) throws Exception {
            List<String> args = withArgs(log == null ? List.of("serve", "--port", "0", "--no-access-log")
                    : List.of("serve", "--port", "0"), dbArgs);
            ProcessBuilder builder = new ProcessBuilder(java(args)).redirectError(log == null
                    ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(env);
            Process p = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
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
            try {
                return new Server(p, port.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                p.destroyForcibly();
                throw e;
            }
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
