package org.pumpauth.terminology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ICD-10-CM codes that state a condition of {@code indication.conditions} ({@code
 * policies/terminology/diagnoses.tsv}, ruling G14). A row's code is a prefix of the codes it covers.
 */
public final class Diagnoses {
    static final List<String> HEADER = List.of("code", "condition", "ICD-10-CM title");

    private record Prefix(String prefix, String condition) {}

    private final List<Prefix> prefixes;

    private Diagnoses(List<Prefix> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    static Diagnoses parse(String file, String tsv, List<String> problems) {
        List<Prefix> prefixes = new ArrayList<>();
        for (Tsv.Row row : Tsv.rows(file, tsv, HEADER, 3, problems)) {
            String code = normal(row.cell(0));
            if (!code.matches("[A-Z][0-9][0-9A-Z]{1,5}")) {
                problems.add(row.where() + ": code must be an ICD-10-CM code or category, such as G35 or M96.1");
                continue;
            }
            if (!row.cell(1).matches("[a-z]+(-[a-z]+)*")) {
                problems.add(row.where() + ": condition must be a kebab-case value of indication.conditions");
                continue;
            }
            prefixes.add(new Prefix(code, row.cell(1)));
        }
        return new Diagnoses(prefixes);
    }

    /** The condition an ICD-10-CM code states (with or without its dot, in any case), if the table has it. */
    public Optional<String> condition(String diagnosisCode) {
        String code = normal(diagnosisCode);
        Prefix best = null;
        for (Prefix p : prefixes) {
            if (code.startsWith(p.prefix()) && (best == null || p.prefix().length() > best.prefix().length())) {
                best = p;
            }
        }
        return Optional.ofNullable(best).map(Prefix::condition);
    }

    private static String normal(String code) {
        return code.strip().replace(".", "").toUpperCase(Locale.ROOT);
    }
}
