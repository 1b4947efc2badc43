package org.pumpauth.terminology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tables that say what a request's names and codes state (ruling G14): drugs, procedure and
 * supply codes, diagnoses; and the figures the derived facts use (G5). Data files under
 * {@code policies/terminology/}, each row with its source.
 */
public record Terminology(Drugs drugs, CodeFacts codes, Diagnoses diagnoses, Thresholds thresholds) {
    private static final String DIR = "/org/pumpauth/policies/terminology/";
    static final String DRUGS = "drugs.tsv";
    static final String CODES = "code-facts.tsv";
    static final String DIAGNOSES = "diagnoses.tsv";
    static final String THRESHOLDS = "thresholds.tsv";

    /** Reads the three G14 tables from their text, with the shipped thresholds; every problem names its file and line. */
    public static Terminology parse(String drugs, String codes, String diagnoses) {
        return parse(drugs, codes, diagnoses, BuiltIn.resource(THRESHOLDS));
    }

    /** Reads the four tables from their text; every problem names its file and line. */
    public static Terminology parse(String drugs, String codes, String diagnoses, String thresholds) {
        List<String> problems = new ArrayList<>();
        Terminology terminology = new Terminology(Drugs.parse(DRUGS, drugs, problems),
                CodeFacts.parse(CODES, codes, problems), Diagnoses.parse(DIAGNOSES, diagnoses, problems),
                Thresholds.parse(THRESHOLDS, thresholds, problems));
        if (!problems.isEmpty()) {
            throw new TerminologyException(problems);
        }
        return terminology;
    }

    /** The tables a policy may name its own of ({@code tables: {drugs: my-drugs.tsv}}), by the key it names them with. */
    public static final List<String> KINDS = List.of("drugs", "code-facts", "diagnoses", "thresholds");

    /**
     * The shipped tables with some replaced by a policy's own: {@code own} maps a kind of {@link #KINDS}
     * to the table's file name (for messages) and text.
     *
     * @throws TerminologyException with every problem of the policy's tables, each {@code file:line: message}
     */
    public static Terminology withOwn(Map<String, Map.Entry<String, String>> own) {
        List<String> problems = new ArrayList<>();
        Terminology terminology = new Terminology(
                Drugs.parse(name(own, "drugs", DRUGS), text(own, "drugs", DRUGS), problems),
                CodeFacts.parse(name(own, "code-facts", CODES), text(own, "code-facts", CODES), problems),
                Diagnoses.parse(name(own, "diagnoses", DIAGNOSES), text(own, "diagnoses", DIAGNOSES), problems),
                Thresholds.parse(name(own, "thresholds", THRESHOLDS), text(own, "thresholds", THRESHOLDS), problems));
        if (!problems.isEmpty()) {
            throw new TerminologyException(problems);
        }
        return terminology;
    }

    private static String name(Map<String, Map.Entry<String, String>> own, String kind, String shipped) {
        return own.containsKey(kind) ? own.get(kind).getKey() : shipped;
    }

    private static String text(Map<String, Map.Entry<String, String>> own, String kind, String shipped) {
        return own.containsKey(kind) ? own.get(kind).getValue() : BuiltIn.resource(shipped);
    }

    /** The tables shipped with pumpauth, read once. */
    public static Terminology builtIn() {
        return BuiltIn.TABLES;
    }

    private static final class BuiltIn {
        static final Terminology TABLES =
                parse(resource(DRUGS), resource(CODES), resource(DIAGNOSES), resource(THRESHOLDS));

        private static String resource(String name) {
            try (InputStream in = Terminology.class.getResourceAsStream(DIR + name)) {
                if (in == null) {
                    throw new TerminologyException(List.of(DIR + name + ":1: missing from the build"));
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
