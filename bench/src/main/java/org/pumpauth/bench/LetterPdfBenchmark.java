package org.pumpauth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pumpauth.codes.CodeCatalog;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.engine.Engine;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;
import org.pumpauth.server.letters.LetterHtml;
import org.pumpauth.server.letters.LetterInput;
import org.pumpauth.server.letters.LetterKind;
import org.pumpauth.server.letters.LetterPdf;
import org.pumpauth.server.letters.LetterSettings;

/**
 * A denial letter's PDF, rendered from its stored HTML as {@code GET /v1/cases/{id}/letters/{letterId}.pdf}
 * does: time per letter after warm-up (the goal is under 100 ms). Each call takes the next example's
 * denial in turn; {@link #html} measures writing the letter's HTML, which the decision itself pays.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(1)
@State(Scope.Thread)
public class LetterPdfBenchmark {
    private static final Instant ISSUED = Instant.parse("2025-06-02T12:00:00Z");

    private List<String> letters;
    private List<LetterInput> inputs;
    private LetterHtml writer;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        PolicyRegistry registry = PolicyRegistry.builtIn();
        RequestReader reader = new RequestReader();
        ObjectMapper json = new ObjectMapper();
        Engine engine = new Engine();
        writer = new LetterHtml(LetterSettings.builtIn(), CodeCatalog.builtIn());
        letters = new ArrayList<>();
        inputs = new ArrayList<>();
        for (Examples.Example example : Examples.all()) {
            ReviewRequest request = reader.read(example.bytes());
            Determination d = engine.evaluate(request, registry.select(request.policy().orElseThrow()), LocalDate.of(2024, 6, 1));
            try {
                JsonNode requestJson = json.readTree(example.bytes());
                LetterInput input = new LetterInput("0b8e5a53-3f0c-4a4e-9d63-2f4b8b2a9c1" + (inputs.size() % 10),
                        LetterKind.DENIAL, ISSUED, "a4a04d56-45a6-47fd-99fd-5c42555f1be1", request.requestId(),
                        request.policy().orElseThrow(), requestJson, json.readTree(DeterminationJson.toJson(d)),
                        ISSUED.plusSeconds(7 * 86400), Optional.of(new LetterInput.Decider("Dr. Ana Lee, MD", "physician",
                                "Criteria not met.")), Optional.empty(), Optional.empty());
                inputs.add(input);
                letters.add(writer.render(input));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        next = 0;
    }

    /** One denial letter's PDF from its HTML. */
    @Benchmark
    public byte[] pdf() {
        int i = next;
        next = i + 1 == letters.size() ? 0 : i + 1;
        return LetterPdf.render(letters.get(i), ISSUED);
    }

    /** One denial letter's HTML from its case and determination (what a decision pays for its letter). */
    @Benchmark
    public String html() {
        int i = next;
        next = i + 1 == inputs.size() ? 0 : i + 1;
        return writer.render(inputs.get(i));
    }
}
