package org.pumpauth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.pumpauth.notes.Assertion;
import org.pumpauth.notes.ConText;
import org.pumpauth.notes.NoteFact;
import org.pumpauth.notes.NoteReader;

/**
 * Clinical notes: {@code read} is one 2 KB pain-clinic note (fictional, note-2kb.txt) read into its
 * facts, per second; {@code assess} is one ConText assertion of a mention in its sentence, per
 * second, taking the next of a dozen kit-like sentences each call.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class NotesBenchmark {
    private static final List<String> SENTENCES = List.of(
            "No WHEEZES, rales, or rhonchi.",
            "There was no evidence of GASTRIC VARICES, ulcers, or Mallory-Weiss tear.",
            "PAST MEDICAL HISTORY: Past medical history of CORONARY ARTERY DISEASE, status post CABG, hypertension.",
            "She should return to the Emergency Department if she experiences nausea, vomiting, INCREASED ABDOMINAL PAIN.",
            "The indication for this procedure is family history of COLON POLYPS and screening.",
            "HISTORY OF PRESENT ILLNESS: a 40-year-old female with a two-day history of FEVER, body aches, and nausea.",
            "Pain significantly interferes with his ADLs and he has been unable to WORK since 2021.",
            "Denies any alcohol, TOBACCO or illicit drug use.",
            "The LUNGS WERE DECREASED AT THE BILATERAL BASES.",
            "He does have a history of PE's in the past, but his signs were not consistent with AORTIC DISSECTION.",
            "Her brother has a programmable VP SHUNT, which has made her anxious about devices.",
            "Assessment: no evidence of ACTIVE INFECTION.");

    private NoteReader reader;
    private ConText context;
    private String note;
    private int[][] mentions;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        reader = new NoteReader();
        context = ConText.standard();
        try (InputStream in = NotesBenchmark.class.getResourceAsStream("note-2kb.txt")) {
            note = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mentions = new int[SENTENCES.size()][];
        for (int i = 0; i < SENTENCES.size(); i++) {
            String s = SENTENCES.get(i);
            int start = -1;
            int end = -1;
            for (int c = 0; c < s.length() - 1; c++) {
                boolean upper = Character.isUpperCase(s.charAt(c)) && Character.isUpperCase(s.charAt(c + 1));
                if (upper && start < 0) {
                    start = c;
                }
                if (Character.isUpperCase(s.charAt(c)) && start >= 0 && (end < 0 || c <= end + 1)) {
                    end = c + 1;
                }
            }
            mentions[i] = new int[] {Math.max(0, start), Math.max(start + 1, end)};
        }
    }

    @Benchmark
    public List<NoteFact> read() {
        return reader.read(note);
    }

    @Benchmark
    public Assertion assess() {
        int i = next++ % SENTENCES.size();
        return context.assess(SENTENCES.get(i), mentions[i][0], mentions[i][1]);
    }
}
