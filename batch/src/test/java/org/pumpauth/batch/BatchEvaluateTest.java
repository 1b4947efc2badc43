package org.pumpauth.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pumpauth.cases.CaseReader;
import org.pumpauth.cases.PolicyCase;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.RequestReader;

/**
 * {@code batch evaluate} gives the engine's answers: every example in {@code examples/} and every
 * policy case (under its own version, named in the request) is evaluated by Spark in one job on
 * {@code local[2]}, and each determination is compared with the engine's, field by field; lines
 * that are not valid requests are rejected with the errors {@code pumpauth evaluate} prints.
 */
class BatchEvaluateTest {
    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Writes every character beyond ASCII as an escape. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @TempDir
    static Path dir;

    static BatchRun run;
    static Path out;
    /** Each input line by the request id the test gave it. */
    static final Map<String, String> lines = new LinkedHashMap<>();

    @BeforeAll
    static void evaluate_every_example_and_case() throws IOException {
        try (Stream<Path> examples = Files.list(BatchRun.ROOT.resolve("examples"))) {
            for (Path example : (Iterable<Path>) examples.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
                ObjectNode request = (ObjectNode) JSON.readTree(example.toFile());
                String id = "example:" + example.getFileName();
                request.put("requestId", id);
                lines.put(id, JSON.writeValueAsString(request));
            }
        }
        for (PolicyCase policyCase : new CaseReader().read(files(BatchRun.ROOT.resolve("core/src/test/resources/cases")))) {
            ObjectNode request = (ObjectNode) JSON.readTree(policyCase.request());
            String id = "case:" + policyCase.name();
            request.put("requestId", id);
            // The case's version, named as a request may name it, so one job evaluates every case under its own.
            request.put("policy", policyCase.policy().orElseThrow());
            lines.put(id, JSON.writeValueAsString(request));
        }
        // Text beyond ASCII, which the determination repeats: an accent and an emoji, as UTF-8 in the line and escaped.
        ObjectNode base = (ObjectNode) JSON.readTree(BatchRun.ROOT.resolve("examples/nia-trial-chronic-pain.json").toFile());
        lines.put("text:José \uD83D\uDE00", JSON.writeValueAsString(base.deepCopy().put("requestId", "text:José \uD83D\uDE00")));
        lines.put("text:escaped José \uD83D\uDE00",
                ESCAPING.writeValueAsString(base.deepCopy().put("requestId", "text:escaped José \uD83D\uDE00")));
        lines.put("malformed:truncated", "{\"requestId\": \"bad-1\", \"policy\": ");
        lines.put("malformed:array", "[1, 2]");
        lines.put("invalid:unknown-kind", "{\"requestId\": \"invalid:unknown-kind\", \"policy\": \"nia-cg-310\","
                + " \"service\": {\"kind\": \"teleportation\"}}");
        Path input = dir.resolve("requests.jsonl");
        Files.write(input, (String.join("\n", lines.values()) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out = dir.resolve("out");
        run = BatchRun.of("evaluate", "--master", "local[2]", "--input", input.toString(), "--out", out.toString(),
                "--today", TODAY.toString());
    }

    @Test
    void every_determination_is_the_engines_field_by_field() throws IOException {
        assertThat(run.status()).as(run.err()).isZero();
        Map<String, List<JsonNode>> got = new TreeMap<>();
        for (String line : jsonLines(out.resolve(EvaluateJob.DETERMINATIONS_JSONL))) {
            JsonNode node = JSON.readTree(line);
            got.computeIfAbsent(node.get("requestId").asText(), k -> new ArrayList<>()).add(node);
        }
        Review review = new Review(PolicyRegistry.builtIn());
        RequestReader reader = new RequestReader();
        int compared = 0;
        for (Map.Entry<String, String> entry : lines.entrySet()) {
            List<Determination> expected;
            try {
                expected = review.review(reader.read(entry.getValue()), List.of(), TODAY);
            } catch (InvalidRequestException e) {
                assertThat(got).as(entry.getKey() + " is rejected").doesNotContainKey(entry.getKey());
                continue;
            }
            List<JsonNode> actual = got.getOrDefault(entry.getKey(), List.of());
            assertThat(actual).as(entry.getKey() + ": one determination per policy").hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                List<String> differences = differences("", JSON.readTree(DeterminationJson.toJson(expected.get(i))),
                        actual.get(i));
                assertThat(differences).as(entry.getKey() + ": the fields where batch evaluate and the engine differ")
                        .isEmpty();
                compared++;
            }
        }
        assertThat(compared).as("determinations compared").isGreaterThan(700);
    }

    @Test
    void each_determination_is_byte_for_byte_what_pumpauth_evaluate_json_prints() throws IOException {
        assertThat(run.status()).as(run.err()).isZero();
        Review review = new Review(PolicyRegistry.builtIn());
        RequestReader reader = new RequestReader();
        List<String> expected = new ArrayList<>();
        for (String line : lines.values()) {
            try {
                for (Determination d : review.review(reader.read(line), List.of(), TODAY)) {
                    expected.add(new String(DeterminationJson.toJson(d).getBytes(StandardCharsets.UTF_8),
                            StandardCharsets.ISO_8859_1)); // one char a byte: compares the bytes
                }
            } catch (InvalidRequestException e) {
                // rejected: the test above
            }
        }
        List<String> got = new ArrayList<>();
        try (Stream<Path> parts = Files.list(out.resolve(EvaluateJob.DETERMINATIONS_JSONL))) {
            for (Path part : (Iterable<Path>) parts.filter(p -> p.getFileName().toString().startsWith("part-"))::iterator) {
                for (String line : new String(Files.readAllBytes(part), StandardCharsets.ISO_8859_1).split("\n")) {
                    if (!line.isEmpty()) {
                        got.add(line);
                    }
                }
            }
        }
        assertThat(got).as("the bytes of every determination").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(got.stream().filter(l -> l.contains("text:")).count()).as("the requests with text beyond ASCII")
                .isEqualTo(2);
    }

    @Test
    void the_parquet_columns_say_what_the_determination_says() {
        SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            List<Row> rows = spark.read().parquet(out.resolve(EvaluateJob.DETERMINATIONS).toString())
                    .select("requestId", "policy", "version", "serviceDate", "pathway", "outcome", "action", "missing",
                            "determination").collectAsList();
            assertThat(rows).hasSizeGreaterThan(700);
            for (Row row : rows) {
                JsonNode d = read(row.getString(8));
                String id = row.getString(0);
                assertThat(id).isEqualTo(d.get("requestId").asText());
                assertThat(row.getString(1)).as(id + " policy").isEqualTo(d.at("/policy/id").asText());
                assertThat(row.isNullAt(2) ? null : row.getDate(2).toString()).as(id + " version")
                        .isEqualTo(d.at("/policy/version").isMissingNode() || d.at("/policy/version").isNull() ? null
                                : d.at("/policy/version").asText());
                assertThat(row.getDate(3).toString()).as(id + " serviceDate").isEqualTo(d.get("serviceDate").asText());
                assertThat(row.getString(4)).as(id + " pathway").isEqualTo(d.path("pathway").isTextual()
                        ? d.get("pathway").asText() : null);
                assertThat(row.getString(5)).as(id + " outcome").isEqualTo(d.get("outcome").asText());
                assertThat(row.getString(6)).as(id + " action").isEqualTo(d.get("action").asText());
                List<String> missing = new ArrayList<>();
                d.path("missingInformation").forEach(m -> missing.add(m.get("field").asText()));
                assertThat(row.getList(7)).as(id + " missing").isEqualTo(missing);
            }
        } finally {
            spark.stop();
        }
    }

