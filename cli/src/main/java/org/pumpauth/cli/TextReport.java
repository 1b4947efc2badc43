package org.pumpauth.cli;

import java.util.List;
import java.util.stream.Collectors;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.FactValue;
import org.pumpauth.determination.MissingInformation;

/** A determination as a reviewer reads it in a terminal. */
final class TextReport {
    private static final int TEXT_WIDTH = 96;

    private TextReport() {}

    static String render(String file, Determination d) {
        StringBuilder out = new StringBuilder();
        out.append("== ").append(file).append(" · ").append(d.policy()).append(" ").append(d.policy().title()).append('\n');
        line(out, "Request", d.requestId() + ", service date " + d.serviceDate());
        line(out, "Outcome", d.outcome() + "  (action: " + d.action().code() + ")");
        line(out, "Pathway", d.pathway().orElse("-"));
        d.criteria().ifPresent(root -> {
            out.append("Criteria   MET / NOT MET / ? = unknown\n");
            for (CriterionResult child : root.children()) {
                node(out, child, "  ");
            }
        });
        section(out, "Missing information", d.missingInformation().stream()
                .map(MissingInformation::field).map(f -> f + ": " + ask(d, f)).collect(Collectors.toList()));
        section(out, "Reasons", d.reasons());
        section(out, "Warnings", d.warnings());
        return out.toString();
    }

    private static String ask(Determination d, String field) {
        return d.missingInformation().stream().filter(m -> m.field().equals(field)).findFirst()
                .map(MissingInformation::request).orElse("");
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-10s %s%n", label, value));
    }

    private static void node(StringBuilder out, CriterionResult node, String indent) {
        String mark;
        switch (node.result()) {
            case MET:
                mark = "MET    ";
                break;
            case NOT_MET:
                mark = "NOT MET";
                break;
            default:
                mark = node.referral().isPresent() ? "REVIEW " : "?      ";
        }
        out.append(indent).append(mark).append(' ').append(node.id()).append("  ").append(shorten(node.text()));
        if (node.children().isEmpty() && !node.facts().isEmpty()) {
            out.append("  (").append(facts(node.facts())).append(')');
        }
        out.append('\n');
        for (CriterionResult child : node.children()) {
            node(out, child, indent + "  ");
        }
    }

    private static String facts(List<FactValue> facts) {
        return facts.stream()
                .map(f -> f.field() + " = " + f.value().map(String::valueOf).orElse("?"))
                .collect(Collectors.joining(", "));
    }

    private static String shorten(String text) {
        return text.length() <= TEXT_WIDTH ? text : text.substring(0, TEXT_WIDTH - 3) + "...";
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(title).append('\n');
        for (String line : lines) {
            out.append("  - ").append(line).append('\n');
        }
    }
}
