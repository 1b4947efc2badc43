package org.pumpauth.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged command-line jar ({@code cli/target/pumpauth.jar}) run as a child process, for the integration tests. */
final class PackagedJar {
    static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();
    static final Path JAR = ROOT.resolve("cli/target/pumpauth.jar");
    private static final Pattern SERVING = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)/v1");

    private PackagedJar() {}

    /** The command line that runs the jar with {@code args}, on the JVM running the test. */
    static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                JAR.toString()));
        command.addAll(args);
        return command;
    }

    /** {@code pumpauth serve --port 0} with {@code args} added, and the port it said it listens on. */
    record Server(Process process, int port) implements AutoCloseable {
        /** Starts the server with standard error sent to {@code err}; waits up to a minute for its first line. */
        static Server start(List<String> args, Map<String, String> env, ProcessBuilder.Redirect err) throws Exception {
            List<String> serve = new ArrayList<>(List.of("serve", "--port", "0"));
            serve.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command(serve)).redirectError(err);
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

        /** Kills the server as {@code kill -9} would, and waits for it to end. */
        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        /** Stops the server as an operator would (SIGTERM), and waits for it to end. */
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
