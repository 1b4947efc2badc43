package org.pumpauth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.FactValue;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.determination.Result;
import org.pumpauth.policy.DerivedFact;
import org.pumpauth.policy.DerivedField;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.RequestContract;
import org.pumpauth.request.RequestReader;

/**
 * Three laws of stated facts, over generated requests and every built-in policy version and pathway.
 * Each law collects every counter-example it finds as {@code law policy@version pathway criterion
 * field}; those on {@code laws/known-counterexamples.txt} are policy defects being fixed (issue 9)
 * and are reported, not failed, and an entry no longer found fails, so the list cannot go stale.
 *
 * <ul>
 *   <li>G12: an evaluation, trial or course stated as not done is not asked about.
 *   <li>G13: removing a stated fact never turns a criterion NOT_MET or UNKNOWN into MET.
 *   <li>G14: a fact the request states through a code, a name or another fact is not asked.
 * </ul>
 */
class StatedFactsLawsTest {
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();
    private static final RequestReader READER = new RequestReader();
    private static final Engine ENGINE = new Engine();
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private static final int SEEDS = 240;

    @Test
    void an_evaluation_trial_or_course_stated_as_not_done_is_not_asked_about_g12() {
        Set<String> found = new TreeSet<>();
        forEachRequest(2012L, (json, random) -> {
            for (PolicyVersion version : versions()) {
                ObjectNode noPsych = json.deepCopy();
                noPsych.remove("psychEvaluation");
                RandomRequests.set(noPsych, "psychEvaluation.completed", false);
                asked(evaluate(noPsych, version), "psychEvaluation.", "G12", found);
                for (String list : List.of("intraspinalTrials", "medicationTrials")) {
                    ObjectNode none = json.deepCopy();
                    none.set(list, RandomRequests.JSON.createArrayNode());
                    asked(evaluate(none, version), list, "G12", found);
                }
            }
        });
        check("G12", found);
    }

    @Test
    void removing_a_stated_fact_never_meets_a_criterion_that_was_not_met_g13() {
        Set<String> found = new TreeSet<>();
        Set<String> reached = new TreeSet<>();
        Map<String, Set<String>> standIns = standIns();
        forEachRequest(2013L, (json, random) -> {
            List<String> stated = statedFields(json);
            for (PolicyVersion version : versions()) {
                Determination before = evaluate(json, version);
                before.pathway().ifPresent(p -> reached.add(version.key() + " " + p));
                Map<String, Result> was = results(before);
                for (String field : stated) {
                    ObjectNode removed = json.deepCopy();
                    remove(removed, field);
                    // a field another stated fact stands in for (G5, G9, G14) is silent only without it
                    silent(contractPath(field), standIns).stream().filter(f -> !f.contains("[]"))
                            .forEach(f -> remove(removed, f));
                    Determination after = evaluate(removed, version);
                    if (!before.pathway().equals(after.pathway())) {
                        continue;
                    }
                    results(after).forEach((id, result) -> {
                        Result earlier = was.get(id);
                        if (result == Result.MET && earlier != null && earlier != Result.MET) {
                            found.add("G13 " + version.key() + " " + before.pathway().orElse("-") + " " + id + " "
                                    + contractPath(field));
                        }
                    });
                }
            }
        });
        check("G13", found);
        Set<String> pathways = new TreeSet<>();
        for (PolicyVersion version : versions()) {
            version.pathways().forEach(p -> pathways.add(version.key() + " " + p.id()));
        }
        pathways.removeAll(reached);
        assertThat(pathways).as("pathways the generated requests never reached").isEmpty();
    }

    @Test
    void a_fact_stated_by_its_code_name_or_source_fact_is_not_asked_g14() {
        Set<String> found = new TreeSet<>();
        Set<String> askedWhenSilent = new TreeSet<>();
        Map<String, Set<String>> standIns = standIns();
        forEachRequest(2014L, (json, random) -> {
            for (PolicyVersion version : versions()) {
                for (DerivedField derived : DerivedField.values()) {
                    if (derived == DerivedField.ROUTE) {
                        continue; // a code states intrathecal or epidural, not which: a policy may ask which
                    }
                    ObjectNode silent = json.deepCopy();
                    silent(derived.field(), standIns).forEach(f -> remove(silent, f));
                    Set<String> control = new TreeSet<>();
                    asked(evaluate(silent, version), derived.field(), "", control);
                    if (!control.isEmpty()) {
                        askedWhenSilent.add(derived.field());
                    }
                    ObjectNode stated = json.deepCopy();
                    remove(stated, derived.field());
                    stateSource(stated, derived, random);
                    asked(evaluate(stated, version), derived.field(), "G14", found);
                }
            }
        });
        check("G14", found);
        // not vacuous: each derived field some policy reads itself (not only as another derivation's
        // source, as service.programmablePump for existingDevice.programmable) is asked when neither it
        // nor its source is stated
        Set<String> read = new TreeSet<>();
        versions().forEach(v -> read.addAll(UncitedFactsTest.read(v)));
        for (DerivedField derived : DerivedField.values()) {
            if (derived != DerivedField.ROUTE && read.contains(derived.field())) {
                assertThat(askedWhenSilent).as("asked when silent").contains(derived.field());
            }
        }
    }

