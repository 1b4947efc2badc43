package org.pumpauth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.Result;
import org.pumpauth.policy.Criteria;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.Field;
import org.pumpauth.request.RequestContract;
import org.pumpauth.request.RequestReader;
import org.pumpauth.terminology.Terminology;

/**
 * G1's promise, over random requests and every built-in policy version: filling in a fact the
 * determination asked for (with a value that agrees with what the request states of it, G14) never turns a known criterion result into the other known result, and
 * never turns a request that does not meet criteria into one that does. Criteria that read silence
 * as a statement ({@code unstated}, {@code present}, {@code absent: empty}, a document asked for when
 * absent) are left out of the criterion-level check: there, silence is itself a fact. A pathway
 * chosen on silence (G13: a selector may read an unstated drug class as the listed use) gives way
 * to another when the fact is stated (NCD-1: a morphine pump for spasticity is an other use), and
 * the first pathway's criteria no longer apply: that change of pathway is left out of the
 * outcome-level check.
 */
class MonotonicityTest {
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();
    private static final RequestReader READER = new RequestReader();
    private static final Engine ENGINE = new Engine();
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @Test
    void filling_in_a_missing_fact_never_flips_a_known_result() {
        Map<PolicyVersion, Set<String>> silenceReaders = new HashMap<>();
        Map<PolicyVersion, Set<String>> chosenOnSilence = new HashMap<>();
        for (Policy policy : POLICIES.policies()) {
            for (PolicyVersion version : policy.versions()) {
                silenceReaders.put(version, silenceReaders(version));
                chosenOnSilence.put(version, chosenOnSilence(version));
            }
        }
        int[] checked = {0};
        qt().withFixedSeed(2024L).withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            ObjectNode json = RandomRequests.request(seed);
            Random random = new Random(seed * 31);
            for (PolicyVersion version : silenceReaders.keySet()) {
                Determination before = evaluate(json, version);
                for (MissingInformation missing : before.missingInformation()) {
                    if (missing.field().contains("[]")) {
                        continue; // list elements: filled through their own generator, not here
                    }
                    Field field = RequestContract.field(missing.field());
                    if (!RandomRequests.isScalar(field)) {
                        continue;
                    }
                    ObjectNode filled = json.deepCopy();
                    RandomRequests.set(filled, field.path(), agreeing(json, field, RandomRequests.value(random, field), random));
                    Determination after = evaluate(filled, version);
                    checked[0]++;
                    String context = version.key() + " seed " + seed + " filling " + field + ": " + before.outcome()
                            + " -> " + after.outcome();
                    boolean leftSilentChoice = !before.pathway().equals(after.pathway())
                            && before.pathway().filter(chosenOnSilence.get(version)::contains).isPresent();
                    if (before.outcome() == Outcome.DOES_NOT_MEET_CRITERIA && !leftSilentChoice) {
                        assertThat(after.outcome()).as(context).isIn(Outcome.NOT_ADDRESSED, Outcome.INVESTIGATIONAL,
                                Outcome.DOES_NOT_MEET_CRITERIA);
                    }
                    if (before.pathway().equals(after.pathway())) {
                        Map<String, Result> known = new HashMap<>();
                        before.criteria().ifPresent(root -> knownResults(root, silenceReaders.get(version), known));
                        Map<String, Result> now = new HashMap<>();
                        after.criteria().ifPresent(root -> knownResults(root, Set.of(), now));
                        known.forEach((id, result) -> assertThat(now.get(id)).as(context + ", criterion " + id)
                                .isIn(result, null));
                    }
                }
            }
        });
        assertThat(checked[0]).as("fills checked: the generator must reach missing facts").isGreaterThan(1000);
    }

    /**
     * A filled value that agrees with what the request already states of the field (G14): a route
     * asked although an intraspinal code states intrathecal or epidural is one of those two; conditions
     * asked although some diagnosis codes state conditions include those.
     */
    private static Object agreeing(ObjectNode json, Field field, Object value, Random random) {
        Terminology tables = Terminology.builtIn();
        if (field.path().equals("service.route")) {
            List<String> codes = strings(json.at("/service/codes"));
            if (tables.codes().statesIntraspinal(codes)) {
                return RandomRequests.pick(random, List.of("intrathecal", "epidural"));
            }
        }
        if (field.path().equals("indication.conditions")) {
            List<String> conditions = new ArrayList<>();
            for (String code : strings(json.at("/indication/diagnosisCodes"))) {
                tables.diagnoses().condition(code).filter(c -> !conditions.contains(c)).ifPresent(conditions::add);
            }
            for (Object condition : (List<?>) value) {
                if (!conditions.contains(condition)) {
                    conditions.add((String) condition);
                }
            }
            return conditions;
        }
        return value;
    }

    private static List<String> strings(JsonNode node) {
        List<String> strings = new ArrayList<>();
        node.forEach(n -> strings.add(n.asText()));
        return strings;
    }

    private static Determination evaluate(ObjectNode json, PolicyVersion version) {
        try {
            var request = READER.read(RandomRequests.JSON.writeValueAsBytes(json));
            return ENGINE.evaluate(request, version, request.serviceDate(TODAY));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void knownResults(CriterionResult node, Set<String> excluded, Map<String, Result> known) {
        if (!node.is(Result.UNKNOWN) && !excluded.contains(node.id())) {
            known.put(node.id(), node.result());
        }
        node.children().forEach(child -> knownResults(child, excluded, known));
    }

    /** Ids of the criteria that contain a construct reading silence as a statement, and their ancestors. */
    private static Set<String> silenceReaders(PolicyVersion version) {
        Set<String> ids = new HashSet<>();
        for (Criterion c : version.scope()) {
            mark(c, ids);
        }
        for (Pathway pathway : version.pathways()) {
            for (Criterion c : pathway.criteria()) {
                mark(c, ids);
            }
        }
        return ids;
    }

    /** Ids of the pathways whose {@code when} reads silence as a statement. */
    private static Set<String> chosenOnSilence(PolicyVersion version) {
        Set<String> ids = new HashSet<>();
        for (Pathway pathway : version.pathways()) {
            if (mark(pathway.when(), new HashSet<>())) {
                ids.add(pathway.id());
            }
        }
        return ids;
    }

    private static boolean mark(Criterion criterion, Set<String> ids) {
        boolean reads = Criteria.readsSilence(criterion);
        for (Criterion child : criterion.children()) {
            reads |= mark(child, ids);
        }
        if (reads && criterion.meta().traced()) {
            ids.add(criterion.meta().id());
        }
        return reads;
    }

}
