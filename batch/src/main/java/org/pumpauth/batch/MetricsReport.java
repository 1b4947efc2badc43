package org.pumpauth.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pumpauth.batch.MetricsJob.Figures;
import org.pumpauth.codes.Code;
import org.pumpauth.codes.CodeCatalog;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyVersion;

/**
 * {@code metrics.html}, {@code metrics.csv} and {@code items.csv} of {@code batch metrics}: each
 * figure with its numerator and denominator, and the items and services that need prior
 * authorization.
 */
final class MetricsReport {
    static final String HTML = "metrics.html";
    static final String CSV = "metrics.csv";
    static final String ITEMS_CSV = "items.csv";

    private MetricsReport() {}

    /** One published figure: a ratio (numerator over denominator, in percent) or a time in hours. */
    record Measure(String urgency, String name, String numerator, Optional<Long> numeratorCount, String denominator,
            Optional<Long> denominatorCount, String value) {}

    /** A code that needs prior authorization, the policies in force that list it, and its description. */
    record Item(String code, String system, String description, List<String> policies) {}

    static List<Measure> measures(Figures f) {
        String decided = "requests of the year decided (" + f.urgency() + ")";
        List<Measure> m = new ArrayList<>();
        m.add(ratio(f, "approved", "approved at their first decision", f.approved(), decided, f.decided()));
        m.add(ratio(f, "denied", "denied at their first decision", f.denied(), decided, f.decided()));
        m.add(ratio(f, "approved after appeal", "denied, appealed and approved on reconsideration",
                f.approvedAfterAppeal(), "requests of the year denied, appealed and reconsidered (approved or upheld; "
                        + f.urgency() + ")", f.appealsDecided(), "no appeal decided"));
        m.add(ratio(f, "approved after an extension", "whose decision time was extended and that were approved",
                f.approvedAfterExtension(), decided, f.decided()));
        m.add(new Measure(f.urgency(), "average time from receipt to decision (hours)",
                "sum of hours from receipt to the first decision", Optional.empty(), decided, Optional.of(f.decided()),
                f.averageHours().map(MetricsReport::hours).orElse("none decided")));
        m.add(new Measure(f.urgency(), "median time from receipt to decision (hours)",
                "the middle of the hours from receipt to the first decision (the mean of the two middle ones for an"
                        + " even count)", Optional.empty(), decided, Optional.of(f.decided()),
                f.medianHours().map(MetricsReport::hours).orElse("none decided")));
        return m;
    }

    private static Measure ratio(Figures f, String name, String numerator, long n, String denominator, long d) {
        return ratio(f, name, numerator, n, denominator, d, "none decided");
    }

    /** {@code none}: the value when the denominator is 0. */
    private static Measure ratio(Figures f, String name, String numerator, long n, String denominator, long d,
            String none) {
        return new Measure(f.urgency(), "% " + name, "requests " + numerator, Optional.of(n), denominator, Optional.of(d),
                d == 0 ? none : String.format(Locale.ROOT, "%.1f", 100.0 * n / d));
    }

    private static String hours(double h) {
        return String.format(Locale.ROOT, "%.1f", h);
    }

    /** The codes of each policy version in force at the year's end, with the catalog's descriptions. */
    static List<Item> items(java.util.Collection<Policy> policies, int year) {
        CodeCatalog catalog = CodeCatalog.builtIn();
        Map<String, TreeSet<String>> byCode = new TreeMap<>();
        for (Policy policy : policies) {
            Optional<PolicyVersion> version = policy.inForce(LocalDate.of(year, 12, 31));
            version.ifPresent(v -> v.codes().forEach(c -> byCode.computeIfAbsent(c, k -> new TreeSet<>()).add(v.key())));
        }
        List<Item> items = new ArrayList<>();
        byCode.forEach((code, listing) -> {
            Optional<Code> known = catalog.find(code);
            items.add(new Item(code, known.map(Code::system).orElse(""), known.map(Code::description).orElse(""),
                    List.copyOf(listing)));
        });
        return items;
    }