    /** States the source of a G14 derivation so that it gives a value. */
    private static void stateSource(ObjectNode json, DerivedField derived, Random random) {
        switch (derived) {
            case DRUG_CLASS:
                RandomRequests.set(json, "service.drug.name",
                        RandomRequests.pick(random, List.of("morphine", "ziconotide", "baclofen", "floxuridine")));
                break;
            case PROGRAMMABLE_PUMP:
                RandomRequests.set(json, "service.codes", List.of(RandomRequests.pick(random, List.of("62361", "62362"))));
                break;
            case EXISTING_PROGRAMMABLE:
                RandomRequests.set(json, "service.programmablePump", random.nextBoolean());
                break;
            case CONDITIONS:
                RandomRequests.set(json, "indication.diagnosisCodes",
                        List.of(RandomRequests.pick(random, List.of("G35", "S06.2X1A", "G80.1", "M96.1", "C22.0"))));
                break;
            case MALFUNCTION:
                RandomRequests.set(json, "existingDevice.functioning", false);
                break;
            case OPIOID_NAIVE: {
                ArrayNode trials = json.has("medicationTrials") ? (ArrayNode) json.get("medicationTrials")
                        : json.putArray("medicationTrials");
                ObjectNode course = trials.addObject();
                course.put("class", "opioid");
                course.put("route", RandomRequests.pick(random, List.of("oral", "transdermal")));
                course.put("weeks", 12);
                course.put("outcome", "failed");
                break;
            }
            default:
                throw new IllegalArgumentException(derived.name());
        }
    }

    /**
     * Records each missing field that is {@code field} or lies under it ({@code psychEvaluation.},
     * {@code intraspinalTrials}[]...), with the criterion that asked for it.
     */
    private static void asked(Determination d, String field, String law, Set<String> found) {
        for (MissingInformation missing : d.missingInformation()) {
            String m = missing.field();
            if (m.equals(field) || (field.endsWith(".") && m.startsWith(field)) || m.startsWith(field + "[")) {
                String criterion = d.criteria().map(root -> asker(root, missing.field())).orElse("-");
                found.add(law + " " + d.policy().id() + "@" + d.policy().version().map(Object::toString).orElse("-") + " "
                        + d.pathway().orElse("-") + " " + criterion + " " + missing.field());
            }
        }
    }

    /** The deepest criterion, not met or unknown, that holds the field unknown or asks for it. */
    private static String asker(CriterionResult node, String field) {
        if (node.is(Result.MET)) {
            return null;
        }
        for (CriterionResult child : node.children()) {
            String found = asker(child, field);
            if (found != null) {
                return found;
            }
        }
        boolean holds = node.requests().contains(field)
                || node.facts().stream().anyMatch(f -> !f.isKnown() && f.contractPath().equals(field));
        return holds ? node.id() : null;
    }

    private static void check(String law, Set<String> found) {
        Set<String> known = known(law);
        Set<String> unexpected = new TreeSet<>(found);
        unexpected.removeAll(known);
        Set<String> fixed = new TreeSet<>(known);
        fixed.removeAll(found);
        if (!found.isEmpty()) {
            System.out.println(law + ": " + found.size() + " counter-examples (law policy@version pathway criterion field):\n  "
                    + String.join("\n  ", found));
        }
        assertThat(unexpected).as(law + " counter-examples (law policy@version pathway criterion field)"
                + " not on laws/known-counterexamples.txt").isEmpty();
        assertThat(fixed).as(law + " counter-examples no longer found: remove them from laws/known-counterexamples.txt")
                .isEmpty();
    }

