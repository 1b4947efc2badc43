package org.pumpauth.notes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reader on the ten development pump notes (pump-dev/, fictional, with gold facts and traps),
 * scored as the benchmark's README counts: one unit per (field, value), list members apart; a trap
 * is violated when a wrong unit on its field has evidence overlapping the trap's text; a bad span
 * is one whose text is not the note's characters. Floors sit a little under the measured figures.
 */
class PumpNotesBenchmarkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OUT_OF_SCOPE = Set.of("member", "requestId", "policy", "receivedAt", "documents", "notes");

    record Unit(String field, String value) {}

    @Test
    void the_reader_proposes_the_gold_facts_and_springs_no_trap() throws IOException {
        JsonNode gold = JSON.readTree(resource("pump-dev/gold.json"));
        NoteReader reader = new NoteReader();
        int truePositives = 0;
        int predicted = 0;
        int expected = 0;
        int negTp = 0;
        int negPredicted = 0;
        int negExpected = 0;
        int traps = 0;
        int violated = 0;
        int badSpans = 0;
        List<String> report = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> note = it.next();
            String text = resource("pump-dev/" + note.getKey());
            List<NoteFact> facts = reader.read(text);
            assertThat(reader.read(text)).as("the same note gives the same facts").isEqualTo(facts);
            Set<Unit> want = new LinkedHashSet<>();
            note.getValue().get("facts").fields().forEachRemaining(f -> units(f.getKey(), f.getValue(), want));
            Set<Unit> got = new LinkedHashSet<>();
            for (NoteFact fact : facts) {
                if (OUT_OF_SCOPE.contains(fact.field().split("[.\\[]")[0])) {
                    continue;
                }
                units(fact.field(), fact.value(), got);
                for (Span span : fact.evidence()) {
                    if (!text.substring(span.start(), span.end()).equals(span.text())) {
                        badSpans++;
                    }
                }
            }
            for (Unit u : got) {
                boolean right = want.stream().anyMatch(w -> same(w, u));
                predicted++;
                truePositives += right ? 1 : 0;
                negPredicted += u.value().equals("false") ? 1 : 0;
                negTp += right && u.value().equals("false") ? 1 : 0;
                if (!right) {
                    report.add(note.getKey() + "  extra   " + u.field() + " = " + u.value());
                }
            }
            for (Unit w : want) {
                expected++;
                negExpected += w.value().equals("false") ? 1 : 0;
                if (got.stream().noneMatch(u -> same(w, u))) {
                    report.add(note.getKey() + "  missing " + w.field() + " = " + w.value());
                }
            }
            for (JsonNode trap : note.getValue().get("traps")) {
                traps++;
                int at = text.indexOf(trap.get("text").asText());
                Span trapSpan = new Span(at, at + trap.get("text").asText().length(), trap.get("text").asText());
                String trapField = trap.get("field").asText().replace("[]", "[");
                boolean sprung = false;
                for (NoteFact fact : facts) {
                    boolean onField = trapField.endsWith("[") || trapField.contains("[.")
                            ? fact.field().replaceAll("\\[\\d+]", "[").equals(trapField.replace("[.", "[."))
                                    || fact.field().replaceAll("\\[\\d+]", "[").equals(trapField)
                            : fact.field().equals(trapField);
                    if (!onField) {
                        continue;
                    }
                    Set<Unit> factUnits = new LinkedHashSet<>();
                    units(fact.field(), fact.value(), factUnits);
                    boolean wrong = factUnits.stream().anyMatch(u -> want.stream().noneMatch(w -> same(w, u)));
                    if (wrong && fact.evidence().stream().anyMatch(s -> s.overlaps(trapSpan))) {
                        sprung = true;
                    }
                }
                if (sprung) {
                    violated++;
                    report.add(note.getKey() + "  TRAP    " + trap.get("field").asText() + ": " + trap.get("text").asText());
                }
            }
        }
        double precision = (double) truePositives / predicted;
        double recall = (double) truePositives / expected;
        double f1 = 2 * precision * recall / (precision + recall);
        double negP = negPredicted == 0 ? 0 : (double) negTp / negPredicted;
        double negR = (double) negTp / negExpected;
        double negF1 = negP + negR == 0 ? 0 : 2 * negP * negR / (negP + negR);
        System.out.printf(Locale.ROOT, "pump notes: P=%.3f R=%.3f F1=%.3f (negatives F1=%.3f), traps violated %d/%d, bad spans %d%n",
                precision, recall, f1, negF1, violated, traps, badSpans);
        report.forEach(System.out::println);
        assertThat(badSpans).as("evidence spans that are not the note's characters").isZero();
        assertThat(violated).as("traps violated").isZero();
        // Measured 2026-12-03 on these ten notes: P 1.000, R 1.000 (the rules were written from them;
        // the held-out notes will score lower).
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.97);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.95);
    }

    private static void units(String field, JsonNode value, Set<Unit> out) {
        String f = field;
        if (value.isArray()) {
            value.forEach(v -> out.add(new Unit(f, v.asText().toLowerCase(Locale.ROOT))));
        } else {
            out.add(new Unit(f, value.isNumber() ? String.valueOf(value.asDouble()) : value.asText().toLowerCase(Locale.ROOT)));
        }
    }

    private static boolean same(Unit a, Unit b) {
        if (!a.field().equals(b.field())) {
            return false;
        }
        try {
            return Math.abs(Double.parseDouble(a.value()) - Double.parseDouble(b.value())) <= 0.5;
        } catch (NumberFormatException e) {
            return a.value().equals(b.value());
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = PumpNotesBenchmarkTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
