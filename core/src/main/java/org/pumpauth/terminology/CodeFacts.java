package org.pumpauth.terminology;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What CPT and HCPCS codes state about the service by their descriptors ({@code
 * policies/terminology/code-facts.tsv}, ruling G14): an intraspinal route, a programmable pump.
 */
public final class CodeFacts {
    static final List<String> HEADER = List.of("code", "fact", "value", "source");

    private final Set<String> intraspinal;
    private final Map<String, Boolean> programmable;

    private CodeFacts(Set<String> intraspinal, Map<String, Boolean> programmable) {
        this.intraspinal = Set.copyOf(intraspinal);
        this.programmable = Map.copyOf(programmable);
    }

    static CodeFacts parse(String file, String tsv, List<String> problems) {
        Set<String> intraspinal = new HashSet<>();
        Map<String, Boolean> programmable = new HashMap<>();
        for (Tsv.Row row : Tsv.rows(file, tsv, HEADER, 4, problems)) {
            String code = row.cell(0).toUpperCase(Locale.ROOT);
            String value = row.cell(2);
            if (!value.equals("true") && !value.equals("false")) {
                problems.add(row.where() + ": value must be true or false");
                continue;
            }
            switch (row.cell(1)) {
                case "intraspinal":
                    if (value.equals("false")) {
                        problems.add(row.where() + ": intraspinal takes true (a code that does not state the route has no row)");
                    }
                    intraspinal.add(code);
                    break;
                case "programmablePump":
                    programmable.put(code, Boolean.valueOf(value));
                    break;
                default:
                    problems.add(row.where() + ": fact must be intraspinal or programmablePump");
            }
        }
        return new CodeFacts(intraspinal, programmable);
    }

    /** Whether the code's descriptor names an intrathecal or epidural service. */
    public boolean statesIntraspinal(String code) {
        return intraspinal.contains(normal(code));
    }

    /** Whether one of the codes names an intrathecal or epidural service. */
    public boolean statesIntraspinal(List<String> codes) {
        return codes.stream().anyMatch(this::statesIntraspinal);
    }

    /**
     * The pump type the codes state: programmable or not where the codes that state it agree; empty
     * where none states it or they disagree.
     */
    public Optional<Boolean> programmablePump(List<String> codes) {
        Set<Boolean> stated = new HashSet<>();
        for (String code : codes) {
            Boolean value = programmable.get(normal(code));
            if (value != null) {
                stated.add(value);
            }
        }
        return stated.size() == 1 ? Optional.of(stated.iterator().next()) : Optional.empty();
    }

    private static String normal(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
