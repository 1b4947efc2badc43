package org.pumpauth.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pumpauth.batch.EvaluateJob.Counts;
import org.pumpauth.batch.EvaluateJob.SummaryLine;

/** {@code summary.csv} and {@code summary.json} of {@code batch evaluate}. */
final class Summaries {
    static final String CSV = "summary.csv";
    static final String JSON = "summary.json";

    private Summaries() {}

    static void write(Path dir, String input, Counts counts, List<SummaryLine> lines) {
        try (Writer csv = Files.newBufferedWriter(dir.resolve(CSV), StandardCharsets.UTF_8)) {
            csv.write("policy,pathway,outcome,determinations\n");
            for (SummaryLine line : lines) {
                csv.write(Csv.row(line.policy(), line.pathway(), line.outcome(), String.valueOf(line.determinations())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (JsonGenerator json = new JsonFactory().createGenerator(dir.resolve(JSON).toFile(), JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("input", input);
            json.writeNumberField("read", counts.read());
            json.writeNumberField("evaluated", counts.evaluated());
            json.writeNumberField("rejected", counts.rejected());
            json.writeNumberField("determinations", counts.determinations());
            json.writeArrayFieldStart("outcomes");
            for (SummaryLine line : lines) {
                json.writeStartObject();
                json.writeStringField("policy", line.policy());
                json.writeStringField("pathway", line.pathway());
                json.writeStringField("outcome", line.outcome());
                json.writeNumberField("determinations", line.determinations());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
