package org.pumpauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pumpauth letters CASE-ID [--out DIR]} with the packaged jar, on the embedded database a server
 * process wrote a denied case to; and {@code serve --letters FILE}.
 */
class LettersIT {
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

    private static HttpResponse<String> post(int port, String path, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1" + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_denied_cases_letter_is_listed_and_saved_as_html_and_pdf_naming_the_physician() throws Exception {
        String clinic = pumpauth("keys", "create", "--role", "submitter", "--name", "clinic-a").out().trim();
        String doctor = pumpauth("keys", "create", "--role", "physician", "--name", "dr-lee", "--display-name",
                "Dr. Ana Lee, MD").out().trim();
        Path settings = dir.resolve("plan.yaml");
        Files.writeString(settings, Files.readString(ROOT.resolve("examples/letters.yaml"))
                .replace("Example Health Plan", "Piedmont Community Health"));
        String caseId;
        try (PackagedJar.Server server = PackagedJar.Server.start(List.of("--no-access-log", "--letters",
                settings.toString(), "--data", dir.resolve("data").toString()), Map.of(), ProcessBuilder.Redirect.DISCARD)) {
            int port = server.port();
            String request = Files.readString(ROOT.resolve("examples/nia-implant-pain-non-opioid-trial.json"));
            HttpResponse<String> submitted = post(port, "/cases", clinic, request);
            assertThat(submitted.statusCode()).isEqualTo(201);
            Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(submitted.body());
            assertThat(id.find()).isTrue();
            caseId = id.group(1);
            assertThat(post(port, "/cases/" + caseId + "/decision", doctor,
                    "{\"decision\": \"deny\", \"rationale\": \"no intraspinal opioid trial\"}").statusCode()).isEqualTo(200);
        }

        Run run = pumpauth("letters", caseId, "--out", dir.resolve("letters").toString());

        assertThat(run.status()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).matches("[0-9a-f-]{36}  denial  \\S+Z  [0-9a-f]{64}");
        String html = Files.readString(dir.resolve("letters/1-denial.html"));
        assertThat(html).contains("Dr. Ana Lee, MD, a physician reviewer for Piedmont Community Health");
        assertThat(Files.readAllBytes(dir.resolve("letters/1-denial.pdf"))).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(pumpauth("audit", "verify").out()).startsWith("6 entries and 1 letter, intact");

        Run none = pumpauth("letters", "John-Doe");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).contains("no letters for that case id").doesNotContain("John-Doe");
    }

    @Test
    void a_letters_file_missing_the_plans_telephone_number_is_a_usage_error_naming_the_field() throws Exception {
        Path settings = dir.resolve("plan.yaml");
        Files.writeString(settings, Files.readString(ROOT.resolve("examples/letters.yaml"))
                .replace("  memberServices: 1-800-555-0100\n", ""));

        Run run = pumpauth("serve", "--port", "0", "--letters", settings.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--letters: " + settings + ": plan.memberServices: is required: a non-empty text");
    }
}