    static void write(Path dir, int year, String store, List<Figures> figures, List<Item> items) {
        try (Writer csv = Files.newBufferedWriter(dir.resolve(CSV), StandardCharsets.UTF_8)) {
            csv.write("year,urgency,measure,numerator,numerator_count,denominator,denominator_count,value\n");
            for (Figures f : figures) {
                for (Measure m : measures(f)) {
                    csv.write(Csv.row(String.valueOf(year), m.urgency(), m.name(), m.numerator(),
                            m.numeratorCount().map(String::valueOf).orElse(""), m.denominator(),
                            m.denominatorCount().map(String::valueOf).orElse(""), m.value()));
                }
            }
            try (Writer itemsCsv = Files.newBufferedWriter(dir.resolve(ITEMS_CSV), StandardCharsets.UTF_8)) {
                itemsCsv.write("code,system,description,policies\n");
                for (Item item : items) {
                    itemsCsv.write(Csv.row(item.code(), item.system(), item.description(), String.join(" ", item.policies())));
                }
            }
            Files.writeString(dir.resolve(HTML), html(year, store, figures, items), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String html(int year, String store, List<Figures> figures, List<Item> items) {
        StringBuilder h = new StringBuilder(Html.head("Prior authorization metrics " + year));
        h.append("<h1>Prior authorization metrics, ").append(year).append("</h1>\n<p>Requests received from ")
                .append(year).append("-01-01 to ").append(year).append("-12-31 (UTC), from the case store at <code>")
                .append(Html.escape(store)).append("</code>; computed ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" by pumpauth ")
                .append(Html.escape(Main.productVersion())).append(" (CMS-0057-F; 42 CFR 422.122(c)).</p>\n");
        for (Figures f : figures) {
            h.append("<h2>").append(f.urgency().equals("standard") ? "Standard" : "Expedited").append(" requests</h2>\n<p>")
                    .append(f.received()).append(" received, ").append(f.decided()).append(" decided, ")
                    .append(f.received() - f.decided()).append(" not yet decided.</p>\n");
            h.append("<table>\n<tr><th scope=\"col\">measure</th><th scope=\"col\" class=\"n\">value</th>"
                    + "<th scope=\"col\">numerator</th><th scope=\"col\" class=\"n\"></th><th scope=\"col\">denominator</th>"
                    + "<th scope=\"col\" class=\"n\"></th></tr>\n");
            for (Measure m : measures(f)) {
                h.append("<tr><th scope=\"row\">").append(Html.escape(m.name())).append("</th><td class=\"n\">")
                        .append(Html.escape(m.value())).append("</td><td>").append(Html.escape(m.numerator()))
                        .append("</td><td class=\"n\">").append(m.numeratorCount().map(String::valueOf).orElse(""))
                        .append("</td><td>").append(Html.escape(m.denominator())).append("</td><td class=\"n\">")
                        .append(m.denominatorCount().map(String::valueOf).orElse("")).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<p class=\"definition\">A request's first decision is its approval or denial; for a denial that"
                + " was appealed it is the denial (its time is kept when the appeal is decided). Time from receipt"
                + " to decision runs from the request's receipt by the service to that first decision.</p>\n");
        h.append("<h2>Items and services that need prior authorization</h2>\n<table>\n<tr><th scope=\"col\">code</th>"
                + "<th scope=\"col\">system</th><th scope=\"col\">description</th><th scope=\"col\">policies</th></tr>\n");
        for (Item item : items) {
            h.append("<tr><td><code>").append(Html.escape(item.code())).append("</code></td><td>")
                    .append(Html.escape(item.system())).append("</td><td>").append(Html.escape(item.description()))
                    .append("</td><td>").append(Html.escape(String.join(", ", item.policies()))).append("</td></tr>\n");
        }
        return h.append("</table>\n").append(Html.tail()).toString();
    }
}
