package org.pumpauth.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.pumpauth.batch.ImpactJob.CriterionChange;
import org.pumpauth.batch.ImpactJob.Examples;
import org.pumpauth.batch.ImpactJob.Impact;
import org.pumpauth.batch.ImpactJob.Transition;
import org.pumpauth.determination.Outcome;

/** {@code impact.html} (for the medical director), {@code transitions.csv}, {@code criteria.csv} and {@code impact.json}. */
final class ImpactReport {
    static final String HTML = "impact.html";
    static final String TRANSITIONS_CSV = "transitions.csv";
    static final String CRITERIA_CSV = "criteria.csv";
    static final String JSON = "impact.json";

    private ImpactReport() {}

    static void write(Impact impact, Path dir) {
        try {
            Files.writeString(dir.resolve(HTML), html(impact), StandardCharsets.UTF_8);
            try (Writer csv = Files.newBufferedWriter(dir.resolve(TRANSITIONS_CSV), StandardCharsets.UTF_8)) {
                csv.write("pathway,from_outcome,to_outcome,requests,changed\n");
                for (Transition t : impact.transitions()) {
                    csv.write(Csv.row(t.pathway(), t.from(), t.to(), String.valueOf(t.requests()), String.valueOf(t.changed())));
                }
            }
            try (Writer csv = Files.newBufferedWriter(dir.resolve(CRITERIA_CSV), StandardCharsets.UTF_8)) {
                csv.write("pathway,from_outcome,to_outcome,criterion_change,requests\n");
                for (CriterionChange c : impact.criteria()) {
                    csv.write(Csv.row(c.pathway(), c.from(), c.to(), c.criterion(), String.valueOf(c.requests())));
                }
            }
            json(impact, dir.resolve(JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long changedOutcome(Impact impact) {
        return impact.transitions().stream().filter(Transition::changed).mapToLong(Transition::requests).sum();
    }

    static long approvalsLost(Impact impact) {
        return impact.transitions().stream().filter(t -> t.from().equals(Outcome.MEETS_CRITERIA.name()) && t.changed())
                .mapToLong(Transition::requests).sum();
    }

    private static String html(Impact impact) {
        String from = impact.from().key();
        String to = impact.to().key();
        StringBuilder h = new StringBuilder(Html.head("Impact of " + to + " against " + from));
        h.append("<h1>What ").append(Html.escape(to)).append(" would change against ").append(Html.escape(from)).append("</h1>\n");
        h.append("<p>").append(Html.escape(impact.from().title())).append(". Each request is reviewed as of its own service"
                + " date under both versions, whatever their effective dates.</p>\n");
        long changed = changedOutcome(impact);
        h.append("<ul>\n<li>").append(impact.read()).append(" requests read: ").append(impact.compared())
                .append(" compared, ").append(impact.otherPolicy()).append(" name another policy (not compared), ")
                .append(impact.rejected()).append(" are not valid requests.</li>\n");
        h.append("<li><strong>").append(changed).append(" of ").append(impact.compared())
                .append(" compared requests change outcome</strong> (").append(percent(changed, impact.compared()))
                .append(").</li>\n<li>").append(approvalsLost(impact))
                .append(" requests that meet the criteria now would not under ").append(Html.escape(to)).append(".</li>\n</ul>\n");

        Set<String> pathways = new LinkedHashSet<>();
        impact.transitions().forEach(t -> pathways.add(t.pathway()));
        for (String pathway : pathways) {
            List<Transition> ts = impact.transitions().stream().filter(t -> t.pathway().equals(pathway)).toList();
            long total = ts.stream().mapToLong(Transition::requests).sum();
            long moved = ts.stream().filter(Transition::changed).mapToLong(Transition::requests).sum();
            h.append("<h2>Pathway ").append(Html.escape(pathway)).append("</h2>\n<p>").append(total).append(" requests; ")
                    .append(moved).append(" change outcome (").append(percent(moved, total)).append(").</p>\n");
            List<Html.Bar> bars = new ArrayList<>();
            for (Transition t : ts) {
                bars.add(new Html.Bar(t.changed() ? t.from() + " \u2192 " + t.to() : t.from() + " (unchanged)",
                        t.requests(), t.changed()));
            }
            h.append(Html.barChart("Outcomes of pathway " + pathway + " from " + from + " to " + to
                    + "; changes in orange", bars));
            h.append(matrix(pathway, ts, from, to));
            for (Transition t : ts) {
                if (t.changed()) {
                    h.append(change(impact, t));
                }
            }
        }
        h.append("<h2>Reproducing this report</h2>\n").append(provenance(impact.provenance()));
        return h.append(Html.tail()).toString();
    }

    private static String matrix(String pathway, List<Transition> ts, String from, String to) {
        List<String> rows = ts.stream().map(Transition::from).distinct().sorted().toList();
        List<String> columns = ts.stream().map(Transition::to).distinct().sorted().toList();
        StringBuilder t = new StringBuilder("<table>\n<caption>Requests of ").append(Html.escape(pathway))
                .append(" by outcome under ").append(Html.escape(from)).append(" (rows) and ").append(Html.escape(to))
                .append(" (columns)</caption>\n<tr><th></th>");
        columns.forEach(c -> t.append("<th scope=\"col\">").append(Html.escape(c)).append("</th>"));
        t.append("</tr>\n");
        for (String r : rows) {
            t.append("<tr><th scope=\"row\">").append(Html.escape(r)).append("</th>");
            for (String c : columns) {
                long n = ts.stream().filter(x -> x.from().equals(r) && x.to().equals(c)).mapToLong(Transition::requests).sum();
                t.append("<td class=\"n").append(n > 0 && !r.equals(c) ? " changed" : "").append("\">")
                        .append(n == 0 ? "" : String.valueOf(n)).append("</td>");
            }
            t.append("</tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static String change(Impact impact, Transition t) {
        StringBuilder h = new StringBuilder("<h3>").append(Html.escape(t.from())).append(" \u2192 ")
                .append(Html.escape(t.to())).append(": ").append(t.requests()).append(" requests</h3>\n");
        List<CriterionChange> criteria = impact.criteria().stream().filter(c -> c.pathway().equals(t.pathway())
                && c.from().equals(t.from()) && c.to().equals(t.to())).toList();
        if (criteria.isEmpty()) {
            h.append("<p>No criterion's result changed: the versions differ in what they decide from the same results.</p>\n");
        } else {
            h.append("<table>\n<caption>Criteria whose result changed</caption>\n"
                    + "<tr><th scope=\"col\">criterion: result before \u2192 after</th><th scope=\"col\" class=\"n\">requests</th></tr>\n");
            for (CriterionChange c : criteria) {
                h.append("<tr><td><code>").append(Html.escape(c.criterion().replace(" -> ", " \u2192 ")))
                        .append("</code></td><td class=\"n\">").append(c.requests()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        impact.examples().stream().filter(e -> e.pathway().equals(t.pathway()) && e.from().equals(t.from())
                && e.to().equals(t.to())).findFirst().ifPresent(e -> h.append("<p>Example requests: ")
                .append(e.requestIds().stream().map(id -> "<code>" + Html.escape(id) + "</code>").collect(Collectors.joining(", ")))
                .append("</p>\n"));
        return h.toString();
    }

    static String provenance(Provenance p) {
        StringBuilder h = new StringBuilder("<table>\n");
        row(h, "input", p.input());
        row(h, "input SHA-256", p.inputSha256() + " (" + p.inputFiles() + (p.inputFiles() == 1 ? " file" : " files") + ")");
        for (Provenance.PolicyFile f : p.policies()) {
            row(h, "policy " + f.version(), "policies/" + f.file() + ", SHA-256 " + f.sha256());
        }
        row(h, "pumpauth", p.productVersion());
        row(h, "Apache Spark", p.sparkVersion());
        row(h, "run", p.runAt().toString());
        return h.append("</table>\n<p class=\"definition\">The input's SHA-256 is that of the lines"
                + " <code>&lt;SHA-256 of a file&gt;  &lt;its path under the input&gt;</code>, one per file in path order.</p>\n")
                .toString();
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th scope=\"row\">").append(Html.escape(name)).append("</th><td><code>").append(Html.escape(value))
                .append("</code></td></tr>\n");
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "none" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static void json(Impact impact, Path file) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("from", impact.from().key());
            json.writeStringField("to", impact.to().key());
            json.writeNumberField("read", impact.read());
            json.writeNumberField("compared", impact.compared());
            json.writeNumberField("otherPolicy", impact.otherPolicy());
            json.writeNumberField("rejected", impact.rejected());
            json.writeNumberField("changedOutcome", changedOutcome(impact));
            json.writeArrayFieldStart("transitions");
            for (Transition t : impact.transitions()) {
                json.writeStartObject();
                json.writeStringField("pathway", t.pathway());
                json.writeStringField("from", t.from());
                json.writeStringField("to", t.to());
                json.writeNumberField("requests", t.requests());
                if (t.changed()) {
                    json.writeArrayFieldStart("criteria");
                    for (CriterionChange c : impact.criteria()) {
                        if (c.pathway().equals(t.pathway()) && c.from().equals(t.from()) && c.to().equals(t.to())) {
                            json.writeStartObject();
                            json.writeStringField("criterion", c.criterion());
                            json.writeNumberField("requests", c.requests());
                            json.writeEndObject();
                        }
                    }
                    json.writeEndArray();
                    json.writeArrayFieldStart("examples");
                    for (Examples e : impact.examples()) {
                        if (e.pathway().equals(t.pathway()) && e.from().equals(t.from()) && e.to().equals(t.to())) {
                            for (String id : e.requestIds()) {
                                json.writeString(id);
                            }
                        }
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            Provenance p = impact.provenance();
            json.writeObjectFieldStart("reproducibility");
            json.writeStringField("input", p.input());
            json.writeStringField("inputSha256", p.inputSha256());
            json.writeNumberField("inputFiles", p.inputFiles());
            json.writeArrayFieldStart("policies");
            for (Provenance.PolicyFile f : p.policies()) {
                json.writeStartObject();
                json.writeStringField("version", f.version());
                json.writeStringField("file", "policies/" + f.file());
                json.writeStringField("sha256", f.sha256());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("pumpauth", p.productVersion());
            json.writeStringField("spark", p.sparkVersion());
            json.writeStringField("runAt", p.runAt().toString());
            json.writeEndObject();
            json.writeEndObject();
        }
    }
}
