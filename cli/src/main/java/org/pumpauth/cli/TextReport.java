package org.pumpauth.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.FactValue;
import org.pumpauth.determination.ProposedFact;
import org.pumpauth.determination.Result;
import org.pumpauth.notes.Span;

/**
 * A determination as a reviewer reads it in a terminal: the outcome first, then each criterion in
 * the policy's words with its mark and the facts it read, then what to ask the provider for.
 */
final class TextReport {
    private static final String LABEL = "%-11s";
    private static final String LABEL_INDENT = " ".repeat(11);
    private static final int MARK_WIDTH = 9;

    private TextReport() {}

    static String render(String file, Determination d) {
        StringBuilder out = new StringBuilder();
        out.append("== ").append(file).append(": ").append(d.policy()).append('\n');
        labelled(out, "Policy", d.policy().title());
        labelled(out, "Request", d.requestId() + ", service date " + d.serviceDate());
        labelled(out, "Outcome", d.outcome() + "  (action: " + d.action().code() + ")");
        String pathway = d.pathway()
                .map(id -> d.criteria().filter(root -> root.id().equals(id)).map(root -> id + ": " + root.text()).orElse(id))
                .orElse("none");
        labelled(out, "Pathway", pathway);
        d.criteria().filter(root -> !root.children().isEmpty()).ifPresent(root -> criteria(out, root));
        list(out, "Missing information", d.missingInformation().stream()
                .map(m -> m.request() + " [" + m.field() + "]").collect(Collectors.toList()));
        list(out, "Reasons", d.reasons());
        list(out, "Warnings", d.warnings());
        proposed(out, d);
        return out.toString();
    }

    /**
     * What the notes propose (issue 14), per unknown criterion, each fact with the note's own words
     * and where they are: to confirm or reject, never counted before that.
     */
    private static void proposed(StringBuilder out, Determination d) {
        if (d.proposedFacts().isEmpty()) {
            return;
        }
        out.append("Proposed by the notes (not counted until a reviewer confirms them)\n");
        String criterion = null;
        for (ProposedFact p : d.proposedFacts()) {
            if (!p.criterion().equals(criterion)) {
                criterion = p.criterion();
                out.append("  [").append(criterion).append("]\n");
            }
            out.append(Wrap.text("    - ", "      ", p.field() + " = " + p.value() + " (" + p.assertion() + ")"));
            for (Span span : p.evidence()) {
                out.append(Wrap.text("        ", "         ", p.note() + " " + span.start() + "-" + span.end() + ": \""
                        + span.text().replaceAll("\\s+", " ") + "\""));
            }
        }
        out.append("  Outcome if confirmed: ").append(d.outcomeIfConfirmed().map(Enum::name).orElse("")).append('\n');
    }

    private static void labelled(StringBuilder out, String label, String value) {
        out.append(Wrap.text(String.format(LABEL, label), LABEL_INDENT, value));
    }

