package org.pumpauth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.policy.Criteria;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.DerivedField;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.Field;
import org.pumpauth.request.RequestContract;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * Each policy version's determination depends only on the facts its criteria cite: changing any
 * other request field leaves the outcome, the pathway, the criteria and what is missing as they were.
 */
class UncitedFactsTest {
    private static final RequestReader READER = new RequestReader();
    private static final Engine ENGINE = new Engine();
    /** Fields the engine itself reads whatever the policy: the request's identity and the codes (G7 warnings). */
    private static final Set<String> ENGINE_FIELDS =
            Set.of("requestId", "serviceDate", "receivedAt", "policy", "service.kind", "service.codes");

    @Test
    void a_policy_outcome_never_depends_on_a_fact_it_does_not_cite() {
        List<PolicyVersion> versions = new ArrayList<>();
        for (Policy policy : PolicyRegistry.builtIn().policies()) {
            versions.addAll(policy.versions());
        }
        int[] checked = {0};
        qt().withFixedSeed(7L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            ObjectNode json = RandomRequests.request(seed);
            Random random = new Random(seed ^ 0x5DEECE66DL);
            for (PolicyVersion version : versions) {
                Set<String> cited = cited(version);
                List<Field> uncited = RequestContract.REQUEST.fields().stream()
                        .filter(f -> RandomRequests.isScalar(f) && !cited.contains(f.path())
                                && !ENGINE_FIELDS.contains(f.path()))
                        .toList();
                Field field = uncited.get(random.nextInt(uncited.size()));
                ObjectNode changed = json.deepCopy();
                RandomRequests.set(changed, field.path(), RandomRequests.value(random, field));
                String before = withoutWarnings(evaluate(json, version));
                String after = withoutWarnings(evaluate(changed, version));
                assertThat(after).as(version.key() + ", seed " + seed + ", changing uncited " + field).isEqualTo(before);
                checked[0]++;
            }
        });
        assertThat(checked[0]).isGreaterThan(1000);
    }

    /** Every field the version's scope, pathway choices and criteria read, and those G14 derives them from. */
    static Set<String> cited(PolicyVersion version) {
        Set<String> fields = new HashSet<>();
        for (String path : read(version)) {
            fields.add(path);
            // G14: a field the request does not state is read from the fields that state it
            DerivedField.of(path).ifPresent(derived -> fields.addAll(derived.sources()));
        }
        return fields;
    }

    /** The request fields a version's criteria name themselves (a list field by the list's path). */
    static Set<String> read(PolicyVersion version) {
        List<Criterion> all = new ArrayList<>(version.scope());
        for (Pathway pathway : version.pathways()) {
            all.add(pathway.when());
            all.addAll(pathway.criteria());
        }
        Set<String> fields = new HashSet<>();
        for (Criterion criterion : all) {
            for (String path : Criteria.fields(criterion)) {
                int list = path.indexOf("[]");
                fields.add(list < 0 ? path : path.substring(0, list));
            }
        }
        return fields;
    }

    private static Determination evaluate(ObjectNode json, PolicyVersion version) {
        try {
            ReviewRequest request = READER.read(RandomRequests.JSON.writeValueAsBytes(json));
            return ENGINE.evaluate(request, version, request.serviceDate(LocalDate.of(2024, 6, 1)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutWarnings(Determination d) {
        return DeterminationJson.toJson(new Determination(d.requestId(), d.policy(), d.serviceDate(), d.pathway(),
                d.outcome(), d.criteria(), d.missingInformation(), d.reasons(), List.of()));
    }
}
