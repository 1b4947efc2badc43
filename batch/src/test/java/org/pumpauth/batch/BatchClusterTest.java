package org.pumpauth.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batch evaluate --master spark://...} on a real Spark standalone cluster: a master and one
 * worker (one core), started on 127.0.0.1 from the same jars as the tests, in their own JVMs; the
 * worker starts the executor in a third. Its answers are the engine's.
 */
class BatchClusterTest {
    @TempDir
    static Path dir;

    static Process master;
    static Process worker;
    static String masterUrl;

    @BeforeAll
    static void start_a_master_and_a_worker() throws IOException, InterruptedException {
        // The worker builds an executor's class path from SPARK_HOME/jars (here empty: a release's layout)
        // and the application's spark.executor.extraClassPath, which the test sets to its own.
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark from the test's class path\n");
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        master = start("master", "org.apache.spark.deploy.master.Master", home, "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        await(dir.resolve("master.log"), "I have been elected leader");
        worker = start("worker", "org.apache.spark.deploy.worker.Worker", home, "--host", "127.0.0.1", "--cores", "1",
                "--memory", "1g", "--webui-port", String.valueOf(freePort()), "--work-dir",
                dir.resolve("work").toString(), masterUrl);
        await(dir.resolve("worker.log"), "Successfully registered with master");
    }

    @AfterAll
    static void stop_the_cluster() {
        for (Process process : new Process[] {worker, master}) {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }
        }
    }

    @Test
    void evaluate_on_the_cluster_gives_the_engines_answers() throws IOException {
        Path input = dir.resolve("requests.jsonl");
        assertThat(BatchRun.of("generate", "--count", "200", "--seed", "3", "--out", input.toString()).status()).isZero();
        Files.writeString(input, "not json\n", java.nio.file.StandardOpenOption.APPEND);
        System.setProperty("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        System.setProperty("spark.executor.memory", "512m");
        BatchRun onCluster;
        try {
            onCluster = BatchRun.of("evaluate", "--master", masterUrl, "--input", input.toString(), "--out",
                    dir.resolve("cluster").toString(), "--today", "2024-06-01");
        } finally {
            System.clearProperty("spark.executor.extraClassPath");
            System.clearProperty("spark.executor.memory");
        }
        assertThat(onCluster.status()).as(onCluster.err()).isZero();
        assertThat(onCluster.out()).startsWith("201 lines read: 200 requests evaluated (200 determinations), 1 rejected");
        assertThat(Files.list(dir.resolve("work")).count()).as("the worker ran an executor for the job").isPositive();

        // The same answers as the engine's in this JVM.
        org.pumpauth.engine.Review review = new org.pumpauth.engine.Review(org.pumpauth.policy.PolicyRegistry.builtIn());
        org.pumpauth.request.RequestReader reader = new org.pumpauth.request.RequestReader();
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(input).subList(0, 200)) {
            review.review(reader.read(line), List.of(), java.time.LocalDate.of(2024, 6, 1))
                    .forEach(d -> expected.add(org.pumpauth.determination.DeterminationJson.toJson(d)));
        }
        assertThat(sorted(dir.resolve("cluster"))).isEqualTo(expected.stream().sorted().collect(Collectors.toList()));
    }

    private static List<String> sorted(Path out) throws IOException {
        return BatchEvaluateTest.jsonLines(out.resolve(EvaluateJob.DETERMINATIONS_JSONL)).stream().sorted()
                .collect(Collectors.toList());
    }

    private static Process start(String name, String mainClass, Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The JVM flags Spark needs on Java 17, as Surefire gave this JVM.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-Djdk.reflect"))
                .forEach(command::add);
        command.add("-Xmx512m");
        command.add("-Dpumpauth.batch.log=" + dir.resolve(name + ".log"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    private static void await(Path log, String line) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + line + "' in " + log + " after 150 s:\n"
                + (Files.exists(log) ? Files.readString(log) : "(no log)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