    @Test
    void a_line_that_is_not_a_valid_request_is_rejected_with_its_errors_and_the_counts_add_up() throws IOException {
        assertThat(run.status()).as(run.err()).isZero();
        List<JsonNode> rejects = new ArrayList<>();
        for (String line : jsonLines(out.resolve(EvaluateJob.REJECTS_JSONL))) {
            rejects.add(JSON.readTree(line));
        }
        assertThat(rejects).hasSize(3);
        Map<String, String> errorsByLine = rejects.stream().collect(Collectors.toMap(r -> r.get("line").asText(),
                r -> r.get("errors").toString()));
        assertThat(errorsByLine.get(lines.get("malformed:array"))).contains("a review request must be a JSON object");
        assertThat(errorsByLine.get(lines.get("invalid:unknown-kind"))).contains("service.kind");
        assertThat(errorsByLine).containsKey(lines.get("malformed:truncated"));

        JsonNode summary = JSON.readTree(out.resolve(Summaries.JSON).toFile());
        assertThat(summary.get("read").asLong()).as("lines read (the blank line is not one)").isEqualTo(lines.size());
        assertThat(summary.get("evaluated").asLong() + summary.get("rejected").asLong()).isEqualTo(lines.size());
        assertThat(summary.get("rejected").asLong()).isEqualTo(3);
        long inSummary = 0;
        for (JsonNode outcome : summary.get("outcomes")) {
            inSummary += outcome.get("determinations").asLong();
        }
        assertThat(inSummary).isEqualTo(summary.get("determinations").asLong())
                .isEqualTo(jsonLines(out.resolve(EvaluateJob.DETERMINATIONS_JSONL)).size());
        assertThat(Files.readAllLines(out.resolve(Summaries.CSV))).first().isEqualTo("policy,pathway,outcome,determinations");
        assertThat(run.out()).startsWith(lines.size() + " lines read: " + (lines.size() - 3) + " requests evaluated");
        assertThat(run.showsNoStackTrace()).isTrue();
    }

    /** The paths (JSON pointers) where {@code a} and {@code b} differ. */
    static List<String> differences(String path, JsonNode a, JsonNode b) {
        List<String> differences = new ArrayList<>();
        if (a.isObject() && b.isObject()) {
            List<String> names = new ArrayList<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(n -> {
                if (!a.has(n)) {
                    names.add(n);
                }
            });
            for (String name : names) {
                if (!a.has(name) || !b.has(name)) {
                    differences.add(path + "/" + name + (a.has(name) ? " missing from batch" : " only in batch"));
                } else {
                    differences.addAll(differences(path + "/" + name, a.get(name), b.get(name)));
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                differences.addAll(differences(path + "/" + i, a.get(i), b.get(i)));
            }
        } else if (!a.equals(b)) {
            differences.add(path + ": engine " + a + ", batch " + b);
        }
        return differences;
    }

    static List<String> jsonLines(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(folder)) {
            for (Path part : (Iterable<Path>) parts.filter(p -> !p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().startsWith("_")).sorted()::iterator) {
                Files.readAllLines(part).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            }
        }
        return lines;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            Iterator<Path> it = walk.filter(Files::isRegularFile).iterator();
            while (it.hasNext()) {
                Path file = it.next();
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    static List<String> fields(Determination d) {
        return d.missingInformation().stream().map(MissingInformation::field).toList();
    }
}
