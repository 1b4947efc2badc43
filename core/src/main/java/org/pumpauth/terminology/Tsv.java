package org.pumpauth.terminology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The rows of a tab-separated table: comment lines ({@code #}) and the header row skipped. */
final class Tsv {
    private Tsv() {}

    /** One data row, with its line for messages. */
    record Row(String file, int line, List<String> cells) {
        String cell(int column) {
            return column < cells.size() ? cells.get(column).strip() : "";
        }

        String where() {
            return file + ":" + line;
        }
    }

    /**
     * The data rows of {@code text}; the first non-comment row is the header and must read {@code
     * header}. A row with fewer than {@code required} cells is a problem, added to {@code problems}.
     */
    static List<Row> rows(String file, String text, List<String> header, int required, List<String> problems) {
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            List<String> cells = Arrays.asList(line.split("\t", -1));
            if (!headerSeen) {
                headerSeen = true;
                if (!cells.equals(header)) {
                    problems.add(file + ":" + (i + 1) + ": the header must read " + String.join(" | ", header));
                }
                continue;
            }
            if (cells.size() < required || cells.subList(0, required).stream().anyMatch(String::isBlank)) {
                problems.add(file + ":" + (i + 1) + ": a row needs " + String.join(", ", header.subList(0, required)));
                continue;
            }
            rows.add(new Row(file, i + 1, cells));
        }
        if (!headerSeen) {
            problems.add(file + ":1: no header row (" + String.join(" | ", header) + ")");
        }
        return rows;
    }
}
