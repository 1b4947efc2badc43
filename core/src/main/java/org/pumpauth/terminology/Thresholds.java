package org.pumpauth.terminology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures the derived facts use ({@code policies/terminology/thresholds.tsv}), each from the
 * ruling that sets it: G5's six months of life expectancy for {@code terminal}.
 */
public final class Thresholds {
    static final List<String> HEADER = List.of("threshold", "value", "unit", "source");
    /** Every threshold a derived fact reads; the table must give each, once. */
    static final List<String> KNOWN = List.of("terminal.lifeExpectancyMonths.atMost");

    private final Map<String, Double> values;

    private Thresholds(Map<String, Double> values) {
        this.values = Map.copyOf(values);
    }

    static Thresholds parse(String file, String tsv, List<String> problems) {
        Map<String, Double> values = new HashMap<>();
        for (Tsv.Row row : Tsv.rows(file, tsv, HEADER, 4, problems)) {
            String name = row.cell(0);
            if (!KNOWN.contains(name)) {
                problems.add(row.where() + ": unknown threshold '" + name + "'; known: " + String.join(", ", KNOWN));
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(row.cell(1));
            } catch (NumberFormatException e) {
                problems.add(row.where() + ": value must be a number");
                continue;
            }
            if (values.put(name, value) != null) {
                problems.add(row.where() + ": '" + name + "' is given twice");
            }
        }
        for (String name : KNOWN) {
            if (!values.containsKey(name)) {
                problems.add(file + ":1: no row for '" + name + "'");
            }
        }
        return new Thresholds(values);
    }

    /** Ruling G5: a stated life expectancy of this many months or less is terminal. */
    public double terminalLifeExpectancyMonths() {
        return values.getOrDefault("terminal.lifeExpectancyMonths.atMost", Double.NaN);
    }
}
