package org.pumpauth.terminology;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The drug table ({@code policies/terminology/drugs.tsv}): a drug's name gives its class (ruling
 * G14) and, for the intrathecal route, its FDA approval (ruling G9).
 */
public final class Drugs {
    static final List<String> HEADER = List.of("name", "class", "intrathecal", "brand of", "source");
    private static final List<String> CLASSES = List.of("opioid", "non-opioid-analgesic", "antispasmodic",
            "chemotherapy", "anticoagulant", "insulin", "antibiotic", "other");
    /** How a name writes a mixture of drugs: "morphine + bupivacaine", "morphine/clonidine". */
    private static final Pattern MIXTURE = Pattern.compile("\\+|/|\\band\\b|\\bwith\\b");
    private static final Pattern MIXTURE_WORDS = Pattern.compile(".*\\b(mixture|compounded)\\b.*");

    /** One drug: its class and, where the table says, whether the FDA approved it intrathecally. */
    record Drug(String name, String drugClass, Optional<Boolean> intrathecalApproved, String generic) {}

    private final Map<String, Drug> byName;

    private Drugs(Map<String, Drug> byName) {
        this.byName = Map.copyOf(byName);
    }

    static Drugs parse(String file, String tsv, List<String> problems) {
        Map<String, Drug> drugs = new LinkedHashMap<>();
        for (Tsv.Row row : Tsv.rows(file, tsv, HEADER, 2, problems)) {
            String name = row.cell(0).toLowerCase(Locale.ROOT);
            String drugClass = row.cell(1);
            if (!CLASSES.contains(drugClass)) {
                problems.add(row.where() + ": class must be one of " + String.join(", ", CLASSES));
                continue;
            }
            Optional<Boolean> approved;
            switch (row.cell(2)) {
                case "approved":
                    approved = Optional.of(true);
                    break;
                case "not-approved":
                    approved = Optional.of(false);
                    break;
                case "":
                    approved = Optional.empty();
                    break;
                default:
                    problems.add(row.where() + ": intrathecal must be approved, not-approved or empty");
                    continue;
            }
            if (row.cell(4).isEmpty()) {
                problems.add(row.where() + ": a row needs its source");
            }
            if (drugs.put(name, new Drug(name, drugClass, approved,
                    row.cell(3).isEmpty() ? name : row.cell(3).toLowerCase(Locale.ROOT))) != null) {
                problems.add(row.where() + ": the drug is listed twice");
            }
        }
        return new Drugs(drugs);
    }

    /**
     * The class a drug's name states: the table's class for a name with one drug of the table in it
     * ("Morphine sulfate, preservative-free"), or for a mixture every part of which names a drug of
     * the table, all of one class ("hydromorphone + fentanyl"); else empty.
     */
    public Optional<String> drugClass(String drugName) {
        String name = drugName.toLowerCase(Locale.ROOT);
        String found = null;
        for (String part : MIXTURE.split(name)) {
            if (part.isBlank()) {
                continue;
            }
            Set<Drug> named = named(part);
            if (named.isEmpty()) {
                return Optional.empty(); // a part the table does not know: the class is not stated
            }
            for (Drug drug : named) {
                if (found != null && !found.equals(drug.drugClass())) {
                    return Optional.empty();
                }
                found = drug.drugClass();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Ruling G9 for the intrathecal route: approved or not per the table; a mixture (two drugs, or a
     * name that says mixture or compounded) is never approved; a drug the table does not judge is
     * empty.
     */
    public Optional<Boolean> intrathecalApproval(String drugName) {
        String name = drugName.toLowerCase(Locale.ROOT);
        Set<Drug> named = named(name);
        if (MIXTURE_WORDS.matcher(name).matches() || MIXTURE.matcher(name).find() || named.size() > 1) {
            return Optional.of(false);
        }
        return named.stream().findFirst().flatMap(Drug::intrathecalApproved);
    }

    /** The table's drugs a text names, a brand as its generic drug. */
    private Set<Drug> named(String text) {
        Set<Drug> named = new LinkedHashSet<>();
        for (String word : text.split("[^a-z0-9-]+")) {
            Drug drug = byName.get(word);
            if (drug != null) {
                named.add(byName.getOrDefault(drug.generic(), drug));
            }
        }
        return named;
    }
}