    private static Set<String> known(String law) {
        try (InputStream in = StatedFactsLawsTest.class.getResourceAsStream("/laws/known-counterexamples.txt")) {
            Set<String> known = new TreeSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> l.startsWith(law + " ")).forEach(known::add);
            return known;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface RequestCheck {
        void check(ObjectNode json, Random random);
    }

    /**
     * Generated requests, each service kind and indication category in turn (so that every pathway
     * is reached), half of them with an intraspinal route.
     */
    private static void forEachRequest(long seed, RequestCheck check) {
        Random seeds = new Random(seed);
        List<String> kinds = RequestContract.SERVICE_KINDS;
        List<String> categories = RequestContract.INDICATION_CATEGORIES;
        for (int i = 0; i < SEEDS; i++) {
            long s = seeds.nextLong();
            Random random = new Random(s * 31);
            ObjectNode json = RandomRequests.request(s);
            RandomRequests.set(json, "service.kind", kinds.get(i % kinds.size()));
            String category = categories.get((i / kinds.size()) % categories.size());
            RandomRequests.set(json, "indication.category", category);
            if (category.equals("chemotherapy")) {
                // NCD-1: the NCD's chemotherapy use is floxuridine, intra-arterially: reach it often enough
                if (random.nextBoolean()) {
                    RandomRequests.set(json, "service.drug.name", "floxuridine");
                    RandomRequests.set(json, "service.route", "intra-arterial");
                }
            } else if (random.nextBoolean()) {
                RandomRequests.set(json, "service.route", RandomRequests.pick(random, List.of("intrathecal", "epidural")));
            }
            check.check(json, random);
        }
    }

    private static List<PolicyVersion> versions() {
        List<PolicyVersion> versions = new ArrayList<>();
        for (Policy policy : POLICIES.policies()) {
            versions.addAll(policy.versions());
        }
        return versions;
    }

    private static Determination evaluate(ObjectNode json, PolicyVersion version) {
        try {
            var request = READER.read(RandomRequests.JSON.writeValueAsBytes(json));
            return ENGINE.evaluate(request, version, request.serviceDate(TODAY));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Result> results(Determination d) {
        Map<String, Result> results = new LinkedHashMap<>();
        d.criteria().ifPresent(root -> collect(root, results));
        return results;
    }

    private static void collect(CriterionResult node, Map<String, Result> results) {
        results.putIfAbsent(node.id(), node.result());
        node.children().forEach(child -> collect(child, results));
    }

    /**
     * For each field, the fields that stand in for it when it is unstated, so that removing it leaves
     * the request silent: the other inputs of a derived fact (age from the birth date, G5's life
     * expectancy, G9's drug table) and the sources of a G14 derivation, transitively.
     */
    private static Map<String, Set<String>> standIns() {
        Map<String, Set<String>> standIns = new LinkedHashMap<>();
        for (DerivedFact fact : DerivedFact.values()) {
            for (String field : fact.askFields()) {
                standIns.computeIfAbsent(field, f -> new LinkedHashSet<>()).addAll(fact.askFields());
            }
        }
        for (DerivedField derived : DerivedField.values()) {
            Set<String> sources = standIns.computeIfAbsent(derived.field(), f -> new LinkedHashSet<>());
            List<String> queue = new ArrayList<>(derived.sources());
            while (!queue.isEmpty()) {
                String source = queue.remove(0);
                if (sources.add(source)) {
                    DerivedField.of(source).ifPresent(d -> queue.addAll(d.sources()));
                }
            }
        }
        return standIns;
    }

    /** The field and, transitively, every field that would stand in for one of them. */
    private static Set<String> silent(String field, Map<String, Set<String>> standIns) {
        Set<String> fields = new LinkedHashSet<>(List.of(field));
        List<String> queue = new ArrayList<>(fields);
        while (!queue.isEmpty()) {
            for (String standIn : standIns.getOrDefault(queue.remove(0), Set.of())) {
                if (fields.add(standIn)) {
                    queue.add(standIn);
                }
            }
        }
        return fields;
    }

    /** The dotted paths of the request's stated facts, list elements' fields as {@code list[i].field}. */
    private static List<String> statedFields(ObjectNode json) {
        List<String> fields = new ArrayList<>();
        leaves(json, "", fields);
        fields.removeIf(f -> f.equals("requestId") || f.equals("service.kind") || f.equals("serviceDate"));
        return fields;
    }

    private static void leaves(JsonNode node, String prefix, List<String> fields) {
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String path = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                leaves(value, path + ".", fields);
            } else if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
                fields.add(path);
                for (int i = 0; i < value.size(); i++) {
                    leaves(value.get(i), path + "[" + i + "].", fields);
                }
            } else {
                fields.add(path);
            }
        }
    }

    private static String contractPath(String field) {
        return FactValue.contractPath(field);
    }

    /** Removes a dotted path ({@code a.b}, {@code list[2].field}) if present. */
    private static void remove(ObjectNode root, String path) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            node = step(node, parts[i]);
        }
        if (node instanceof ObjectNode) {
            ((ObjectNode) node).remove(parts[parts.length - 1]);
        }
    }

    private static JsonNode step(JsonNode node, String part) {
        int bracket = part.indexOf('[');
        if (bracket < 0) {
            return node.get(part);
        }
        JsonNode list = node.get(part.substring(0, bracket));
        return list == null ? null : list.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
    }
}
