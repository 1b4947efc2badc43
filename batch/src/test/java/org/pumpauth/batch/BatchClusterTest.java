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

    /**
     * What a user does with a Spark distribution: {@code spark-submit --master spark://... --class
     * org.pumpauth.batch.Main --jars LIBRARIES pumpauth-batch.jar evaluate ...}. spark-submit is a script
     * around {@code org.apache.spark.deploy.SparkSubmit}; the test runs that class in its own JVM with only
     * Spark's libraries on its class path (a distribution's {@code jars/}), and pumpauth's jar and the
     * libraries the README names given as spark-submit's arguments, so the driver loads them from there
     * and the executor receives them from the driver, as on a real cluster.
     */
    @Test
    void spark_submit_runs_the_batch_jar_on_the_cluster() throws IOException, InterruptedException {
        Path input = dir.resolve("submitted.jsonl");
        assertThat(BatchRun.of("generate", "--count", "100", "--seed", "5", "--out", input.toString()).status()).isZero();
        Files.writeString(input, "{\"requestId\": 7}\n", java.nio.file.StandardOpenOption.APPEND);

        List<String> spark = new ArrayList<>();
        List<String> libraries = new ArrayList<>();
        Path jars = Files.createDirectories(dir.resolve("submit-jars"));
        Path application = null;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (Files.isDirectory(path)) {
                if (path.endsWith(Path.of("batch", "target", "classes"))) {
                    application = jar(path, jars.resolve("pumpauth-batch.jar"));
                } else if (path.endsWith(Path.of("core", "target", "classes"))) {
                    libraries.add(jar(path, jars.resolve("pumpauth-core.jar")).toString());
                } // test classes: not the user's
            } else if (SUBMITTED_LIBRARIES.stream().anyMatch(name::startsWith)) {
                libraries.add(entry);
            } else {
                spark.add(entry);
            }
        }
        assertThat(application).as("batch's classes on the test's class path").isNotNull();
        assertThat(libraries).as("the libraries the README names").hasSize(SUBMITTED_LIBRARIES.size());

        Path out = dir.resolve("submitted");
        List<String> command = java("submit");
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, spark),
                "org.apache.spark.deploy.SparkSubmit", "--master", masterUrl, "--class", "org.pumpauth.batch.Main",
                "--jars", String.join(",", libraries),
                // The workers' Spark: a distribution's jars/ (here, Spark's libraries where they are).
                "--conf", "spark.executor.extraClassPath=" + String.join(java.io.File.pathSeparator, spark),
                "--conf", "spark.executor.memory=512m",
                application.toString(), "evaluate", "--input", input.toString(), "--out", out.toString(),
                "--today", "2024-06-01"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("submit.out").toFile())
                .redirectError(dir.resolve("submit.err").toFile());
        builder.environment().put("PUMPAUTH_BATCH_LOG", dir.resolve("submit.log").toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process submit = builder.start();
        boolean finished = submit.waitFor(5, java.util.concurrent.TimeUnit.MINUTES);
        if (!finished) {
            submit.descendants().forEach(ProcessHandle::destroy);
            submit.destroy();
        }
        String stdout = Files.readString(dir.resolve("submit.out"));
        String stderr = Files.readString(dir.resolve("submit.err"));
        assertThat(finished).as("spark-submit finished within 5 minutes").isTrue();
        assertThat(submit.exitValue()).as(stdout + stderr).isZero();
        assertThat(stdout).startsWith("101 lines read: 100 requests evaluated (100 determinations), 1 rejected\n");

        org.pumpauth.engine.Review review = new org.pumpauth.engine.Review(org.pumpauth.policy.PolicyRegistry.builtIn());
        org.pumpauth.request.RequestReader reader = new org.pumpauth.request.RequestReader();
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(input).subList(0, 100)) {
            review.review(reader.read(line), List.of(), java.time.LocalDate.of(2024, 6, 1))
                    .forEach(d -> expected.add(org.pumpauth.determination.DeterminationJson.toJson(d)));
        }
        assertThat(sorted(out)).isEqualTo(expected.stream().sorted().collect(Collectors.toList()));
    }

    /** The libraries pumpauth needs that Spark does not bring (the README's spark-submit --jars). */
    static final List<String> SUBMITTED_LIBRARIES = List.of("pumpauth-core-", "picocli-", "jackson-dataformat-yaml-",
            "snakeyaml-", "h2-", "postgresql-");

    /** The classes under {@code classes}, as the build's jar holds them. */
    private static Path jar(Path classes, Path jar) throws IOException {
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                java.util.stream.Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> sorted(Path out) throws IOException {
        return BatchEvaluateTest.jsonLines(out.resolve(EvaluateJob.DETERMINATIONS_JSONL)).stream().sorted()
                .collect(Collectors.toList());
    }

    /** {@code java} with the JVM flags Spark needs on Java 17 (as Surefire gave this JVM), logging to NAME.log. */
    private static List<String> java(String name) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-Djdk.reflect"))
                .forEach(command::add);
        command.add("-Xmx512m");
        command.add("-Dpumpauth.batch.log=" + dir.resolve(name + ".log"));
        return command;
    }

    private static Process start(String name, String mainClass, Path home, String... args) throws IOException {
        List<String> command = java(name);
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