    private static void criteria(StringBuilder out, CriterionResult root) {
        Set<Mark> used = new LinkedHashSet<>();
        StringBuilder tree = new StringBuilder();
        for (CriterionResult child : root.children()) {
            node(tree, child, root.result(), "  ", used);
        }
        String legend = used.stream().sorted().map(Mark::legend).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("; "));
        out.append(legend.isEmpty() ? "Criteria" : String.format(LABEL, "Criteria") + "(" + legend + ")")
                .append('\n')
                .append(tree);
    }

    /** How a criterion reads in the tree. */
    enum Mark {
        MET("MET", ""),
        NOT_MET("NOT MET", ""),
        UNKNOWN("?", "? = not known"),
        REVIEW("REVIEW", "REVIEW = for individual review"),
        NOT_NEEDED("-", "- = not needed, another option is met");

        final String mark;
        final String legend;

        Mark(String mark, String legend) {
            this.mark = mark;
            this.legend = legend;
        }

        String legend() {
            return legend;
        }

        static Mark of(CriterionResult node, Result parent) {
            if (node.result() == Result.MET) {
                return MET;
            }
            if (parent == Result.MET) {
                // Under a met parent an unmet child is an alternative the parent did not need
                // (an `any`): marking it NOT MET or ? would send the reviewer after nothing.
                return NOT_NEEDED;
            }
            if (node.result() == Result.NOT_MET) {
                return NOT_MET;
            }
            return node.referral().isPresent() ? REVIEW : UNKNOWN;
        }
    }

    private static void node(StringBuilder out, CriterionResult node, Result parent, String indent, Set<Mark> used) {
        Mark mark = Mark.of(node, parent);
        used.add(mark);
        String first = indent + String.format("%-" + MARK_WIDTH + "s", mark.mark);
        String rest = " ".repeat(first.length());
        out.append(Wrap.text(first, rest, node.text() + "  [" + node.id() + "]"));
        if (mark != Mark.NOT_NEEDED) {
            for (String facts : facts(node, mark == Mark.MET)) {
                out.append(Wrap.text(rest + "  ", rest + "    ", facts));
            }
            if (mark != Mark.MET && node.interpretation().isPresent()) {
                out.append(Wrap.text(rest + "  Note: ", rest + "    ", node.interpretation().get()));
            }
        }
        for (CriterionResult child : node.children()) {
            node(out, child, node.result(), indent + "  ", used);
        }
    }

    /**
     * The facts this criterion read itself (not through a child criterion shown below it), one
     * line per group: {@code conservativeTherapy: weeks = 16, regionSpecific not stated}.
     */
    static List<String> facts(CriterionResult node) {
        return facts(node, false);
    }

    /**
     * As {@link #facts(CriterionResult)}; for a criterion met, only the facts the request states: a
     * fact not stated did not meet it (G13), and "MET ... not stated" would read as if silence had.
     */
    static List<String> facts(CriterionResult node, boolean statedOnly) {
        Set<String> shownBelow = new HashSet<>();
        node.children().forEach(child -> collectFields(child, shownBelow));
        List<FactValue> own = node.facts().stream()
                .filter(f -> !shownBelow.contains(f.field()) && (!statedOnly || f.isKnown()))
                .collect(Collectors.toList());
        List<String> lines = new ArrayList<>();
        int i = 0;
        while (i < own.size()) {
            String group = group(own.get(i).field());
            int end = i + 1;
            while (end < own.size() && group(own.get(end).field()).equals(group)) {
                end++;
            }
            List<FactValue> members = own.subList(i, end);
            if (members.size() == 1 || group.isEmpty()) {
                for (FactValue fact : members) {
                    lines.add(fact(fact.field(), fact, own));
                }
            } else {
                lines.add(group + ": " + members.stream()
                        .map(f -> fact(f.field().substring(group.length() + 1), f, own))
                        .collect(Collectors.joining(", ")));
            }
            i = end;
        }
        return lines;
    }

    private static void collectFields(CriterionResult node, Set<String> fields) {
        node.facts().forEach(f -> fields.add(f.field()));
        node.children().forEach(child -> collectFields(child, fields));
    }

    /** {@code conservativeTherapy.weeks} groups under {@code conservativeTherapy}; a top-level field is alone. */
    private static String group(String field) {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? "" : field.substring(0, dot);
    }

    private static String fact(String label, FactValue fact, List<FactValue> all) {
        if (fact.value().isEmpty()) {
            return label + Wrap.KEEP + "not" + Wrap.KEEP + "stated";
        }
        Object value = fact.value().get();
        boolean listCount = value instanceof Integer
                && all.stream().anyMatch(f -> f.field().startsWith(fact.field() + "["));
        if (listCount || (value instanceof List && ((List<?>) value).isEmpty())) {
            return label + ": " + (listCount ? value + " listed" : "none listed");
        }
        return label + Wrap.KEEP + "=" + Wrap.KEEP + value(value);
    }

    /** A fact's value as a person writes it: {@code 8}, not {@code 8.0}; lists in brackets. */
    static String value(Object value) {
        return FactValue.display(value);
    }

    private static void list(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(title).append('\n');
        for (String line : lines) {
            out.append(Wrap.text("  - ", "    ", line));
        }
    }
}
