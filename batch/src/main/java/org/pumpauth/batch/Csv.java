package org.pumpauth.batch;

import java.util.Arrays;
import java.util.stream.Collectors;

/** One CSV line (RFC 4180): a field with a comma, a quote or a line break is quoted. */
final class Csv {
    private Csv() {}

    static String row(String... fields) {
        return Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(",")) + "\n";
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
